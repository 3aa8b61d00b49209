/**
 * The home page (main package, kept light: no catalog): the list it follows and its status, where to
 * start or resume the questionnaire, browse the list, upcoming deadlines and new batches that match
 * the user's last result; a scanned 小程序码 lands here.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { ROUTES as CODE_ROUTES, START_SCENE, decodeScene, scannedRoute } from '@policy/links'
import type { Deadline } from '@cloud-api'
import ContactButton from '@/components/contact-button'
import PrivacyPrompt from '@/components/privacy-prompt'
import ListStatusLine from '@/components/list-status-line'
import AdminEntry from '@/components/admin-entry'
import NewDeadlines from '@/components/new-deadlines'
import { callCloud } from '@/services/cloud'
import { POLICY_LIST_NAME, listStatusDisclaimer, useListStatus } from '@/services/list-status'
import { STEPS, STEP_TITLES, isStarted, type Draft } from '@/state/draft-core'
import { ROUTES } from '@/state/navigation'
import { loadDraft, startOver } from '@/state/storage'
import { takeLastVisit } from '@/state/last-visit'
import { loadResultForHome } from '@/state/result-for-home'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

/** The list's title, kept in src/services/policy-list.ts so the home page does not load the catalog (a test keeps it equal). */
export { POLICY_LIST_NAME }
/** The policy browser (issue 4). */
export const POLICY_BROWSER = '/pages/policy/browse/index'
/** How many upcoming deadlines the home page lists. */
export const HOME_DEADLINES = 3

function UpcomingDeadlines() {
  const [list, setList] = useState<Deadline[]>([])
  useEffect(() => {
    let alive = true
    void callCloud('deadlines', { action: 'list', scope: 'current', limit: HOME_DEADLINES }).then((env) => {
      // Nothing to show, offline, or not deployed: the home page simply has no deadline block.
      if (alive && env.ok && env.data.action === 'list') setList(env.data.deadlines.slice(0, HOME_DEADLINES))
    })
    return () => {
      alive = false
    }
  }, [])
  if (list.length === 0) return null
  return (
    <View className='card home__deadlines' id='home-deadlines'>
      <Text className='home__section-title'>近期申报截止</Text>
      {list.map((d) => (
        <Button
          className='home__deadline'
          key={d.id}
          data-deadline={d.id}
          onClick={() => void Taro.navigateTo({ url: ROUTES.batch(d.measureId, d.id) })}
        >
          <Text className='home__deadline-title'>
            {d.sample ? '【示例】' : ''}
            {d.measureLabel}
            {d.batchTitle}
          </Text>
          <Text className='home__deadline-date'>
            {d.closesOn} 截止{d.daysToClose >= 0 ? `（还有 ${d.daysToClose} 天）` : ''}
          </Text>
        </Button>
      ))}
    </View>
  )
}

export default function IndexPage() {
  const router = useRouter()
  // A scanned 小程序码 starts here with `scene`: a result sheet's (v=start) is an invitation; a
  // measure's goes on to its page, which reads the scene with the catalog (not loaded here).
  const scene = decodeScene(router.params.scene)
  useEffect(() => {
    if (scene && scene !== START_SCENE) void Taro.redirectTo({ url: scannedRoute(CODE_ROUTES.detail, scene) })
  }, [scene])
  const [draft, setDraft] = useState<Draft | undefined>(() => loadDraft())
  useDidShow(() => setDraft(loadDraft()))
  // This visit's "since": the previous one, read (and replaced) once when home opens.
  const [lastVisit] = useState(() => takeLastVisit())
  const forHome = useMemo(() => loadResultForHome(draft), [draft])
  const started = isStarted(draft)
  const listStatus = useListStatus()

  const start = (entity: 'enterprise' | 'park') => {
    void Taro.navigateTo({ url: `${ROUTES.questionnaire}?entity=${entity}` })
  }
  const resume = () => void Taro.navigateTo({ url: ROUTES.questionnaire })
  const restart = async () => {
    const res = await Taro.showModal({ title: '重新开始', content: '清除本机保存的全部答案？', confirmText: '清除', cancelText: '取消' })
    if (!res.confirm) return
    startOver()
    setDraft(undefined)
  }

  return (
    <View style={pageTextStyle()} className='page home'>
      <View className='home__hero'>
        <Text className='home__title'>政策算盘</Text>
        <Text className='home__lead' id='home-lead'>
          回答几个问题，一分钟算清你能申请的内蒙古制造业政策资金
        </Text>
        {scene === START_SCENE && (
          <Text className='home__invited' id='home-invited'>
            朋友发来了他的测算单：你的企业也可以算一算
          </Text>
        )}
      </View>

      {started ? (
        <View className='home__actions'>
          <Button className='btn btn--primary start-button' id='resume-button' onClick={resume}>
            继续上次的测算
          </Button>
          <Text className='home__resume-note muted' id='resume-note'>
            已保存在本机：{draft!.entity === 'park' ? '工业园区' : '企业'} · 第 {STEPS.indexOf(draft!.step) + 1} 步「{STEP_TITLES[draft!.step]}」
          </Text>
          {draft!.step === 'questions' && (
            <Button className='btn home__secondary' id='last-results' onClick={() => void Taro.navigateTo({ url: ROUTES.results })}>
              查看上次结果
            </Button>
          )}
          <Button className='btn home__secondary' id='home-restart' onClick={() => void restart()}>
            重新开始
          </Button>
        </View>
      ) : (
        <View className='home__actions'>
          <Button className='btn btn--primary start-button' id='start-button' onClick={() => start('enterprise')}>
            企业开始测算
          </Button>
          <Button className='btn home__secondary' id='start-park' onClick={() => start('park')}>
            工业园区开始测算
          </Button>
        </View>
      )}

      <Button className='btn home__secondary home__browse' id='browse-policies' onClick={() => void Taro.navigateTo({ url: POLICY_BROWSER })}>
        浏览政策清单全部措施
      </Button>
      <Button className='btn home__secondary' id='home-reminders' onClick={() => void Taro.navigateTo({ url: ROUTES.reminders })}>
        我的提醒
      </Button>

      <NewDeadlines since={lastVisit} items={forHome} />

      <UpcomingDeadlines />

      <ListStatusLine id='home-list-status' view={listStatus} />

      <View className='home__disclaimer muted' id='disclaimer'>
        <Text>
          依据《{POLICY_LIST_NAME}》逐条测算。{listStatusDisclaimer(listStatus.status)}所列金额均为按条文估算的结果，不是审批结论；能否获得支持及具体金额，以主管部门的审核认定为准。
        </Text>
      </View>

      <ContactButton id='home-contact' path={CODE_ROUTES.home} />

      <AdminEntry id='home-admin' className='home__admin' />

      <Button className='home__privacy' id='home-privacy' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
        隐私说明
      </Button>

      <PrivacyPrompt />

      {process.env.TARO_ENV === 'h5' && (
        <Button className='home__dev' id='dev-check' onClick={() => void Taro.navigateTo({ url: ROUTES.devCheck })}>
          本地开发版 · 切换测试用户
        </Button>
      )}
    </View>
  )
}
