/** The results page: the engine's result on the device, confirmed by the `calculate` function, grouped into cards. */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { evaluate, type EvaluateResult, catalog2022, findMeasure, entityName, versionStamp, versionText } from '@policy/engine'
import { groupResults, pathLabel, summarize, type GroupId } from '@policy/view'
import { layoutSheet, sheetContent, sheetDisclaimer, itemCard, resultCard } from '@policy/pictures'
import ContactButton from '@/components/contact-button'
import PrivacyPrompt from '@/components/privacy-prompt'
import DrawCanvas from '@/components/draw-canvas'
import FigureTick from '@/components/figure-tick'
import ImagePreview from '@/components/image-preview'
import { usePicture } from '@/components/image-preview/use-picture'
import ListStatusLine from '@/components/list-status-line'
import ResultCard, { type ResultCardView } from '@/components/result-card'
import { todayBeijing } from '@/services/beijing-time'
import { copyText } from '@/services/clipboard'
import { listStatusDisclaimer, useListStatus } from '@/services/list-status'
import { draftProfile, isStarted } from '@/state/draft'
import { ROUTES, goToQuestion, openDetail } from '@/state/navigation'
import { loadDraft, startOver } from '@/state/storage'
import { saveResultForHome } from '@/state/result-for-home'
import { renderWithCode } from '@/services/picture'
import { APP_NAME, BRAND, itemShare, itemShareText, resultShare, sharedTotal } from '@/services/share'
import { withCard } from '@/services/share-card'
import { findPlace } from '../../../shared/region'
import { cardView, sharedFigure } from './card-view'
import { itemsForHome } from './for-home'
import { cloudVersionNote, confirmOnCloud, shownVersion, type CloudState, type Confirmation } from './confirm'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

export const POLICY_LIST_NAME = catalog2022.title

const CLOUD_TEXT: Record<CloudState, string> = {
  checking: '正在与云端核对…',
  same: '已核对',
  updated: '已按云端结果更新',
  offline: '云端暂不可用，显示本机结果',
  failed: '云端未能核对，显示本机结果',
}

const GROUP_NOTE: Partial<Record<GroupId, string>> = {
  people: '奖励发给工匠本人，不计入企业可申请的合计。',
  needsInfo: '补充下列信息后才能确定金额。',
  nearMiss: '目前未达到条件，但差得不多。',
  nonMonetary: '不直接发钱，但可以争取的支持。',
}

