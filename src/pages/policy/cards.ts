/**
 * Card data for the browser, read once from the catalog (cardOf): number, title, who it is for, the
 * engine's headline and the forms of support. param decodes a router parameter, for every page.
 */
import { catalog2022, type Measure } from '@policy/engine'
import { headline, audienceText } from '@policy/view'

export interface CardData {
  id: string
  label: string
  title: string
  who: string
  headline: string
  supportForms: string[]
  section: number
}

const cache = new Map<string, CardData>()

export function cardOf(measure: Measure): CardData {
  let c = cache.get(measure.id)
  if (!c) {
    c = {
      id: measure.id,
      label: measure.label,
      title: measure.title,
      who: audienceText(measure.audience),
      headline: headline(measure, catalog2022),
      supportForms: measure.support,
      section: measure.section,
    }
    cache.set(measure.id, c)
  }
  return c
}

/** Router params arrive encoded in some places (H5 hash, WeChat share paths): decode once, safely. */
export function param(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
