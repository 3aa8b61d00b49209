/**
 * 从聊天文件导入 (admins): deadlines from a CSV or JSON file sent in a WeChat chat (a file input in
 * the browser build), or pasted. Every file is first checked by the cloud without writing (a dry
 * run): the preview lists what each row would do, or every bad row, by its row in the file
 * (importPlace: 第 2 行 is the first under a CSV's header, 第 1 条 a JSON array's first); only a clean
 * preview offers 确认导入, which imports for real (all rows or none) and shows the counts.
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button, Textarea } from '@tarojs/components'
import { importPlace, type DeadlinesResponse } from '@cloud-api'
import AdminGate from '@/components/admin-gate'
import { callCloud, errorMessages } from '@/services/cloud'
import { backToAdmin, IMPORT_HEADER } from '@/services/admin'
import { formatOf, importTooLarge, MAX_FILE_BYTES, PICK_MESSAGES, pickImportFile } from './pick-file'
import DeadlineSummary from '@/components/deadline-summary'
import { pageTextStyle } from '@/components/text-scale'

import '../admin.scss'
import './index.scss'

type Format = 'csv' | 'json'
type ImportResult = Extract<DeadlinesResponse, { action: 'import' }>

type Check =
  | { phase: 'idle' }
  | { phase: 'checking' }
  /** The dry run's answer: what each row would do. */
  | { phase: 'preview'; result: ImportResult }
  /** The cloud refused the content: every message (each bad row named). */
  | { phase: 'invalid'; messages: string[] }
  | { phase: 'importing'; result: ImportResult }
  | { phase: 'done'; result: ImportResult }

export const OUTCOME_LABELS: Record<ImportResult['outcomes'][number], string> = { created: '新增', updated: '更新', unchanged: '未变' }

function counts(r: ImportResult): string {
  return `新增 ${r.created} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条`
}

const JSON_EXAMPLE = '[{"measureId":"m01","batchTitle":"…","opensOn":"2022-06-01","closesOn":"2022-06-30","issuer":"…","sourceUrl":"https://…"}]'

