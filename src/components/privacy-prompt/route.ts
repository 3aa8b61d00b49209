/** PRIVACY_PAGE: the 隐私说明 page's route (its own small subpackage, pages/privacy), linked from home and the prompt. */
export const PRIVACY_PAGE = '/pages/privacy/index'
