/**
 * What a 小程序码 opens, in WeChat's `scene` (wxacode.getUnlimited): at most 32 visible characters
 * of 0-9 A-Z a-z and !#$&'()*+,/:;=?@-._~. A scanned code starts the code's page with
 * `query.scene` (URL-encoded); the page reads it back here.
 *
 *   m=m08        a measure's detail page
 *   m=m08&i=3    one item of it (its position in the measure: item ids are up to 30 characters,
 *                too long for the 32 with the measure; the 2022 list is fixed, so positions are too)
 *   v=start      the home page, as a result sheet's code opens it: nothing of the user's result
 *
 * The same routes are the share links' (src/services/share.ts), so a code and a chat card open the
 * same page.
 * sceneOf writes a target's scene, readScene reads one back, pageOf names the page it opens.
 */
import { catalog2022, type Catalog } from '../engine';
import { decodeScene, MEASURE_SCENE, ROUTES, START_SCENE, type SceneTarget } from '../links';

export { ROUTES, SCENE_CHARS, SCENE_MAX_LENGTH, routeOf, type SceneTarget } from '../links';

/** The scene of a target; throws for a measure or item the catalog does not hold (a programming error). */
export function sceneOf(target: SceneTarget, catalog: Catalog = catalog2022): string {
  if (target.view === 'start') return START_SCENE;
  const measure = catalog.measures.find((m) => m.id === target.measureId);
  if (!measure) throw new Error(`sceneOf: no measure ${target.measureId}`);
  if (target.itemId === undefined) return `m=${measure.id}`;
  const index = measure.items.findIndex((i) => i.id === target.itemId);
  if (index < 0) throw new Error(`sceneOf: no item ${target.itemId} in ${measure.id}`);
  return `m=${measure.id}&i=${index + 1}`;
}

/**
 * The target of a scene as the page receives it (URL-encoded or not); null for anything that is not
 * one of ours — a page then opens as if it had no scene.
 */
export function readScene(raw: unknown, catalog: Catalog = catalog2022): SceneTarget | null {
  const scene = decodeScene(raw);
  if (scene === null) return null;
  if (scene === START_SCENE) return { view: 'start' };
  const match = MEASURE_SCENE.exec(scene)!;
  const measure = catalog.measures.find((m) => m.id === match[1]);
  if (!measure) return null;
  if (match[2] === undefined) return { view: 'measure', measureId: measure.id };
  const item = measure.items[Number(match[2]) - 1];
  return item ? { view: 'measure', measureId: measure.id, itemId: item.id } : null;
}

/** The page a target's code opens, as getUnlimited takes it ('pages/policy/detail/index'). */
export function pageOf(target: SceneTarget): string {
  return (target.view === 'start' ? ROUTES.home : ROUTES.detail).slice(1);
}
