/**
 * Routes of the questionnaire flow (ROUTES) and the ways between them: goToQuestion (back to one
 * answer) and openDetail (a measure's page).
 */
import Taro from '@tarojs/taro'
import { ROUTES as SCENE_ROUTES, routeOf } from '@policy/links'
import { requestFocus } from './storage'

export const ROUTES = {
  home: SCENE_ROUTES.home,
  questionnaire: '/pages/questionnaire/index',
  results: '/pages/results/index',
  /** 我的提醒: the caller's deadline reminders. */
  reminders: '/pages/reminders/index',
  /** The measure's page (policy browser, issue 4). */
  detail: (measureId: string) => routeOf({ view: 'measure', measureId }),
  /** The measure's page opened at one of its deadline batches (marked there, its own 提醒我). */
  batch: (measureId: string, deadlineId: string) => `${routeOf({ view: 'measure', measureId })}&deadline=${encodeURIComponent(deadlineId)}`,
  /** 隐私说明: the 用户隐私保护指引 (its own small subpackage), from home's footer and the privacy prompt. */
  privacy: '/pages/privacy/index',
  /** 管理 (admins only; the cloud refuses every write from anyone else). */
  admin: '/pages/admin/index',
  /** One deadline: edit (id given) or create (no id), who its reminders reach, delete. */
  adminDeadline: (id?: string) => (id ? `/pages/admin/deadline/index?id=${encodeURIComponent(id)}` : '/pages/admin/deadline/index'),
  adminImport: '/pages/admin/import/index',
  adminStatus: '/pages/admin/status/index',
  adminAdmins: '/pages/admin/admins/index',
  /** Audit log and the reminder timer's runs. */
  adminLog: '/pages/admin/log/index',
  /** 园区批量测算: a register screened in the cloud into a result spreadsheet. */
  adminScreen: '/pages/admin/screen/index',
  /** Developer page (H5): the dev openid switch and the cloud round trip. */
  devCheck: '/pages/check/index',
} as const

function previousRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    const prev = pages.length >= 2 ? pages[pages.length - 2] : undefined
    return prev?.route ?? ''
  } catch {
    return ''
  }
}

/** From the results: back to the questionnaire (the page below, if it is there) at one question. */
export function goToQuestion(path?: string): void {
  if (path) requestFocus(path)
  if (previousRoute().includes('pages/questionnaire/index')) {
    void Taro.navigateBack()
    return
  }
  const query = path ? `?focus=${encodeURIComponent(path)}` : ''
  void Taro.redirectTo({ url: ROUTES.questionnaire + query })
}

export function openDetail(measureId: string): void {
  void Taro.navigateTo({ url: ROUTES.detail(measureId) })
}
