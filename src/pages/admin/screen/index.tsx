/**
 * 园区批量测算 (admins and the park staff they add — the admin pages' rule, checked again by the
 * `screen` function): a park office's register, the screening template filled in, picked from a
 * chat (a file input in the browser build), uploaded to the caller's own folder in cloud storage,
 * screened by the `screen` function in calls of SCREEN_CHUNK_ROWS rows with the progress shown,
 * and written as a result spreadsheet — opened, sent to a chat (WeChat) or downloaded (browser),
 * and deleted by its owner. The blank template comes from the same function, for the topics the
 * person picks (the questionnaire's topic chips) and the projects per item (issue 27, item 1).
 * A park's own register (issue 27, item 2): before any row is screened the page lists how each of
 * its columns is read, each with a picker (不使用 included), to confirm (确认并测算: the `map`
 * action, which remembers it) or cancel; the same headers next time are screened without asking.
 *
 * Nothing of the enterprises' figures stays anywhere but the result file: the uploaded register
 * and the partial results are deleted when the result is written. A screening left half-way is
 * deleted when the page closes: by the run itself once its call in flight has answered (so an
 * upload or a chunk that lands after the close cannot leave a file behind), or by the close when
 * no call is in flight; and if WeChat kills the app, by the function when the page next opens.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Picker } from '@tarojs/components'
import { SCREEN_MAX_FILE_BYTES, SCREEN_MAX_ROWS, SCREEN_TOO_BIG, type ScreenJob, type ScreenPreview } from '@cloud-api'
import type { TopicId } from '@policy/engine'
import { topicsFor } from '@policy/view'
import AdminGate from '@/components/admin-gate'
import ChoiceChips from '@/components/choice-chips'
import TopicChips from '@/components/topic-chips'
import { callCloud, errorMessages, type CloudError } from '@/services/cloud'
import { openSpreadsheet, sendSpreadsheet, uploadFile } from '@/services/cloud-files'
import { useAlive } from '@/state/alive'
import { beijingTime } from '@/services/beijing-time'
import { pickChatFile, type PickOptions } from '../import/pick-file'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

export const SCREEN_TEXT = {
  privacy: '名单只用于这次测算：上传的文件和中间结果在生成结果后即删除，只保留结果文件；结果文件只有你能打开，可随时删除。',
  limits: `一次最多 ${SCREEN_MAX_ROWS} 行、${SCREEN_MAX_FILE_BYTES / 1024 / 1024} MB；更大的名单请拆成几个文件分别测算。`,
  deleteConfirm: '删除后无法恢复，确定删除这份结果吗？',
  deleted: '已删除',
  confirmColumns: '名单的每一列按下面读取；点一列可改为别的内容或「不使用」。确认后会记住，下次同样表头的名单不再询问。',
  entityAssumed: '名单没有「主体类型」列：每一行都按「企业」测算。',
  remembered: '沿用上次确认的列对应。',
  sent: '已发送',
} as const

/** Every topic an enterprise or a park is asked about (a register may hold both), in the questionnaire's order. */
const TEMPLATE_TOPICS = [...topicsFor('enterprise'), ...topicsFor('park')].filter((t, i, all) => all.findIndex((x) => x.id === t.id) === i)
/** Projects per item in the template: one by default; more columns can be copied in the sheet. */
const PROJECT_CHOICES = ['1', '2', '3'].map((n) => ({ value: n, label: `${n} 项` }))

const PICK: PickOptions = {
  extensions: ['xlsx', 'csv'],
  accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
  maxBytes: SCREEN_MAX_FILE_BYTES,
  tooBig: SCREEN_TOO_BIG,
}

/** A file picked to screen (kept to read it again from another sheet). */
type Picked = { name: string; size: number; path?: string; blob?: Blob }

type Run =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string }
  /** A park's own register: how its columns are read, to confirm or change before any row is screened. */
  | { phase: 'confirm'; job: ScreenJob; preview: ScreenPreview; mapping: (string | null)[]; note?: string }
  | { phase: 'screening'; job: ScreenJob }
  | { phase: 'writing'; job: ScreenJob }
  | { phase: 'done'; job: ScreenJob; url: string }
  | { phase: 'error'; message: string }

/** The first thing wrong: a field's message (the function names the field), else the envelope's. */
const message = (e: CloudError) => errorMessages(e)[0]