export default function ResultsPage() {
  const draft = useMemo(() => loadDraft(), [])
  const prepared = useMemo(() => (draft && isStarted(draft) ? draftProfile(draft) : undefined), [draft])
  const local = useMemo(() => (prepared?.ok ? evaluate(prepared.profile) : undefined), [prepared])
  const [shown, setShown] = useState<EvaluateResult | undefined>(local)
  const [cloud, setCloud] = useState<CloudState>('checking')
  const [confirmation, setConfirmation] = useState<Confirmation>()
  const [showIneligible, setShowIneligible] = useState(false)
  const [withFigures, setWithFigures] = useState(false)
  const sheet = usePicture('测算单')
  const listStatus = useListStatus()

  // The device's result is on screen at once; the cloud (same engine, validated input) confirms it.
  useEffect(() => {
    if (!prepared?.ok || !local) return
    let alive = true
    void confirmOnCloud(prepared.profile, local).then((c) => {
      if (!alive) return
      if (c.state === 'updated' && c.cloud) setShown(c.cloud)
      setCloud(c.state)
      setConfirmation(c)
    })
    return () => {
      alive = false
    }
  }, [prepared, local])

  const groups = useMemo(() => (shown ? groupResults(shown) : []), [shown])
  // Each card's view, made once: the cards show it and the shares read it.
  const views = useMemo(() => new Map(groups.flatMap((g) => g.items.map((r) => [r.id, cardView(r, g.id)] as const))), [groups])
  /** The figure a share of this card carries: only when the user ticked it. */
  const figureToShare = (v: ResultCardView) => (withFigures ? sharedFigure(v) : undefined)
  const summary = useMemo(() => (shown ? summarize(shown) : undefined), [shown])
  // The home page matches new deadline batches against what these cards show (kept on the device only).
  useEffect(() => {
    if (draft && shown) saveResultForHome(draft, itemsForHome(views.values()))
  }, [draft, shown, views])

  // A share carries the user's own figures only when the tick below says so: a card's share button
  // sends that item (its figure when ticked, else the catalog's headline) and opens the detail page
  // at it; the menu sends the invitation to the home page (the total when ticked). Both with a drawn card.
  useShareAppMessage((res) => {
    const dataset = (res.target as { dataset?: { measure?: string; item?: string } } | undefined)?.dataset
    const measure = res.from === 'button' ? findMeasure(dataset?.measure) : undefined
    const view = dataset?.item ? views.get(dataset.item) : undefined
    if (measure && view) {
      const figure = figureToShare(view)
      return withCard(itemShare(measure, view.id, figure), itemCard(measure, view.id, BRAND, figure))
    }
    const input = { summary: summary ?? { covers: '' }, includeFigures: withFigures }
    return withCard(resultShare(input), resultCard(BRAND, sharedTotal(input)))
  })

  // H5 has no WeChat share: a card's 分享 copies a line naming the item, ending with its link.
  const share = (v: ResultCardView) => {
    const measure = findMeasure(v.measureId)
    if (!measure) return
    void copyText(itemShareText(measure, v.id, figureToShare(v)), '复制失败').then((ok) => (ok ? Taro.showToast({ title: '已复制，可粘贴分享', icon: 'none' }) : undefined))
  }

  const restart = async () => {
    const res = await Taro.showModal({ title: '重新开始', content: '清除本机保存的全部答案，从第一步重新填写？', confirmText: '清除', cancelText: '取消' })
    if (!res.confirm) return
    startOver()
    // Back to the questionnaire below, if it is there (it then shows the cleared answers), else a new one:
    // a redirect would leave the old answers one back-tap away.
    goToQuestion()
  }

  if (!draft || !isStarted(draft)) {
    return (
      <View style={pageTextStyle()} className='page results'>
        <View className='card results__empty' id='results-empty'>
          <Text className='results__empty-title'>还没有答案</Text>
          <Text className='muted'>先回答几个问题，就能算出可以申请的政策资金。</Text>
          <Button className='btn btn--primary' id='results-start' onClick={() => void Taro.redirectTo({ url: ROUTES.questionnaire })}>
            开始测算
          </Button>
        </View>
      </View>
    )
  }

  if (prepared && !prepared.ok) {
    const entries = Object.entries(prepared.messages)
    return (
      <View style={pageTextStyle()} className='page results'>
        <View className='card results__invalid' id='results-invalid'>
          <Text className='results__empty-title'>有 {entries.length} 处填写需要修改</Text>
          {entries.map(([path, message]) => (
            <Button className='results__fix' key={path} data-path={path} onClick={() => goToQuestion(path)}>
              {message || pathLabel(path)} →
            </Button>
          ))}
        </View>
      </View>
    )
  }

  const result = shown!
  const place = findPlace(draft.countyCode)
  const who = [draft.entity ? entityName(draft.entity) : '', place ? `${place.cityName}${place.countyName}` : ''].filter(Boolean).join(' · ')

  // 测算单: the whole result as one picture, drawn on the phone from what is on screen; its code
  // opens the home page (nothing of the result travels in it).
  const makeSheet = () => {
    const meta = { appName: APP_NAME, who, date: todayBeijing(), listName: POLICY_LIST_NAME, listStatus: listStatus.status.label, statusNote: listStatusDisclaimer(listStatus.status), version: shownVersion(confirmation) }
    return sheet.open(() => renderWithCode('sheet', { view: 'start' }, (code, m) => layoutSheet(sheetContent(result, { ...meta, code }), m)))
  }

  return (
    <View style={pageTextStyle()} className='page results'>
      <ListStatusLine id='results-list-status' view={listStatus} />

      <View className='card results__summary' id='results-summary'>
        <Text className='results__who'>{who}</Text>
        <Text className='results__lead'>{summary!.lead}</Text>
        {summary!.totalWan !== undefined && (
          <View className='results__total-row'>
            <Text className='results__total' id='results-total'>
              {summary!.totalWan}
            </Text>
            <Text className='results__unit'>万元</Text>
          </View>
        )}
        <Text className='results__covers' id='results-covers'>
          {summary!.covers}
        </Text>
        {summary!.lines.map((line) => (
          <Text className='results__extra' id={`results-${line.id}`} key={line.id}>
            {line.text}
          </Text>
        ))}
        <Text className={`results__cloud results__cloud--${cloud}`} id='cloud-status' data-state={cloud}>
          {CLOUD_TEXT[cloud]}
        </Text>
      </View>

      {groups.map((g) => {
        if (g.items.length === 0) return null
        const collapsed = g.id === 'ineligible' && !showIneligible
        return (
          <View className={`results__group results__group--${g.id}`} key={g.id} id={`group-${g.id}`}>
            <View className='results__group-head'>
              <Text className='results__group-title'>
                {g.title}（{g.items.length} 项）
              </Text>
              {g.id === 'ineligible' && (
                <Button
                  className='results__group-toggle'
                  id='toggle-ineligible'
                  aria-expanded={showIneligible ? 'true' : 'false'}
                  onClick={() => setShowIneligible(!showIneligible)}
                >
                  {showIneligible ? '收起' : '展开查看原因'}
                </Button>
              )}
            </View>
            {GROUP_NOTE[g.id] && <Text className='results__group-note'>{GROUP_NOTE[g.id]}</Text>}
            {!collapsed &&
              g.items.map((r) => (
                <ResultCard
                  key={r.id}
                  view={views.get(r.id)!}
                  compact={g.id === 'nonMonetary' || g.id === 'ineligible'}
                  onQuestion={goToQuestion}
                  onDetail={openDetail}
                  onShare={share}
                />
              ))}
          </View>
        )
      })}

      <View className='card results__share' id='results-share'>
        <Button className='btn' id='sheet-open' onClick={() => void makeSheet()}>
          生成测算单图片
        </Button>
        <Text className='results__share-note muted'>整份结果画成一张图，发给老板或财务；图在手机上生成，不上传。</Text>
        <FigureTick id='share-with-figures' label='分享卡片中显示我的测算金额' checked={withFigures} onChange={setWithFigures} />
        <DrawCanvas name='sheet' />
        <DrawCanvas name='card' />
      </View>

      <ImagePreview
        id='sheet'
        state={sheet.state}
        noun='测算单'
        fileName={`${APP_NAME}-测算单-${todayBeijing()}.png`}
        alt='测算单：整份测算结果'
        long
        onClose={sheet.close}
      />

      <View className='results__actions'>
        <Button className='btn btn--primary' id='edit-answers' onClick={() => goToQuestion()}>
          修改答案
        </Button>
        <Button className='btn results__restart' id='results-restart' onClick={() => void restart()}>
          重新开始
        </Button>
      </View>

      <View className='results__disclaimer muted' id='results-disclaimer'>
        <Text>
          {sheetDisclaimer(POLICY_LIST_NAME, listStatusDisclaimer(listStatus.status))}
        </Text>
      </View>
      <View className='results__disclaimer muted' id='results-version'>
        <Text>{versionText(versionStamp())}</Text>
      </View>
      {cloudVersionNote(confirmation) !== '' && (
        <View className='results__disclaimer muted' id='results-version-cloud'>
          <Text>{cloudVersionNote(confirmation)}</Text>
        </View>
      )}

      <ContactButton id='results-contact' path={ROUTES.results} title='我的测算结果' />
      <PrivacyPrompt />
    </View>
  )
}
