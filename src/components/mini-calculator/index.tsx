import { useMemo, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { FactDef, ItemResult, Measure } from '@policy/types'
import { formatInterval } from '@policy/format'
import {
  STATUS_TEXT,
  calcSpec,
  emptyForm,
  entryKey,
  factKey,
  itemAmountText,
  runMeasure,
  totalText,
  type Answer,
  type CalcForm,
  type Entity,
} from '@policy/measure-calc'

import './index.scss'

/** A DOM-safe id for a field key ('projects/m08.upgrade/0/investment' → 'calc-projects-m08-upgrade-0-investment'). */
export const fieldId = (key: string) => `calc-${key.replace(/[^A-Za-z0-9]+/g, '-')}`

const MAX_SHOWN_ENTRIES = 10

interface FieldProps {
  def: FactDef
  fieldKey: string
  value: Answer | undefined
  error?: string
  onChange: (value: Answer | undefined) => void
}

function Choice({ on, label, onClick, id }: { on: boolean; label: string; onClick: () => void; id: string }) {
  return (
    <View id={id} className={`calc-chip${on ? ' calc-chip--on' : ''}`} ariaRole='radio' ariaLabel={`${label}${on ? '，已选' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

/** One question: yes/no/不确定 chips, choices, or an amount with its unit. */
function FactField({ def, fieldKey, value, error, onChange }: FieldProps) {
  const id = fieldId(fieldKey)
  const pick = (v: Answer) => onChange(value === v ? undefined : v)
  return (
    <View className={`calc-field${error ? ' calc-field--error' : ''}`} id={id} data-field={fieldKey}>
      <Text className='calc-field__label'>{def.label}</Text>
      {def.help && <Text className='calc-field__help'>{def.help}</Text>}
      {def.type === 'flag' && (
        <View className='calc-field__chips'>
          <Choice id={`${id}-yes`} on={value === true} label='是' onClick={() => pick(true)} />
          <Choice id={`${id}-no`} on={value === false} label='否' onClick={() => pick(false)} />
          <Choice id={`${id}-unknown`} on={value === 'unknown'} label='不确定' onClick={() => pick('unknown')} />
        </View>
      )}
      {def.type === 'choice' && (
        <View className='calc-field__chips'>
          {def.options.map((o) => (
            <Choice key={o.value} id={`${id}-${o.value}`} on={value === o.value} label={o.label} onClick={() => pick(o.value)} />
          ))}
          <Choice id={`${id}-unknown`} on={value === 'unknown'} label='不确定' onClick={() => pick('unknown')} />
        </View>
      )}
      {def.type === 'amount' && (
        <View className='calc-field__amount'>
          <Input
            className='calc-field__input'
            id={`${id}-input`}
            type={def.integer ? 'number' : 'digit'}
            value={typeof value === 'string' && value !== 'unknown' ? value : ''}
            placeholder={value === 'unknown' ? '不确定' : '填写数字'}
            onInput={(e) => onChange(e.detail.value === '' ? undefined : e.detail.value)}
          />
          <Text className='calc-field__unit'>{def.unit}</Text>
          <Choice id={`${id}-unknown`} on={value === 'unknown'} label='不确定' onClick={() => pick('unknown')} />
        </View>
      )}
      {error && <Text className='calc-field__error'>{error}</Text>}
    </View>
  )
}

function ItemOutcome({ r, noun, entries }: { r: ItemResult; noun?: string; entries: number }) {
  return (
    <View className={`calc-item calc-item--${r.status}`} data-item={r.id}>
      <View className='calc-item__head'>
        <Text className='calc-item__title'>{r.title}</Text>
        <Text className={`calc-item__status calc-item__status--${r.status}`}>{STATUS_TEXT[r.status]}</Text>
      </View>
      {r.status !== 'ineligible' && <Text className='calc-item__amount'>{itemAmountText(r)}</Text>}
      {r.reason && <Text className='calc-item__reason'>{r.reason}</Text>}
      {r.alternatives.map((a) => (
        <Text key={a.assume} className='calc-item__alt'>
          若{a.assume}：{a.status === 'ineligible' ? '不符合' : formatInterval(a.amount)}
        </Text>
      ))}
      <View className='calc-item__stages'>
        {r.stages.map((s, i) => (
          <View key={i} className={`calc-stage${s.pass === false ? ' calc-stage--fail' : ''}`}>
            <Text className='calc-stage__label'>
              {entries > 1 && s.entry !== undefined ? `${noun ?? '项目'} ${s.entry + 1} · ` : ''}
              {s.label}
            </Text>
            <Text className='calc-stage__text'>{s.text}</Text>
            {s.quote && <Text className='calc-stage__quote'>条文「{s.quote}」</Text>}
          </View>
        ))}
      </View>
      {r.hints.map((h) => (
        <Text key={h.fact} className='calc-item__hint'>
          差一点：{h.text}
        </Text>
      ))}
    </View>
  )
}

/**
 * A calculator for one measure: only its own questions, the engine's result with its stages.
 * The figures are the engine's (`evaluate` through @policy/measure-calc); nothing is computed here.
 */
export default function MiniCalculator({ measure }: { measure: Measure }) {
  const spec = useMemo(() => calcSpec(measure), [measure])
  const [form, setForm] = useState<CalcForm>(() => emptyForm(measure))
  const calc = useMemo(() => runMeasure(measure, form), [measure, form])

  const setAnswer = (key: string, v: Answer | undefined) =>
    setForm((f) => {
      const answers = { ...f.answers }
      if (v === undefined) delete answers[key]
      else answers[key] = v
      return { ...f, answers }
    })
  const setEntity = (entity: Entity) => setForm((f) => ({ ...f, entity }))
  const addEntry = (itemId: string) =>
    setForm((f) => ({ ...f, entries: { ...f.entries, [itemId]: Math.min(MAX_SHOWN_ENTRIES, (f.entries[itemId] ?? 1) + 1) } }))
  const removeEntry = (itemId: string, index: number) =>
    setForm((f) => {
      const prefix = `projects/${itemId}/`
      const answers: CalcForm['answers'] = {}
      for (const [k, v] of Object.entries(f.answers)) {
        if (!k.startsWith(prefix)) {
          answers[k] = v
          continue
        }
        const [n, ...rest] = k.slice(prefix.length).split('/')
        const i = Number(n)
        if (i === index) continue
        answers[`${prefix}${i > index ? i - 1 : i}/${rest.join('/')}`] = v
      }
      return { ...f, answers, entries: { ...f.entries, [itemId]: Math.max(1, (f.entries[itemId] ?? 1) - 1) } }
    })

  const field = (def: FactDef, key: string) => (
    <FactField key={key} def={def} fieldKey={key} value={form.answers[key]} error={calc.errors[key]} onChange={(v) => setAnswer(key, v)} />
  )

  const shown = calc.items.filter((r) => !(r.status === 'notForYou' && r.reasonCode === 'unanswered') && r.kind !== 'nonMonetary' && r.kind !== 'unquantified')
  const result = calc.result
  const hasErrors = Object.keys(calc.errors).length > 0

  return (
    <View className='mini-calc' id='mini-calc'>
      {spec.entities.length > 1 && (
        <View className='calc-field'>
          <Text className='calc-field__label'>您是企业还是工业园区？</Text>
          <View className='calc-field__chips'>
            <Choice id='calc-entity-enterprise' on={form.entity === 'enterprise'} label='企业' onClick={() => setEntity('enterprise')} />
            <Choice id='calc-entity-park' on={form.entity === 'park'} label='工业园区' onClick={() => setEntity('park')} />
          </View>
        </View>
      )}
      {spec.region.map((def) => field(def, factKey(def.id)))}
      {spec.facts.map((def) => field(def, factKey(def.id)))}
      {spec.repeats.map((r) => {
        const count = form.entries[r.item.id] ?? 1
        return (
          <View key={r.item.id} className='calc-repeat' id={fieldId(`repeat-${r.item.id}`)}>
            <Text className='calc-repeat__title'>{r.item.title}</Text>
            {Array.from({ length: count }, (_, i) => (
              <View key={i} className='calc-entry'>
                <View className='calc-entry__head'>
                  <Text className='calc-entry__name'>
                    {r.noun} {count > 1 ? i + 1 : ''}
                  </Text>
                  {count > 1 && (
                    <View className='calc-entry__remove' ariaRole='button' ariaLabel={`删除${r.noun} ${i + 1}`} onClick={() => removeEntry(r.item.id, i)}>
                      <Text>删除</Text>
                    </View>
                  )}
                </View>
                {r.facts.map((def) => field(def, entryKey(r.item.id, i, def.id)))}
              </View>
            ))}
            {count < MAX_SHOWN_ENTRIES && (
              <View className='calc-repeat__add' id={fieldId(`add-${r.item.id}`)} ariaRole='button' onClick={() => addEntry(r.item.id)}>
                <Text>＋ 再加一个{r.noun}</Text>
              </View>
            )}
          </View>
        )
      })}

      <View className='mini-calc__result' id='mini-calc-result' aria-live='polite'>
        {!calc.answered && <Text className='mini-calc__hint'>填写上面的情况，这里按条文算出金额，并列出每一步的依据。</Text>}
        {calc.answered && hasErrors && <Text className='mini-calc__hint mini-calc__hint--error'>请先改正上面标红的内容。</Text>}
        {calc.answered && !hasErrors && result && (
          <View className='mini-calc__summary'>
            <Text className='mini-calc__caption'>按你填写的情况，预计可申请</Text>
            <Text className='mini-calc__total' id='mini-calc-total'>
              {totalText(result.total)}
            </Text>
            {result.pending.max !== '0.00' && (
              <Text className='mini-calc__pending' id='mini-calc-pending'>
                另有需补充信息的部分，最多 {formatInterval(result.pending)}
              </Text>
            )}
            {result.savings.max !== '0.00' && (
              <Text className='mini-calc__pending' id='mini-calc-savings'>
                可少缴费用 {formatInterval(result.savings)}
              </Text>
            )}
            <Text className='mini-calc__note'>按条文估算，最终以主管部门审核认定为准。</Text>
          </View>
        )}
        {calc.answered &&
          !hasErrors &&
          shown.map((r) => {
            const repeat = spec.repeats.find((x) => x.item.id === r.id)
            return <ItemOutcome key={r.id} r={r} noun={repeat?.noun} entries={r.entries?.length ?? 0} />
          })}
      </View>
    </View>
  )
}