function Progress({ job }: { job: ScreenJob }) {
  const percent = job.rows > 0 ? Math.round((job.screened / job.rows) * 100) : 0
  return (
    <View className='screen-progress' id='screen-progress'>
      <View className='screen-progress__bar'>
        <View className='screen-progress__fill' style={{ width: `${percent}%` }} />
      </View>
      <Text id='screen-progress-text'>
        已测算 {job.screened} / {job.rows} 行
      </Text>
      {job.refused > 0 && <Text className='muted'>其中 {job.refused} 行未能测算（原因见结果文件「未能测算的行」）</Text>}
    </View>
  )
}

/** A spreadsheet's link and the name it is opened, sent or saved under (as the function answers them). */
type Link = { url: string; fileName: string }

/** 打开 / 发送到聊天 (WeChat) or 下载 (browser) for a spreadsheet link. */
function FileActions({ id, link, what, onDelete }: { id: string; link: () => Promise<Link | null>; what: string; onDelete?: () => void }) {
  const [note, setNote] = useState<string | null>(null)
  const open = async () => {
    setNote(null)
    const file = await link()
    if (!file) return
    const r = await openSpreadsheet(file.url, file.fileName)
    if (!r.ok) setNote(r.message)
  }
  const send = async () => {
    setNote(null)
    const file = await link()
    if (!file) return
    const r = await sendSpreadsheet(file.url, file.fileName)
    if (!r.ok) setNote(r.message)
    else if (!r.cancelled) void Taro.showToast({ title: SCREEN_TEXT.sent, icon: 'success' })
  }
  return (
    <View className='screen-actions'>
      <Button className='btn btn--primary' id={`${id}-open`} onClick={() => void open()}>
        {IS_H5 ? `下载${what}` : `打开${what}`}
      </Button>
      {!IS_H5 && (
        <Button className='btn' id={`${id}-send`} onClick={() => void send()}>
          发送到聊天
        </Button>
      )}
      {onDelete && (
        <Button className='btn screen-actions__delete' id={`${id}-delete`} onClick={onDelete}>
          删除
        </Button>
      )}
      {note && (
        <Text className='error-text' id={`${id}-note`}>
          {note}
        </Text>
      )}
    </View>
  )
}

