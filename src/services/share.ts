/**
 * Share cards (WeChat 转发 and 朋友圈) and their deep links. Titles carry the measure's headline
 * from the engine (never typed by hand); paths open the same measure — or the same item of it —
 * by the routes a 小程序码 opens (@policy/view/scene). A result share never carries the user's figures —
 * not in the title, not on the drawn card, never in the path — unless the user ticked the box that
 * says so (`includeFigures`; sharedTotal is what it then shows).
 *
 * One AppMessageShare (转发) and one timeline share (朋友圈) per thing shared: measureShare and
 * measureTimeline (titled by measureShareTitle, at measurePath), itemShare (and itemShareText for
 * the browser's copy), resultShare and resultTimeline (at HOME_PATH), browseShare and browseTimeline
 * (at BROWSE_PATH); h5Url makes a path a browser link. The brand they carry: APP_NAME, TAGLINE,
 * LIST_SHORT, together BRAND.
 */
import { headline, itemHeadline, type ResultSummary } from '@policy/view'
import { ROUTES, h5Link, routeOf } from '@policy/links'
import type { Measure } from '@policy/engine'
import { POLICY_LIST_YEAR } from './policy-list'

export const APP_NAME = '政策算盘'
/** The list, short, for share titles: '内蒙古 2022 制造业政策'. */
export const LIST_SHORT = `内蒙古 ${POLICY_LIST_YEAR} 制造业政策`
export const TAGLINE = `${LIST_SHORT} · 逐条测算`
/** What the drawn cards say who made them. */
export const BRAND = { appName: APP_NAME, tagline: TAGLINE, listShort: LIST_SHORT }

export const BROWSE_PATH = '/pages/policy/browse/index'
export const DETAIL_PATH = ROUTES.detail
export const HOME_PATH = ROUTES.home

export interface AppMessageShare {
  title: string
  path: string
  /** The drawn 5:4 card (a temp file path); without it WeChat shows a screenshot of the page. */
  imageUrl?: string
}
export interface TimelineShare {
  title: string
  /** 朋友圈 opens the same page with this query (no path: WeChat uses the current page). */
  query: string
}

/** '/pages/policy/detail/index?id=m08' — the route of a measure's detail page. */
export function measurePath(measureId: string): string {
  return routeOf({ view: 'measure', measureId })
}

/** '引导企业增加技术改造投入：投资额 20%，最高 500万元｜内蒙古 2022 制造业政策'. */
export function measureShareTitle(measure: Measure): string {
  return `${measure.title}：${headline(measure)}｜${LIST_SHORT}`
}

export function measureShare(measure: Measure): AppMessageShare {
  return { title: measureShareTitle(measure), path: measurePath(measure.id) }
}

export function measureTimeline(measure: Measure): TimelineShare {
  return { title: measureShareTitle(measure), query: `id=${encodeURIComponent(measure.id)}` }
}

/**
 * One item of a result card: '“机器换人”工业机器人购置补助：20%，最高 500万元｜第（八）条 引导企业增加技术改造投入',
 * opening the detail page at that item. `yourFigure` (the card's figure) only when the user ticked it.
 */
export function itemShare(measure: Measure, itemId: string, yourFigure?: string): AppMessageShare {
  const item = measure.items.find((i) => i.id === itemId)
  if (!item) return measureShare(measure)
  const figure = yourFigure ? `我测算 ${yourFigure}` : itemHeadline(measure, itemId)
  return { title: `${item.title}：${figure}｜第${measure.label}条 ${measure.title}`, path: routeOf({ view: 'measure', measureId: measure.id, itemId }) }
}

/** H5's 分享 of a result card: the same title, then the link that opens the item (pasted into a chat). */
export function itemShareText(measure: Measure, itemId: string, yourFigure?: string, location?: { origin: string; pathname: string }): string {
  const s = itemShare(measure, itemId, yourFigure)
  return `${s.title} ${h5Url(s.path, location)}`
}

/** The browser page; a search or a filter travels with the link so the group sees the same list. */
export function browseShare(count: number, query?: string): AppMessageShare {
  const q = query?.trim()
  return {
    title: q ? `“${q}”相关的 ${count} 条扶持政策｜${LIST_SHORT}` : `${count} 条制造业扶持政策一览，哪条适合你？｜${LIST_SHORT}`,
    path: q ? `${BROWSE_PATH}?q=${encodeURIComponent(q)}` : BROWSE_PATH,
  }
}

export function browseTimeline(count: number, query?: string): TimelineShare {
  const q = query?.trim()
  return { title: browseShare(count, q).title, query: q ? `q=${encodeURIComponent(q)}` : '' }
}

export interface ResultShareInput {
  /** summarize(result): the total in 万元 and what it covers, in the results page's words. */
  summary: Pick<ResultSummary, 'totalWan' | 'covers'>
  /** The user ticked 分享卡片中显示我的测算金额 on the results page. Default: not shown. */
  includeFigures: boolean
}

/** The figures a ticked result share shows, or undefined (not ticked, or no total to show). */
export function sharedTotal({ summary, includeFigures }: ResultShareInput): { total: string; covers: string } | undefined {
  return includeFigures && summary.totalWan !== undefined ? { total: `${summary.totalWan}万元`, covers: summary.covers } : undefined
}

/**
 * For the results page. Without the tick the card is an invitation with no figure of the user's;
 * with it, the title names the total. The path is always the home page, carrying no figures.
 */
export function resultShare(input: ResultShareInput): AppMessageShare {
  const mine = sharedTotal(input)
  if (!mine) return { title: `算一算你的企业能申请多少制造业政策资金｜${APP_NAME}`, path: HOME_PATH }
  return { title: `我按清单测算可申请 ${mine.total}（${mine.covers}），你也算算｜${APP_NAME}`, path: HOME_PATH }
}

export function resultTimeline(input: ResultShareInput): TimelineShare {
  return { title: resultShare(input).title, query: '' }
}

/** The H5 address of a route (hash router): for "复制链接" outside WeChat. */
export function h5Url(path: string, location: { origin: string; pathname: string } | undefined = typeof window !== 'undefined' ? window.location : undefined): string {
  return h5Link(location ? `${location.origin}${location.pathname}` : '', path)
}
