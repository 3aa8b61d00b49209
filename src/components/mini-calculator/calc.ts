/**
 * The calculator's answers → the engine's result (calculate), with no Taro: the questionnaire's
 * draft → profile → schema path (src/state/draft.ts, scoped to the measure), then the engine
 * (`runMeasure`).
 */
import { runMeasure } from '@policy/view'
import type { EvaluateResult, ItemResult, Measure } from '@policy/engine'
import { answeredCount, draftProfile, type Draft } from '@/state/draft'

export interface MeasureCalc {
  /** The schema's messages by profile path (as the questionnaire shows them); empty when the answers are valid. */
  messages: Record<string, string>
  /** The engine's result (absent while an answer is invalid). */
  result?: EvaluateResult
  /** This measure's items from the result. */
  items: ItemResult[]
  /** One of the measure's questions has an answer. */
  answered: boolean
}

export function calculate(measure: Measure, draft: Draft): MeasureCalc {
  const scope = { measure }
  const answered = answeredCount(draft, scope).answered > 0
  const parsed = draftProfile(draft, scope)
  if (!parsed.ok) return { messages: parsed.messages, items: [], answered }
  return { messages: {}, ...runMeasure(measure, parsed.profile), answered }
}
