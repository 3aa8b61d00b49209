/**
 * shared/policy/view/scene.ts: every target of the catalog — 30 measures, each of their items, the start
 * page — has a scene WeChat accepts (≤ 32 characters of its alphabet) that reads back to it, also
 * URL-encoded as a scanned code delivers it in `query.scene`; anything else reads as no scene.
 */
import { catalog2022 } from '../../../shared/policy/engine';
import { pageOf, readScene, routeOf, SCENE_CHARS, SCENE_MAX_LENGTH, sceneOf, type SceneTarget } from '../../../shared/policy/view';

const measures: SceneTarget[] = catalog2022.measures.map((m) => ({ view: 'measure', measureId: m.id }));
const items: SceneTarget[] = catalog2022.measures.flatMap((m) => m.items.map((i): SceneTarget => ({ view: 'measure', measureId: m.id, itemId: i.id })));
const ALL: SceneTarget[] = [...measures, ...items, { view: 'start' }];

describe('every target of the catalog', () => {
  it('is counted: 30 measures, every item of each, and the start page', () => {
    expect(measures).toHaveLength(30);
    expect(items).toHaveLength(catalog2022.measures.reduce((n, m) => n + m.items.length, 0));
    expect(items.length).toBeGreaterThan(30);
    expect(new Set(ALL.map((t) => sceneOf(t))).size).toBe(ALL.length); // no two targets share a scene
  });

  it.each(ALL.map((t) => [sceneOf(t), t] as const))('%s reads back to its target, plain and URL-encoded', (scene, target) => {
    expect(readScene(scene)).toEqual(target);
    expect(readScene(encodeURIComponent(scene))).toEqual(target);
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
    expect(scene).toMatch(SCENE_CHARS);
  });
});

describe('the scenes as written', () => {
  it.each([
    ['a measure', { view: 'measure', measureId: 'm08' }, 'm=m08'],
    ['its third item', { view: 'measure', measureId: 'm08', itemId: catalog2022.measures.find((m) => m.id === 'm08')!.items[2].id }, 'm=m08&i=3'],
    ['the last measure', { view: 'measure', measureId: 'm30' }, 'm=m30'],
    ['the start page', { view: 'start' }, 'v=start'],
  ] as [string, SceneTarget, string][])('%s is %s', (_case, target, scene) => {
    expect(sceneOf(target)).toBe(scene);
  });

  it('a code of the form WeChat delivers (m%3Dm08%26i%3D3) reads as the plain one', () => {
    expect(readScene('m%3Dm08%26i%3D3')).toEqual(readScene('m=m08&i=3'));
    expect(readScene('v%3Dstart')).toEqual({ view: 'start' });
  });

  it('a target the catalog does not hold has no scene (a programming error: it throws)', () => {
    expect(() => sceneOf({ view: 'measure', measureId: 'm31' })).toThrow('m31');
    expect(() => sceneOf({ view: 'measure', measureId: 'm08', itemId: 'm08.nope' })).toThrow('m08.nope');
  });
});

describe('anything that is not one of our scenes reads as none', () => {
  it.each([
    ['a measure the list does not have', 'm=m31'],
    ['measure zero', 'm=m00'],
    ['a measure number without its zero', 'm=m8'],
    ['item 0 (positions start at 1)', 'm=m08&i=0'],
    ['an item past the measure’s last (m08 has 3)', 'm=m08&i=4'],
    ['an item with a leading zero', 'm=m08&i=03'],
    ['an extra parameter after the item', 'm=m08&i=3&x=1'],
    ['an extra parameter after the measure', 'm=m08&x=1'],
    ['start with something more', 'v=start&m=m08'],
    ['another view', 'v=results'],
    ['capitals', 'M=m08'],
    ['a space', 'm=m08 '],
    ['33 characters', `m=m08&i=1${'x'.repeat(24)}`],
    ['bad % encoding', 'm%3Dm08%E0%A4%A'],
    ['a lone %', 'm=m08%'],
    ['encoded twice', encodeURIComponent(encodeURIComponent('m=m08'))],
    ['the empty string', ''],
  ])('%s (%j)', (_case, raw) => {
    expect(readScene(raw)).toBeNull();
  });

  it.each([
    ['a number', 8],
    ['null', null],
    ['undefined', undefined],
    ['an object', { scene: 'm=m08' }],
    ['an array', ['m=m08']],
  ])('%s', (_case, raw) => {
    expect(readScene(raw)).toBeNull();
  });

  it('the 33-character case is really 33 characters, of allowed ones', () => {
    const raw = `m=m08&i=1${'x'.repeat(24)}`;
    expect(raw.length).toBe(SCENE_MAX_LENGTH + 1);
    expect(raw).toMatch(SCENE_CHARS);
  });
});

describe('the page and the route a target opens', () => {
  const m08 = catalog2022.measures.find((m) => m.id === 'm08')!;
  it.each([
    ['a measure', { view: 'measure', measureId: 'm08' }, 'pages/policy/detail/index', '/pages/policy/detail/index?id=m08'],
    [
      'an item',
      { view: 'measure', measureId: 'm08', itemId: m08.items[1].id },
      'pages/policy/detail/index',
      `/pages/policy/detail/index?id=m08&item=${encodeURIComponent(m08.items[1].id)}`,
    ],
    ['the start page', { view: 'start' }, 'pages/index/index', '/pages/index/index'],
  ] as [string, SceneTarget, string, string][])('%s (%j) opens page %s and route %s', (_case, target, page, route) => {
    expect(pageOf(target)).toBe(page);
    expect(routeOf(target)).toBe(route);
  });
});
