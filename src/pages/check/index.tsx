/** The check page: SAMPLE_PROFILE sent through the cloud's engine, to see the whole path work. */
import { useCallback, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { type Profile, type EvaluateResult, formatInterval, isMoneyAmountKind } from '@policy/engine'
// The engine's own formatter (yuan strings → '600万元'); imported from the module, not the
// '@policy' index, so the catalog and the calculator stay out of this page's bundle.

import { callCloud, getDevOpenid, setDevOpenid, type CloudError } from '@/services/cloud'
import { useAlive, useLoadOnOpen } from '@/state/alive'
import { pageTextStyle } from '@/components/text-scale'

import './index.scss'

/**
 * A sample profile (one 技改 project: 3000万元, on an advantage industry chain) that proves the
 * page → cloud → engine path end to end. Entry facts of repeated items use the item's local fact
 * ids ('investment', 'chain'; see ProjectEntry / Item.repeat in shared/policy/engine/types.ts).
 */
export const SAMPLE_PROFILE: Profile = {
  version: 1,
  entity: 'enterprise',
  facts: {},
  projects: {
    'm08.upgrade': [{ facts: { investment: 3000, chain: true } }],
  },
}

/**
 * What the sample comes to, counted in items (not projects): the money items the enterprise can
 * claim (the total's), and apart from them the support without money every enterprise is told of.
 */
export function countLine(result: EvaluateResult): string {
  const eligible = result.items.filter((r) => r.status === 'eligible' && !r.paidToPerson)
  const money = eligible.filter((r) => isMoneyAmountKind(r.amountKind)).length
  const other = eligible.length - money
  return `可申请资金的事项：${money} 项${other > 0 ? `（另有非资金支持 ${other} 项）` : ''}`
}

type State =
  | { phase: 'loading' }
  | { phase: 'error'; error: CloudError }
  | { phase: 'done'; result: EvaluateResult }

function DevOpenidPanel({ onChanged }: { onChanged: () => void }) {
  const [active, setActive] = useState(getDevOpenid())
  const [draft, setDraft] = useState('')
  const apply = () => {
    setActive(setDevOpenid(draft))
    setDraft('')
    onChanged()
  }
  return (
    <View className='card dev-openid'>
      <Text className='muted'>
        开发模式 · 当前用户：<Text className='dev-openid__active'>{active}</Text>
      </Text>
      <Input
        className='text-input dev-openid__input'
        value={draft}
        placeholder='切换 dev openid，例如 dev-user-b'
        onInput={(e) => setDraft(e.detail.value)}
      />
      <Button className='btn dev-openid__apply' onClick={apply}>
        切换并重新测算
      </Button>
    </View>
  )
}

export default function CheckPage() {
  const [state, setState] = useState<State>({ phase: 'loading' })
  const alive = useAlive()

  const run = useCallback(async () => {
    setState({ phase: 'loading' })
    const envelope = await callCloud('calculate', { profile: SAMPLE_PROFILE })
    if (!alive.current) return
    setState(envelope.ok ? { phase: 'done', result: envelope.data } : { phase: 'error', error: envelope.error })
  }, [alive])

  useLoadOnOpen(run)

  return (
    <View style={pageTextStyle()} className='page check'>
      <View className='card'>
        <Text className='muted'>示例企业：一个总投资 3000 万元的技术改造项目（产业链延伸）</Text>
      </View>

      {state.phase === 'loading' && (
        <View className='card cloud-loading' id='cloud-loading'>
          <Text>正在测算，请稍候…</Text>
        </View>
      )}

      {state.phase === 'error' && (
        <View className='card cloud-error' id='cloud-error' data-code={state.error.code}>
          <Text className='error-text cloud-error__message'>{state.error.message}</Text>
          <Button className='btn retry-button' id='retry-button' onClick={() => void run()}>
            重试
          </Button>
        </View>
      )}

      {state.phase === 'done' && (
        <View className='card cloud-result' id='cloud-result'>
          <Text className='muted'>预计可申请资金合计</Text>
          <Text className='cloud-result__total' id='cloud-result-total'>
            {formatInterval(state.result.total)}
          </Text>
          <Text className='cloud-result__count' id='cloud-result-count'>
            {countLine(state.result)}
          </Text>
          <Text className='muted'>金额为估算，最终以主管部门审核认定为准。</Text>
        </View>
      )}

      {process.env.TARO_ENV === 'h5' && <DevOpenidPanel onChanged={() => void run()} />}
    </View>
  )
}
