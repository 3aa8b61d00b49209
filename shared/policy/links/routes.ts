/**
 * The routes a share card or a 小程序码 opens (ROUTES; routeOf a SceneTarget, h5Link for the browser),
 * without the catalog: the home page (main package) imports this, and must not load the policy
 * catalog (its subpackage does). A scene is checked here as WeChat allows it (SCENE_CHARS, at most
 * SCENE_MAX_LENGTH; MEASURE_SCENE and START_SCENE its two forms), decoded from the page's query
 * (decodeScene, scannedRoute); what a scene means is read in ../view/scene, with the catalog.
 */

/** The pages a code may open (getUnlimited wants them without the leading '/'). */
export const ROUTES = {
  home: '/pages/index/index',
  detail: '/pages/policy/detail/index',
} as const;

export type SceneTarget = { view: 'measure'; measureId: string; itemId?: string } | { view: 'start' };

export const SCENE_MAX_LENGTH = 32;
/** WeChat's allowed scene characters. */
export const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
export const START_SCENE = 'v=start';
export const MEASURE_SCENE = /^m=(m\d{2})(?:&i=([1-9]\d?))?$/;

/** A scene as WeChat delivers it (`query.scene`, URL-encoded), decoded and checked for form; null otherwise. */
export function decodeScene(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (scene.length > SCENE_MAX_LENGTH || !SCENE_CHARS.test(scene)) return null;
  return scene === START_SCENE || MEASURE_SCENE.test(scene) ? scene : null;
}

/** The route a scanned code opens: the code's page, with WeChat's `scene` as its query. */
export function scannedRoute(page: string, scene: string): string {
  return `/${page.replace(/^\//, '')}?scene=${encodeURIComponent(scene)}`;
}

/** The H5 address of a route under the app's base ('http://127.0.0.1:10086/'): the hash router's '#/pages/…'. */
export function h5Link(base: string, route: string): string {
  return `${base}#${route}`;
}

/** The route with its query for a target: what a share card's path and a code's H5 link open. */
export function routeOf(target: SceneTarget): string {
  if (target.view === 'start') return ROUTES.home;
  const item = target.itemId === undefined ? '' : `&item=${encodeURIComponent(target.itemId)}`;
  return `${ROUTES.detail}?id=${encodeURIComponent(target.measureId)}${item}`;
}