function Importer() {
  const [format, setFormat] = useState<Format>('csv')
  /** What is being checked or imported: a file's name, or the pasted text. */
  const [source, setSource] = useState<{ kind: 'file'; name: string; text: string } | { kind: 'paste'; text: string } | null>(null)
  const [pasted, setPasted] = useState('')
  const [pickMessage, setPickMessage] = useState<string | null>(null)
  const [check, setCheck] = useState<Check>({ phase: 'idle' })
  const seq = useRef(0)

  const dryRun = async (fmt: Format, text: string) => {
    const mine = ++seq.current
    if (importTooLarge(text)) {
      setCheck({ phase: 'invalid', messages: [PICK_MESSAGES.tooBig] })
      return
    }
    setCheck({ phase: 'checking' })
    const env = await callCloud('deadlines', { action: 'import', format: fmt, text, dryRun: true })
    if (mine !== seq.current) return
    if (!env.ok) setCheck({ phase: 'invalid', messages: errorMessages(env.error) })
    else if (env.data.action === 'import') setCheck({ phase: 'preview', result: env.data })
  }

  const pick = async () => {
    setPickMessage(null)
    const picked = await pickImportFile()
    if (!picked.ok) {
      // A cancelled pick: nothing to say.
      if (!picked.cancelled) setPickMessage(picked.message)
      return
    }
    const fmt = formatOf(picked.name)
    setFormat(fmt)
    setSource({ kind: 'file', name: picked.name, text: picked.text })
    await dryRun(fmt, picked.text)
  }

  const checkPasted = async () => {
    setPickMessage(null)
    if (!pasted.trim()) {
      setPickMessage('请先粘贴要导入的内容')
      return
    }
    setSource({ kind: 'paste', text: pasted })
    await dryRun(format, pasted)
  }

  const switchFormat = (fmt: Format) => {
    if (fmt === format) return
    setFormat(fmt)
    // The same content read the other way: check again.
    if (source && check.phase !== 'done' && check.phase !== 'importing') void dryRun(fmt, source.text)
  }

  const confirm = async () => {
    if (!source || check.phase !== 'preview') return
    const mine = ++seq.current
    setCheck({ phase: 'importing', result: check.result })
    const env = await callCloud('deadlines', { action: 'import', format, text: source.text, dryRun: false })
    if (mine !== seq.current) return
    if (!env.ok) setCheck({ phase: 'invalid', messages: errorMessages(env.error) })
    else if (env.data.action === 'import') {
      setCheck({ phase: 'done', result: env.data })
      void Taro.showToast({ title: '已导入', icon: 'success' })
    }
  }

  const preview = check.phase === 'preview' || check.phase === 'importing' ? check.result : null

  return (
    <View style={pageTextStyle()} className='page admin admin-import'>
      <View className='card' id='import-format'>
        <Text className='admin__title'>文件格式</Text>
        <Text className='muted'>CSV（UTF-8 编码，逗号分隔，第一行为表头）或 JSON 数组。CSV 表头：</Text>
        <Text className='admin__mono' id='import-header'>
          {IMPORT_HEADER}
        </Text>
        <Text className='muted'>日期写作 2022-06-30（北京时间）；同一措施的同名批次会被更新；全部行都正确才会写入。</Text>
        <Text className='muted' id='import-items-column'>
          可另加一列「适用事项」：这一批次适用的事项编号或名称（如 m08.smart-factory，多项用逗号分开，需加引号）；不填即整项措施。
        </Text>
        {process.env.TARO_ENV !== 'h5' && <Text className='muted'>先把文件发到任一微信聊天（如「文件传输助手」），再从该聊天中选择。</Text>}
        <Button className='btn btn--primary admin__more' id='import-pick' {...(check.phase === 'checking' || check.phase === 'importing' ? { disabled: true } : {})} onClick={() => void pick()}>
          {process.env.TARO_ENV === 'h5' ? '选择文件' : '从聊天中选择文件'}
        </Button>
        {pickMessage && (
          <Text className='error-text' id='import-pick-message'>
            {pickMessage}
          </Text>
        )}
        {source?.kind === 'file' && (
          <Text className='muted' id='import-file'>
            已读取：{source.name}
          </Text>
        )}
      </View>

      {/* What the check found comes right under the file, where the admin looks; pasting is the fallback below. */}
      {check.phase === 'checking' && (
        <View className='card'>
          <Text className='muted'>正在检查（不会写入）…</Text>
        </View>
      )}

      {check.phase === 'invalid' && (
        <View className='card admin__notice admin__notice--error' id='import-errors' role='alert'>
          <Text className='admin__subtitle import-errors__title'>无法导入，请修改后重新发送（共 {check.messages.length} 处）：</Text>
          {check.messages.map((m, i) => (
            <Text key={i} className='import-errors__item' id={`import-error-${i}`}>
              {m}
            </Text>
          ))}
        </View>
      )}

      {preview && (
        <View className='card' id='import-preview'>
          <Text className='admin__title'>导入预览（尚未写入）</Text>
          <Text id='import-preview-counts'>将{counts(preview)}。</Text>
          <View className='import-rows'>
            {preview.deadlines.map((d, i) => {
              const outcome = preview.outcomes[i] ?? 'created'
              return (
                <View key={i} className='admin__row import-row' id={`import-row-${i + 1}`}>
                  <Text className={`admin__tag${outcome === 'unchanged' ? ' admin__tag--muted' : outcome === 'updated' ? ' admin__tag--warn' : ''}`}>
                    {preview.rows[i] !== undefined ? `${importPlace(format, preview.rows[i])} · ` : ''}
                    {OUTCOME_LABELS[outcome]}
                  </Text>
                  <DeadlineSummary d={d} />
                </View>
              )
            })}
          </View>
          <Button className='btn btn--primary admin__more' id='import-confirm' {...(check.phase === 'importing' ? { disabled: true } : {})} onClick={() => void confirm()}>
            {check.phase === 'importing' ? '正在导入…' : `确认导入 ${preview.deadlines.length} 行`}
          </Button>
        </View>
      )}

      {check.phase === 'done' && (
        <View className='card admin__notice admin__notice--ok' id='import-done' role='status'>
          <Text>已导入：{counts(check.result)}。</Text>
          <Button className='btn admin__more' id='import-back' onClick={backToAdmin}>
            返回管理
          </Button>
        </View>
      )}

      <View className='card'>
        <Text className='admin__label'>内容格式</Text>
        <View className='admin__tabs import-formats'>
          {(['csv', 'json'] as const).map((f) => (
            <Button key={f} id={`import-format-${f}`} className={`btn admin__tab${format === f ? ' admin__tab--on' : ''}`} aria-pressed={format === f ? 'true' : 'false'} onClick={() => switchFormat(f)}>
              {f.toUpperCase()}
            </Button>
          ))}
        </View>
        <Text className='admin__label'>或把内容粘贴到这里</Text>
        <Textarea
          className='import-textarea'
          id='import-text'
          value={pasted}
          maxlength={MAX_FILE_BYTES}
          placeholder={format === 'csv' ? `${IMPORT_HEADER}\nm01,2022 年度…,2022-06-01,2022-06-30,自治区工业和信息化厅,https://…` : JSON_EXAMPLE}
          onInput={(e) => setPasted(e.detail.value)}
        />
        <Button className='btn admin__more' id='import-check-paste' {...(check.phase === 'checking' || check.phase === 'importing' ? { disabled: true } : {})} onClick={() => void checkPasted()}>
          检查粘贴的内容
        </Button>
      </View>
    </View>
  )
}

export default function AdminImportPage() {
  return <AdminGate>{() => <Importer />}</AdminGate>
}