function Screening() {
  const alive = useAlive()
  const [run, setRun] = useState<Run>({ phase: 'idle' })
  /** 沿用上次确认的列对应, while a register read with a remembered mapping is screened. */
  const [columnsNote, setColumnsNote] = useState<string | null>(null)
  const [sheets, setSheets] = useState<{ names: string[]; read: string; picked: Picked } | null>(null)
  const [results, setResults] = useState<ScreenJob[] | null>(null)
  const [listError, setListError] = useState<string | null>(null)
  const [templateError, setTemplateError] = useState<string | null>(null)
  const [topics, setTopics] = useState<TopicId[]>([])
  const [projects, setProjects] = useState('1')
  /** The job under way: deleted if the page closes before it is done. */
  const current = useRef<string | null>(null)
  /** A run is awaiting a call: it deletes its job itself when that call answers and the page is gone. */
  const running = useRef(false)

  const loadResults = useCallback(async () => {
    const env = await callCloud('screen', { action: 'list' })
    if (!alive.current) return
    if (!env.ok) setListError(env.error.message)
    else if (env.data.action === 'list') {
      setListError(null)
      setResults(env.data.jobs)
    }
  }, [alive])

  useEffect(() => {
    void loadResults()
    return () => {
      // A screening left half-way with no call in flight (one failed): its files go now. With a call
      // in flight, the run deletes its job when that call answers (the page is no longer alive).
      if (current.current && !running.current) void callCloud('screen', { action: 'delete', jobId: current.current })
    }
  }, [loadResults])

  const fail = (text: string) => {
    if (alive.current) setRun({ phase: 'error', message: text })
  }

  /** The page closed during the run's last call: the run deletes its job (every file of it) itself. */
  const abandon = (jobId: string) => {
    current.current = null
    void callCloud('screen', { action: 'delete', jobId })
  }

  const runScreening = async (picked: Picked, sheet?: string) => {
    setRun({ phase: 'uploading', fileName: picked.name })
    setSheets(null)
    const started = await callCloud('screen', { action: 'start', fileName: picked.name, size: picked.size })
    if (!started.ok) return fail(message(started.error))
    if (started.data.action !== 'start') return
    const jobId = started.data.job.jobId
    current.current = jobId
    if (!alive.current) return abandon(jobId)
    const up = await uploadFile(started.data.cloudPath, picked)
    // After the upload has landed (or failed): deleting any earlier could leave the file behind.
    if (!alive.current) return abandon(jobId)
    if (!up.ok) return fail(up.message)
    const opened = await callCloud('screen', { action: 'open', jobId, fileID: up.fileID, ...(sheet ? { sheet } : {}) })
    if (!alive.current) return abandon(jobId)
    if (!opened.ok) {
      current.current = null
      return fail(message(opened.error))
    }
    if (opened.data.action !== 'open') return
    const job = opened.data.job
    // A workbook with several visible sheets: which one was read, and the others to read instead.
    if (opened.data.sheets) setSheets({ names: opened.data.sheets, read: opened.data.sheet ?? '', picked })
    const preview = opened.data.preview
    setColumnsNote(preview?.remembered ? SCREEN_TEXT.remembered : null)
    // A park's own register waits here until the person confirms its columns (confirm → map).
    if (job.state === 'confirming' && preview) {
      const mapping: (string | null)[] = Array.from({ length: preview.width }, () => null)
      for (const c of preview.columns) mapping[c.index] = c.readAs
      setRun({ phase: 'confirm', job, preview, mapping })
      return
    }
    await screenRows(jobId, job)
  }

  /** The job's chunks in order, then the result file. */
  const screenRows = async (jobId: string, first: ScreenJob) => {
    let job = first
    setRun({ phase: 'screening', job })
    for (let index = job.chunksDone; index < job.chunks; index += 1) {
      const env = await callCloud('screen', { action: 'chunk', jobId, index })
      if (!alive.current) return abandon(jobId)
      if (!env.ok) return fail(message(env.error))
      if (env.data.action !== 'chunk') return
      job = env.data.job
      setRun({ phase: 'screening', job })
    }
    setRun({ phase: 'writing', job })
    const done = await callCloud('screen', { action: 'finish', jobId })
    // The result written: it is the owner's, listed (and deletable) when the page opens again.
    if (done.ok) current.current = null
    if (!alive.current) return current.current ? abandon(jobId) : undefined
    if (!done.ok) return fail(message(done.error))
    if (done.data.action !== 'finish') return
    const finished = done.data.job
    setRun({ phase: 'done', job: finished, url: done.data.url })
    // Saved now: listed at once under 我的测算结果 (and again as the function lists it).
    setResults((list) => [finished, ...(list ?? []).filter((j) => j.jobId !== finished.jobId)])
    void loadResults()
  }

  /** 确认并测算: the columns as shown are stored on the job (and remembered), then its rows are screened. */
  const confirmColumns = async () => {
    if (run.phase !== 'confirm') return
    const { job, preview, mapping } = run
    running.current = true
    try {
      const env = await callCloud('screen', { action: 'map', jobId: job.jobId, mapping })
      if (!alive.current) return abandon(job.jobId)
      if (!env.ok) return setRun({ phase: 'confirm', job, preview, mapping, note: message(env.error) })
      if (env.data.action !== 'map') return
      await screenRows(job.jobId, env.data.job)
    } finally {
      running.current = false
    }
  }

  /** 取消: the waiting job goes with every file of it. */
  const cancelColumns = () => {
    if (run.phase !== 'confirm') return
    abandon(run.job.jobId)
    setRun({ phase: 'idle' })
  }

  const screenFile = async (picked: Picked, sheet?: string) => {
    running.current = true
    try {
      await runScreening(picked, sheet)
    } finally {
      running.current = false
    }
  }

  const pick = async () => {
    const picked = await pickChatFile(PICK)
    if (!alive.current) return
    if (!picked.ok) {
      if (!picked.cancelled) fail(picked.message)
      return
    }
    await screenFile(picked)
  }

  const linkOf = (jobId: string) => async (): Promise<Link | null> => {
    const env = await callCloud('screen', { action: 'link', jobId })
    if (env.ok && env.data.action === 'link') return { url: env.data.url, fileName: env.data.job.resultName ?? '' }
    if (!env.ok) void Taro.showToast({ title: env.error.message, icon: 'none' })
    return null
  }

  const remove = async (jobId: string) => {
    const sure = await Taro.showModal({ title: '删除结果', content: SCREEN_TEXT.deleteConfirm, confirmText: '删除', confirmColor: '#b3261e' })
    if (!sure.confirm) return
    const env = await callCloud('screen', { action: 'delete', jobId })
    if (!env.ok) {
      void Taro.showToast({ title: env.error.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: SCREEN_TEXT.deleted, icon: 'success' })
    if (run.phase === 'done' && run.job.jobId === jobId) setRun({ phase: 'idle' })
    setResults((list) => (list ?? []).filter((j) => j.jobId !== jobId))
  }

  const template = async (): Promise<Link | null> => {
    setTemplateError(null)
    const env = await callCloud('screen', { action: 'template', ...(topics.length > 0 ? { topics } : {}), projects: Number(projects) })
    if (env.ok && env.data.action === 'template') {
      return { url: env.data.url, fileName: env.data.fileName }
    }
    if (!env.ok) setTemplateError(env.error.message)
    return null
  }

  const busy = run.phase === 'uploading' || run.phase === 'confirm' || run.phase === 'screening' || run.phase === 'writing'

  /** A column read otherwise: position `index` of the mapping, from the picker's `at` (0 = 不使用). */
  const choose = (index: number, at: number) => {
    if (run.phase !== 'confirm') return
    const mapping = [...run.mapping]
    mapping[index] = at === 0 ? null : (run.preview.choices[at - 1]?.id ?? null)
    setRun({ ...run, mapping, note: undefined })
  }

  return (
    <View style={pageTextStyle()} className='page admin admin-screen'>
      <View className='card admin__notice admin__notice--ok' id='screen-privacy'>
        <Text>{SCREEN_TEXT.privacy}</Text>
      </View>

      <View className='card' id='screen-template'>
        <Text className='admin__title'>1. 填写名单</Text>
        <Text className='muted'>每行一家企业（或园区），每列一个问题；第二行说明每列怎么填，第二张表「说明」写明每列对应的措施和条款。不确定的填「不确定」，不知道的可以空着。</Text>
        <Text className='admin__subtitle screen-block' id='screen-topics-lead'>
          要筛查哪些方面？（可多选，不选 = 全部）
        </Text>
        <TopicChips topics={TEMPLATE_TOPICS} selected={topics} onToggle={(t) => setTopics((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]))} />
        <Text className='admin__subtitle screen-block' id='screen-projects-lead'>
          每种项目（产品、品种）留几组列？
        </Text>
        <ChoiceChips options={PROJECT_CHOICES} value={projects} onChange={(v) => v && setProjects(v)} label='每种项目留几组列' idPrefix='screen-projects' required columns={3} />
        <FileActions id='screen-template' link={template} what='空白模板' />
        {templateError && (
          <Text className='error-text' id='screen-template-error'>
            {templateError}
          </Text>
        )}
      </View>

      <View className='card' id='screen-pick-card'>
        <Text className='admin__title'>2. 选择填好的名单</Text>
        <Text className='muted'>Excel 工作簿（.xlsx）或 CSV UTF-8（.csv）。{SCREEN_TEXT.limits}</Text>
        {!IS_H5 && <Text className='muted'>先把文件发到任一微信聊天（如「文件传输助手」），再从该聊天中选择。</Text>}
        <Button className='btn btn--primary admin__more' id='screen-pick' {...(busy ? { disabled: true } : {})} onClick={() => void pick()}>
          {IS_H5 ? '选择名单文件' : '从聊天中选择名单'}
        </Button>
      </View>

      {run.phase === 'uploading' && (
        <View className='card' id='screen-uploading'>
          <Text className='muted'>正在上传 {run.fileName}…</Text>
        </View>
      )}

      {run.phase === 'confirm' && (
        <View className='card' id='screen-columns'>
          <Text className='admin__title'>核对名单的列</Text>
          <Text className='muted screen-block'>{SCREEN_TEXT.confirmColumns}</Text>
          {run.preview.entityAssumed && (
            <Text className='screen-block' id='screen-columns-entity'>
              {SCREEN_TEXT.entityAssumed}
            </Text>
          )}
          {run.preview.problem && (
            <Text className='error-text screen-block' id='screen-columns-problem'>
              {run.preview.problem}
            </Text>
          )}
          {run.preview.columns.map((c) => {
            const id = run.mapping[c.index]
            const at = id === null ? 0 : run.preview.choices.findIndex((x) => x.id === id) + 1
            return (
              <View key={c.index} className='admin__row' id={`screen-column-${c.index}`}>
                <Text className='admin__row-title'>{c.header}</Text>
                <Picker mode='selector' id={`screen-column-${c.index}-picker`} range={['不使用', ...run.preview.choices.map((x) => x.label)]} value={at} onChange={(e) => choose(c.index, Number(e.detail.value))}>
                  <Text className='screen-column__to' id={`screen-column-${c.index}-to`}>
                    读作：{at === 0 ? '不使用' : run.preview.choices[at - 1].label}
                  </Text>
                </Picker>
                {at === 0 && c.note && <Text className='muted'>{c.note}</Text>}
              </View>
            )
          })}
          {run.note && (
            <Text className='error-text' id='screen-columns-note'>
              {run.note}
            </Text>
          )}
          <View className='screen-actions'>
            <Button className='btn btn--primary' id='screen-confirm' onClick={() => void confirmColumns()}>
              确认并测算
            </Button>
            <Button className='btn' id='screen-confirm-cancel' onClick={cancelColumns}>
              取消
            </Button>
          </View>
        </View>
      )}

      {(run.phase === 'screening' || run.phase === 'writing') && (
        <View className='card' id='screen-running'>
          <Text className='admin__subtitle'>正在测算：{run.job.fileName}</Text>
          {columnsNote && (
            <Text className='muted' id='screen-columns-remembered'>
              {columnsNote}
            </Text>
          )}
          <Progress job={run.job} />
          {run.phase === 'writing' && <Text className='muted'>正在生成结果文件…</Text>}
          {run.job.unknownColumns.length > 0 && <Text className='muted'>未识别的列（未使用）：{run.job.unknownColumns.join('、')}</Text>}
        </View>
      )}

      {run.phase === 'error' && (
        <View className='card admin__notice admin__notice--error' id='screen-error' role='alert'>
          <Text>{run.message}</Text>
        </View>
      )}

      {run.phase === 'done' && (
        <View className='card' id='screen-result'>
          <Text className='admin__title'>3. 测算结果</Text>
          <Text className='screen-block' id='screen-result-summary'>
            {run.job.fileName}：共 {run.job.rows} 行，已测算 {run.job.rows - run.job.refused} 行，未能测算 {run.job.refused} 行。
          </Text>
          <Text className='muted screen-block'>结果文件「{run.job.resultName}」：企业结果、按措施汇总、按措施名单（每条措施可以申请和需要确认的企业，用来通知企业）、未能测算的行（每行的原因）。</Text>
          <FileActions id='screen-result' link={async () => ({ url: run.url, fileName: run.job.resultName ?? '' })} what='结果' onDelete={() => void remove(run.job.jobId)} />
          {sheets && (
            <View className='screen-block' id='screen-sheets'>
              <Text className='muted'>读取的是工作表「{sheets.read}」。名单在别的工作表？</Text>
              {sheets.names
                .filter((name) => name !== sheets.read)
                .map((name, i) => (
                  <Button key={name} className='btn' id={`screen-sheet-${i}`} onClick={() => void screenFile(sheets.picked, name)}>
                    改读「{name}」
                  </Button>
                ))}
            </View>
          )}
        </View>
      )}

      <View className='card' id='screen-results'>
        <Text className='admin__title'>我的测算结果</Text>
        {listError && <Text className='error-text'>{listError}</Text>}
        {results && results.length === 0 && (
          <Text className='muted' id='screen-results-empty'>
            没有保存的结果。
          </Text>
        )}
        {(results ?? []).map((j) => (
          <View key={j.jobId} className='admin__row' id={`screen-job-${j.jobId}`}>
            <Text className='admin__row-title'>{j.resultName}</Text>
            <Text className='muted'>
              {beijingTime(j.createdAt, 'YYYY-MM-DD HH:mm')} · {j.rows} 行，未能测算 {j.refused} 行
            </Text>
            <FileActions id={`screen-job-${j.jobId}`} link={linkOf(j.jobId)} what='' onDelete={() => void remove(j.jobId)} />
          </View>
        ))}
      </View>
    </View>
  )
}

export default function AdminScreenPage() {
  return <AdminGate>{() => <Screening />}</AdminGate>
}
