/**
 * The mini-program itself, run headlessly: the real weapp build in `dist/` (app.js, the page
 * chunks, Taro's base.wxml) executed by WeChat's component framework (miniprogram-exparser, through
 * miniprogram-simulate and the `wcc` WXML compiler of miniprogram-compiler), inside jest's jsdom.
 *
 * What WeChat's base library would provide is here, and only that:
 *  - `App`, `Page`, `getApp`, `getCurrentPages`. In the base library a page is a component, so
 *    `Page(config)` registers a component whose methods are the config's functions; the page stack
 *    calls the lifecycles WeChat calls (onLoad with the query, onShow, onReady, onHide, onUnload)
 *    on navigateTo / redirectTo / navigateBack / reLaunch, with WeChat's failures (a route not in
 *    app.json, a stack of 10).
 *  - `wx`: stateful storage and fakes of the APIs our pages use. Every call is recorded in
 *    `mp.calls` (options without their callbacks); answers the user would give (a modal's button,
 *    a subscribe sheet, the album permission) are chosen by the test through `mp.answers`.
 *  - `wx.cloud.callFunction` is answered by our real handlers (shared/cloud/handlers) over the
 *    in-memory WeChat database fake, with the caller's openid set by the test (`mp.openid`), the
 *    same way cloudfunctions/<name> runs them in production (runHandler with a WeChat context).
 *    The context's `wxacode` (WeChat's wxacode.getUnlimited) records its calls and answers a small
 *    PNG, or WeChat's refusal (`mp.answers.wxacodeError`); its `files` is an in-memory cloud storage
 *    (`cloud://test/<path>`), which `wx.cloud.downloadFile` downloads to a temp file.
 *  - Canvas 2D: each <canvas type="2d"> element has one node whose drawing is recorded per canvas
 *    id (`mp.canvasOps`); setting its width or height clears it, as on a phone. Its images
 *    (`createImage()`) load asynchronously, or fail for a src the test marks broken or a temp path
 *    the app has no file at. `canvasToTempFilePath` writes a temp file holding what was drawn
 *    (`mp.tempFiles`, `wxfile://tmp/<canvas-id>-<n>.png`), so a test reads what an exported image
 *    shows — the poster, the chat card or the result sheet — by the path the app got.
 *
 * Built-in components (view, button, input, canvas…) render as placeholders: no layout, no real
 * input value, no picker UI. This proves logic, bindings, events and API calls, not pixels.
 *
 * Webpack runs a page's entry (and so `Page()`) once per process; jest gives each test file fresh
 * globals, so one file = one mini-program process, and `launch()` may be called once per file.
 * A route opened again renders the component registered the first time, as WeChat does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import type { Envelope, FunctionName } from '../../shared/cloud/api';
import type { FileStore, HandlerContext, Logger, WxacodeApi, WxacodeParams } from '../../shared/cloud/context';
import { FakeWxDatabase } from '../fakes/fake-wx-db';
import { PRIVACY_API_NAMES } from '../../scripts/privacy-apis';
import { runHandler, type Handler } from '../../shared/cloud/handler';
import { handlers } from '../../shared/cloud/handlers';
import { builtAppVersion } from '../support/built-version';
import { wxDocumentStore } from '../../shared/cloud/wx-db';
import { allText, fieldIn, findByClass, findById, findByText, idsIn, type WxElement } from './query';

/** Where the fake cloud storage's temp links point (`urlOf`); wx.downloadFile answers them. */
export const TEMP_URL = 'https://test.tcb.qcloud.la/';

/** The weapp build to run: dist/, or another output folder (WEAPP_DIST, e.g. a build made with TARO_OUTPUT). */
export const DIST = path.resolve(process.env.WEAPP_DIST || path.join(__dirname, '../../dist'));

/** WeChat keeps at most this many pages in the stack (navigateTo fails beyond it). */
export const MAX_STACK = 10;

type AnyFn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown> & { success?: AnyFn; fail?: AnyFn; complete?: AnyFn };

/** One recorded `wx.*` call: the API name, its options without callbacks, and how it was answered. */
export interface WxCall {
  api: string;
  options: Record<string, unknown>;
  /** Made while a tap was being dispatched (WeChat allows requestSubscribeMessage only then). */
  inTap: boolean;
  /** What WeChat answered (`errMsg` 'name:ok' or 'name:fail …'), once it has. */
  answer?: Record<string, unknown>;
}

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/** What the user (or WeChat) answers; each test sets what it needs. */
export interface Answers {
  /** showModal: true = the confirm button. Taken from the front; when empty, `modalDefault`. */
  modals: boolean[];
  modalDefault: boolean;
  /** requestSubscribeMessage per template id (missing = 'accept'), or a failure errCode (e.g. 20004: 主开关关闭). */
  subscribe: Record<string, SubscribeAnswer>;
  subscribeFailCode?: number;
  /** scope.writePhotosAlbum: undefined = never asked, then `authorize` grants when `albumGrant`. */
  albumSetting?: boolean;
  albumGrant: boolean;
  /** openSetting: whether the user switches the album permission on there. */
  albumGrantInSettings: boolean;
  /**
   * chooseMessageFile: the files picked from a chat (none = the user cancels). `content` is what
   * `getFileSystemManager().readFile` reads from the file's temp path.
   */
  messageFiles: { path: string; name: string; size: number; content?: string; bytes?: Uint8Array }[];
  /**
   * Whether the person has agreed to the 用户隐私保护指引 (default: yes, earlier). While not, each
   * privacy-scoped API (scripts/privacy-apis.ts) waits: the app's onNeedPrivacyAuthorization
   * listener gets a `resolve`; agree (with the id of an agreePrivacyAuthorization button that was
   * tapped) lets the call go on and sets this, disagree fails it (`privacy permission is not authorized`).
   */
  privacyAgreed: boolean;
  /**
   * wxacode.getUnlimited (the `qrcode` function's): WeChat's refusal errCode (45009 the day's quota,
   * 41030 a page not released, -1 busy), thrown as `{ errCode, errMsg }`; undefined = the code is made.
   */
  wxacodeError?: number;
  /** Image sources a canvas image fails to load (its `onerror`), e.g. /^wxfile:\/\/tmp\/code-/. */
  brokenImages: (string | RegExp)[];
  /**
   * WeChat's font size (我 › 设置 › 通用 › 字体大小) in px, as getAppBaseInfo answers it: 17 is
   * standard, 23.8 关怀模式; fontSizeScaleFactor is it over 17, as on iOS.
   */
  fontSizeSetting: number;
}

/**
 * A drawing call on a fake 2D context: the canvas's id, the method with its arguments, or a property
 * set (`set font`). `drawImage`'s first argument is recorded as the image's src.
 */
export interface CanvasOp {
  canvas: string;
  op: string;
  args: unknown[];
}

/**
 * A file under wxfile://tmp/ the app holds: a canvas exported by canvasToTempFilePath (what was drawn
 * on it since its size was last set, and the size exported) or a cloud file downloaded.
 */
export type TempFile =
  | { kind: 'canvas'; canvas: string; width: number; height: number; ops: CanvasOp[] }
  | { kind: 'download'; fileID: string }
  /** wx.downloadFile of a URL (a cloud storage temp link): the bytes it answered. */
  | { kind: 'url'; url: string; bytes: Uint8Array };

/** A file in the fake cloud storage (what the `qrcode` function uploaded). */
export interface StoredFile {
  cloudPath: string;
  content: Uint8Array;
  contentType: string;
}

/** The PNG the fake wxacode answers: 1 × 1, white. */
export const FAKE_CODE_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
);

/**
 * The fake canvases' text width: a wide (CJK) character one em, others half an em, the em read from
 * the font's `<n>px`. Tests lay a picture out with it to know what the page drew.
 */
export function fakeTextWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(String(font))?.[1] ?? 10);
  return [...String(text)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? size : size / 2), 0);
}

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  /** The page instance WeChat would give `this` (methods: onShareAppMessage, …). */
  instance: Record<string, AnyFn> & { route: string; options: Record<string, string> };
  /** The page's root element in exparser's tree. */
  root: WxElement;
  text(): string;
}

interface SimulateRoot {
  attach(parent: Element): void;
  detach(): void;
  instance: OpenPage['instance'];
  _exparserNode: WxElement;
}

// ---------------------------------------------------------------------------------------------

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.split('?');
  const route = pathPart.replace(/^\//, '');
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const i = pair.indexOf('=');
    // WeChat hands the query to onLoad as written in the url: values are not decoded.
    if (i < 0) query[pair] = '';
    else query[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return { route, query };
}

function withoutCallbacks(o: unknown): Record<string, unknown> {
  if (!o || typeof o !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v !== 'function') out[k] = v;
  return out;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface MiniProgram {
  /** The caller's openid for cloud calls (as `cloud.getWXContext().OPENID`); null = no user. */
  openid: string | null;
  /** The cloud functions' clock. */
  now: () => Date;
  /** When true, wx.cloud.callFunction fails as it does offline. */
  cloudOffline: boolean;
  /** The cloud functions' environment variables (e.g. ADMIN_BOOTSTRAP_CODE). */
  cloudEnv: Record<string, string | undefined>;
  readonly db: FakeWxDatabase;
  readonly answers: Answers;
  readonly calls: WxCall[];
  /** The privacy-scoped APIs that made WeChat ask for agreement (onNeedPrivacyAuthorization), in order. Emptied by reset(). */
  readonly privacyAsks: string[];
  /** Recorded drawing on every canvas the pages asked for (each op names its canvas id). Emptied by reset(). */
  readonly canvasOps: CanvasOp[];
  /**
   * The temp files the app holds, by path. Like the app's own in-memory caches (kept codes, drawn
   * chat cards), they outlive reset(): the mini-program's process goes on between tests.
   */
  readonly tempFiles: Map<string, TempFile>;
  /** wxacode.getUnlimited as the cloud functions called it, in order. Emptied by reset(). */
  readonly wxacodeCalls: WxacodeParams[];
  /** The fake cloud storage by fileID (`cloud://test/<cloudPath>`). Emptied by reset(). */
  readonly files: Map<string, StoredFile>;
  /** The ops drawn in an exported image (a canvas temp file); throws for any other path. */
  drawnIn(path: string): CanvasOp[];
  /** The texts (fillText) drawn in an exported image, in drawing order. */
  textsIn(path: string): string[];
  /** The paths canvasToTempFilePath answered for one canvas id since reset(), in order. */
  exportsOf(canvasId: string): string[];
  /** console.error lines and errors thrown in event handlers or lifecycles. */
  readonly errors: string[];
  /** console.warn lines of the app (e.g. a cloud call that failed). */
  readonly warnings: string[];
  readonly storage: Map<string, unknown>;
  /** The pages, bottom first (as getCurrentPages()). */
  stack(): OpenPage[];
  /** The page on top. */
  page(): OpenPage;
  /** Calls of one API. */
  callsOf(api: string): Record<string, unknown>[];
  /** Closes every page and opens `url`, as wx.reLaunch does; waits until it has rendered. */
  reLaunch(url: string): Promise<OpenPage>;
  /** Waits until timers, cloud calls and re-renders are done. */
  settle(): Promise<void>;
  /** Waits (settling) until `check` returns a truthy value; throws with the page's text after `ms`. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, ms?: number): Promise<T>;
  /** Calls a cloud function as a user would through wx.cloud (for setting the scene up). */
  callCloud<N extends FunctionName>(name: N, data: Record<string, unknown>, openid?: string | null): Promise<Envelope<unknown>>;
  /** Empties storage, the database, recorded calls and answers; closes all pages. */
  reset(): Promise<void>;
  /** Set while a tap is being dispatched (WeChat allows some APIs only there). */
  inTap: number;

  // ---- what a user does and sees, on the page on top ----
  /** The element with this id; throws listing the page's ids when there is none. */
  byId(id: string): WxElement;
  /** Whether an element with this id is rendered. */
  has(id: string): boolean;
  /** Elements with this class. */
  byClass(className: string): WxElement[];
  /** The innermost element showing `text` (exact: its whole text); throws when none or several. */
  byText(text: string, exact?: boolean): WxElement;
  /** The page's whole text, or one element's ('#id' or an element). */
  text(target?: Target): string;
  /** Taps the element ('#id', an element, or its visible text) and waits until the page settled. */
  tap(target: Target): Promise<void>;
  /** Types into the input at or below the target (its `detail.value`), then waits. */
  input(target: Target, value: string): Promise<void>;
  /** Picks in the picker at the target (its change event's `detail.value`, as WeChat's picker sends it), then waits. */
  pick(target: Target, value: number): Promise<void>;
  /** The text the input at or below the target shows (the value the WXML binds from the page data). */
  value(target: Target): string;
  /**
   * What an attribute of a built-in component is bound to in the page data, as base.wxml binds it
   * (`src` of an image, `mode`, …); undefined when the page data does not set it.
   */
  attr(target: Target, name: string): unknown;
  /** WeChat's back button (top left): the page on top is closed; not an API call of the app. */
  back(): Promise<void>;
}

/** '#id', visible text, or an element. */
export type Target = string | WxElement;

let launched: MiniProgram | undefined;

/**
 * Starts the mini-program (once per test file): installs the base-library globals and `wx`, runs
 * dist/app.js and App's onLaunch/onShow. Open the first page with `mp.reLaunch('/pages/index/index')`.
 */
export function launch(): MiniProgram {
  if (launched) return launched;
  if (!existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ has no weapp build: run `npm run build:weapp` first (npm test does).');
  }
  const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  const routes = new Set<string>([
    ...appJson.pages,
    ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ]);

  const g = globalThis as unknown as Record<string, unknown>;
  // The cloud handlers answer with the app version this build was made with, as a cloud deployed
  // with it would (issue 26, item 6: shared/policy/engine/version.ts reads this global).
  const built = builtAppVersion(DIST);
  if (built) g.__APP_VERSION__ = built;
  const errors: string[] = [];
  const calls: WxCall[] = [];
  const canvasOps: CanvasOp[] = [];
  const tempFiles = new Map<string, TempFile>();
  const wxacodeCalls: WxacodeParams[] = [];
  const files = new Map<string, StoredFile>();
  /** Temp paths are numbered per kind for the whole process (never reused, as temp files outlive reset). */
  const tempCounts = new Map<string, number>();
  const nextTemp = (kind: string, ext = 'png') => {
    const n = (tempCounts.get(kind) ?? 0) + 1;
    tempCounts.set(kind, n);
    return `wxfile://tmp/${kind}-${n}.${ext}`;
  };
  const storage = new Map<string, unknown>();
  const freshAnswers = (): Answers => ({
    modals: [],
    modalDefault: true,
    subscribe: {},
    albumGrant: true,
    albumGrantInSettings: true,
    messageFiles: [],
    privacyAgreed: true,
    brokenImages: [],
    fontSizeSetting: 17,
  });
  const db = new FakeWxDatabase();
  let pending = 0;
  let mutations = 0;

  // The dist code logs warnings (e.g. a cloud call that failed on purpose); keep them out of the
  // test output, but keep console.error as a failure the tests can see.
  const quiet: Logger = { info: () => {}, warn: () => {}, error: (m) => errors.push(m) };
  const warnings: string[] = [];
  jestSpy('warn', (...args: unknown[]) => warnings.push(args.map((a) => (a instanceof Error ? a.stack : typeof a === 'object' ? JSON.stringify(a) : String(a))).join(' ')));
  jestSpy('info', () => {});
  jestSpy('log', () => {});
  jestSpy('error', (...args: unknown[]) => errors.push(args.map(String).join(' ')));

  // ---- the page stack -------------------------------------------------------------------------
  const stack: OpenPage[] = [];
  const roots = new Map<OpenPage, SimulateRoot>();
  const container = document.createElement('div');
  document.body.appendChild(container);
  new MutationObserver(() => (mutations += 1)).observe(container, { subtree: true, childList: true, characterData: true, attributes: true });

  // miniprogram-simulate and its exparser need the DOM of jsdom and its Event classes.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as {
    load(p: string, o: { rootPath: string }): string;
    render(id: string): SimulateRoot;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as {
    Event: { create(type: string, detail: unknown, o: Record<string, unknown>): unknown; dispatchEvent(el: WxElement, e: unknown): void };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simUtils = require('miniprogram-simulate/src/utils') as { runJs(file: string): void };

  // simulate registers a component by running its file and catching `Component(def)`. Node runs
  // a file once, so for a component loaded again (the shared `comp` of each page, a page opened
  // twice) the definition caught the first time is registered again.
  const definitions = new Map<string, unknown>();
  let loadingFile: string | undefined;
  const runJs = simUtils.runJs;
  const simComponent = g.Component as (def: unknown) => void;
  simUtils.runJs = (file: string) => {
    const known = definitions.get(file);
    if (known) return simComponent(known);
    loadingFile = file;
    try {
      runJs(file);
    } finally {
      loadingFile = undefined;
    }
  };
  g.Component = (def: unknown) => {
    if (loadingFile) definitions.set(loadingFile, def);
    simComponent(def);
  };

  let appConfig: Record<string, AnyFn> | undefined;
  g.App = (config: Record<string, AnyFn>) => {
    appConfig = config;
  };
  g.getApp = () => appConfig;
  g.getCurrentPages = () => stack.map((p) => p.instance);
  // A page is a component whose methods are the page config's functions.
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v;
    (g.Component as (def: unknown) => void)({ data: config.data ?? {}, methods });
  };

  const componentIds = new Map<string, string>();
  function componentOf(route: string): string {
    let id = componentIds.get(route);
    if (!id) {
      id = simulate.load(path.join(DIST, route), { rootPath: DIST });
      componentIds.set(route, id);
    }
    return id;
  }

  function guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      errors.push(`${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  function lifecycle(page: OpenPage, name: string, arg?: unknown): void {
    const fn = page.instance[name];
    if (typeof fn === 'function') guard(`${page.route} ${name}`, () => fn.call(page.instance, arg));
  }

  function open(url: string): OpenPage {
    const { route, query } = parseUrl(url);
    const root = simulate.render(componentOf(route));
    root.attach(container);
    const instance = root.instance;
    instance.route = route;
    instance.options = query;
    const page: OpenPage = {
      route,
      query,
      instance,
      root: root._exparserNode,
      text: () => allText(root._exparserNode),
    };
    roots.set(page, root);
    stack.push(page);
    lifecycle(page, 'onLoad', { ...query });
    lifecycle(page, 'onShow');
    lifecycle(page, 'onReady');
    return page;
  }

  function close(page: OpenPage): void {
    lifecycle(page, 'onUnload');
    roots.get(page)?.detach();
    roots.delete(page);
  }

  /** WeChat answers navigation asynchronously; `success` then `complete`, or `fail` then `complete`. */
  function answer(o: Options, call: WxCall, run: () => string | null): void {
    setTimeout(() => {
      const failure = run();
      const res = { errMsg: `${call.api}:${failure ? `fail ${failure}` : 'ok'}` };
      call.answer = res;
      (failure ? o.fail : o.success)?.(res);
      o.complete?.(res);
    }, 0);
  }

  function goBack(delta: number): string | null {
    if (stack.length <= 1) return 'cannot navigate back at first page.';
    for (let i = 0; i < Math.max(1, Math.min(delta, stack.length - 1)); i++) close(stack.pop()!);
    lifecycle(stack[stack.length - 1], 'onShow');
    return null;
  }

  // base.wxml binds an input's shown text to one short key of its node's data (`value="{{i.p25}}"`).
  const baseWxml = readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  const inputValueKey = /<input value="\{\{i\.(\w+)\}\}"/.exec(baseWxml)?.[1];
  /**
   * The short key base.wxml binds a component's attribute to (`<image src="{{i.p4}}"` → p4), also
   * when Taro gives it a default (`show-message-card="{{xs.b(i.p17,false)}}"` → p17); the whole
   * attribute name (`class`, not the end of `hover-class`; `id`, not of `business-id`).
   */
  const boundKey = (tag: string, attribute: string) =>
    new RegExp(`<${tag}\\s(?:[^>]*?\\s)?${attribute}="\\{\\{(?:xs\\.b\\()?i\\.(\\w+)[^"]*\\}\\}"`).exec(baseWxml)?.[1];

  /** The page data node Taro rendered an element from (found by its data-sid). */
  function nodeData(sid: string, n: unknown): Record<string, unknown> | undefined {
    if (!n || typeof n !== 'object') return undefined;
    const o = n as Record<string, unknown>;
    if (o.sid === sid) return o;
    for (const v of Object.values(o)) {
      const hit = nodeData(sid, v);
      if (hit) return hit;
    }
    return undefined;
  }

  const known = (url: string) => routes.has(parseUrl(url).route);
  const notFound = (url: string) => `page "${parseUrl(url).route}" is not found`;

  // ---- wx ---------------------------------------------------------------------------------------
  function record(api: string, o: unknown): WxCall {
    const call: WxCall = { api, options: withoutCallbacks(o), inTap: mp.inTap > 0 };
    calls.push(call);
    return call;
  }

  /**
   * An API whose answer takes a while (a download, an upload): `work` answers or throws WeChat's
   * `{ errMsg }` after a tick; then `success`/`fail` and `complete`, and the promise. The app is
   * busy (`pending`) until it has answered.
   */
  function slowApi(name: string, work: (o: Options) => Record<string, unknown> | Promise<Record<string, unknown>>) {
    return (o: Options) => {
      const call = record(name, o);
      pending += 1;
      return tick()
        .then(() => work(o))
        .then(
          (res) => {
            pending -= 1;
            call.answer = res;
            o.success?.(res);
            o.complete?.(res);
            return res;
          },
          (err) => {
            pending -= 1;
            call.answer = err;
            o.fail?.(err);
            o.complete?.(err);
            throw err;
          },
        );
    };
  }

  /**
   * An API that answers with `decide`'s result: `success`/`fail` then `complete`, asynchronously.
   * As in WeChat, a promise is returned only when no callback is given.
   */
  function api(name: string, decide: (o: Options) => { fail?: string; errCode?: number; res?: Record<string, unknown> } = () => ({})) {
    return (o: Options = {}) => {
      const call = record(name, o);
      const d = decide(o);
      const answered = Promise.resolve().then(() => {
        if (d.fail !== undefined) {
          const err = { errMsg: `${name}:fail ${d.fail}`, ...(d.errCode !== undefined ? { errCode: d.errCode } : {}) };
          call.answer = err;
          o.fail?.(err);
          o.complete?.(err);
          throw err;
        }
        const res = { errMsg: `${name}:ok`, ...d.res };
        call.answer = res;
        o.success?.(res);
        o.complete?.(res);
        return res;
      });
      if (o.success || o.fail || o.complete) {
        answered.catch(() => {});
        return undefined;
      }
      return answered;
    };
  }

  const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

  /** What each canvas node has drawn since its size was last set (read by canvasToTempFilePath). */
  const drawings = new WeakMap<object, () => { ops: CanvasOp[]; width: number; height: number }>();
  /** One node per <canvas> element, as WeChat's selector query answers the same node each time. */
  const canvasNodes = new WeakMap<object, ReturnType<typeof fakeCanvas>>();
  /** The src of each image a canvas made. */
  const imageSrcs = new WeakMap<object, () => string>();

  function brokenImage(src: string): boolean {
    if (mp.answers.brokenImages.some((b) => (typeof b === 'string' ? b === src : b.test(src)))) return true;
    // A local path loads only if the app has that file.
    return src.startsWith('wxfile://') && !tempFiles.has(src);
  }

  /** canvas.createImage(): setting `src` loads it asynchronously, then `onload` (or `onerror`). */
  function fakeImage() {
    let src = '';
    const image = {
      onload: null as null | (() => void),
      onerror: null as null | ((e: unknown) => void),
      width: 0,
      height: 0,
      get src() {
        return src;
      },
      set src(value: string) {
        src = String(value);
        const loading = src;
        pending += 1;
        setTimeout(() => {
          pending -= 1;
          if (brokenImage(loading)) {
            image.onerror?.({ errMsg: `image load failed: ${loading}` });
          } else {
            image.width = 280;
            image.height = 280;
            image.onload?.();
          }
        }, 0);
      },
    };
    imageSrcs.set(image, () => src);
    return image;
  }

  function fakeCanvas(id: string) {
    let width = 300;
    let height = 150;
    let drawn: CanvasOp[] = [];
    let state: Record<string, unknown> = { font: '10px sans-serif' };
    const push = (op: string, args: unknown[], draws = true) => {
      const o = { canvas: id, op, args };
      canvasOps.push(o);
      if (draws) drawn.push(o);
    };
    // Setting a canvas's width or height clears its bitmap and resets its context's state.
    const clear = () => {
      drawn = [];
      state = { font: '10px sans-serif' };
    };
    const ctx: Record<string, unknown> = {};
    const proxy: Record<string, unknown> = new Proxy(ctx, {
      get(_t, prop: string) {
        if (prop in state) return state[prop];
        if (prop === 'measureText') {
          return (text: string) => {
            push('measureText', [text], false);
            return { width: fakeTextWidth(String(text), String(state.font)) };
          };
        }
        if (prop === 'drawImage') {
          return (image: object, ...rest: unknown[]) => push('drawImage', [imageSrcs.get(image)?.() ?? image, ...rest]);
        }
        if (prop === 'createLinearGradient' || prop === 'createPattern' || prop === 'createRadialGradient') {
          return (...args: unknown[]) => {
            push(prop, args);
            return { addColorStop: (...a: unknown[]) => push('addColorStop', a) };
          };
        }
        return (...args: unknown[]) => push(prop, args);
      },
      set(_t, prop: string, value: unknown) {
        state[prop] = value;
        push(`set ${prop}`, [value]);
        return true;
      },
    });
    const node = {
      id,
      get width() {
        return width;
      },
      set width(v: number) {
        width = Number(v);
        clear();
      },
      get height() {
        return height;
      },
      set height(v: number) {
        height = Number(v);
        clear();
      },
      getContext: () => proxy,
      createImage: () => fakeImage(),
    };
    drawings.set(node, () => ({ ops: [...drawn], width, height }));
    return node;
  }

  /** The fake cloud storage the `qrcode` function writes to. */
  const fileStore: FileStore = {
    async put(cloudPath, content, contentType) {
      const fileID = `cloud://test/${cloudPath}`;
      files.set(fileID, { cloudPath, content: Uint8Array.from(content), contentType });
      return { fileID };
    },
    async urlOf(fileID) {
      const f = files.get(fileID);
      return f ? `${TEMP_URL}${f.cloudPath}` : null;
    },
    async get(fileID) {
      const f = files.get(fileID);
      return f ? Uint8Array.from(f.content) : null;
    },
    async remove(fileIDs) {
      for (const id of fileIDs) files.delete(id);
    },
  };

  /** A chat file's bytes (`bytes`, else its `content` as UTF-8), or undefined. */
  const messageFileBytes = (filePath: unknown) => {
    const f = mp.answers.messageFiles.find((m) => m.path === filePath);
    if (!f) return undefined;
    return f.bytes ?? (f.content !== undefined ? new TextEncoder().encode(f.content) : undefined);
  };

  /** WeChat's wxacode.getUnlimited: checks what WeChat checks, then a PNG or the refusal the test chose. */
  const wxacode: WxacodeApi = {
    async getUnlimited(params) {
      wxacodeCalls.push({ ...params });
      await tick();
      const refuse = (errCode: number, errMsg: string) => {
        throw { errCode, errMsg: `openapi.wxacode.getUnlimited:fail ${errCode} ${errMsg}` };
      };
      if (typeof params.scene !== 'string' || params.scene.length === 0 || params.scene.length > 32) refuse(40169, 'invalid length for scene');
      if (params.width < 280 || params.width > 1280) refuse(40159, 'invalid width');
      // The released version is this build: a page it lacks (or written with a leading '/') is refused.
      if (params.checkPath && !routes.has(params.page)) refuse(41030, 'invalid page rid');
      if (mp.answers.wxacodeError !== undefined) refuse(mp.answers.wxacodeError, 'refused (test)');
      return { buffer: Uint8Array.from(FAKE_CODE_PNG), contentType: 'image/png' };
    },
  };

  // WeChat's font size as getAppBaseInfo / getSystemInfoSync answer it (the 适老化 guide's fields).
  const fontSize = () => ({ fontSizeSetting: mp.answers.fontSizeSetting, fontSizeScaleFactor: mp.answers.fontSizeSetting / 17 });
  const wx: Record<string, unknown> = {
    // routing
    navigateTo: (o: Options) => {
      const call = record('navigateTo', o);
      answer(o, call, () => {
        const url = String(o.url);
        if (!known(url)) return notFound(url);
        if (stack.length >= MAX_STACK) return 'webview count limit exceed';
        const top = stack[stack.length - 1];
        if (top) lifecycle(top, 'onHide');
        open(url);
        return null;
      });
    },
    redirectTo: (o: Options) => {
      const call = record('redirectTo', o);
      answer(o, call, () => {
        const url = String(o.url);
        if (!known(url)) return notFound(url);
        const top = stack.pop();
        if (top) close(top);
        open(url);
        return null;
      });
    },
    navigateBack: (o: Options = {}) => {
      const call = record('navigateBack', o);
      answer(o, call, () => goBack(Number(o.delta ?? 1) || 1));
    },
    reLaunch: (o: Options) => {
      const call = record('reLaunch', o);
      answer(o, call, () => {
        const url = String(o.url);
        if (!known(url)) return notFound(url);
        while (stack.length) close(stack.pop()!);
        open(url);
        return null;
      });
    },
    switchTab: (o: Options) => {
      const call = record('switchTab', o);
      answer(o, call, () => 'can not switchTab to no-tabBar page');
    },
    // storage: values are kept as JSON copies, '' for a missing key (as WeChat answers)
    getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, copy(value));
    },
    removeStorageSync: (key: string) => {
      storage.delete(key);
    },
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    // interaction
    showModal: api('showModal', () => {
      const confirm = mp.answers.modals.length ? mp.answers.modals.shift()! : mp.answers.modalDefault;
      return { res: { confirm, cancel: !confirm } };
    }),
    showToast: api('showToast'),
    hideToast: api('hideToast'),
    showLoading: api('showLoading'),
    hideLoading: api('hideLoading'),
    showActionSheet: api('showActionSheet', () => ({ fail: 'cancel' })),
    setClipboardData: api('setClipboardData'),
    setNavigationBarTitle: api('setNavigationBarTitle'),
    pageScrollTo: api('pageScrollTo'),
    vibrateShort: api('vibrateShort'),
    // share menu
    showShareMenu: api('showShareMenu'),
    hideShareMenu: api('hideShareMenu'),
    updateShareMenu: api('updateShareMenu'),
    // subscribe messages: only from a tap, like WeChat
    requestSubscribeMessage: api('requestSubscribeMessage', (o) => {
      if (mp.inTap === 0) return { fail: 'can only be invoked by user TAP gesture.', errCode: 20003 };
      if (mp.answers.subscribeFailCode !== undefined) return { fail: 'subscribe refused', errCode: mp.answers.subscribeFailCode };
      const res: Record<string, unknown> = {};
      for (const id of (o.tmplIds as string[]) ?? []) res[id] = mp.answers.subscribe[id] ?? 'accept';
      return { res };
    }),
    // canvas and album
    createSelectorQuery: () => {
      const selected: string[] = [];
      const q = {
        in: () => q,
        select: (selector: string) => {
          selected.push(selector);
          return { fields: () => q, boundingClientRect: () => q, node: () => q };
        },
        selectAll: (selector: string) => q.select(selector),
        selectViewport: () => q,
        exec: (cb?: (res: unknown[]) => void) => {
          record('createSelectorQuery', { selectors: [...selected] });
          const top = stack[stack.length - 1];
          const res = selected.map((selector) => {
            const el = top ? findById(top.root, selector.replace(/^#/, '')) : undefined;
            if (!el) return null;
            // A 2D canvas has a node; anything else only its rectangle.
            if (el.is !== 'canvas') return { width: 375, height: 100 };
            let node = canvasNodes.get(el);
            if (!node) canvasNodes.set(el, (node = fakeCanvas(el.id)));
            return { node, width: 375, height: 600 };
          });
          setTimeout(() => cb?.(res), 0);
        },
      };
      return q;
    },
    // A temp file holding what the canvas shows now, named by its canvas id: wxfile://tmp/<canvas-id>-<n>.png.
    canvasToTempFilePath: api('canvasToTempFilePath', (o) => {
      const node = o.canvas as { id?: string } | undefined;
      const drawing = node ? drawings.get(node)?.() : undefined;
      const id = node?.id ?? (typeof o.canvasId === 'string' ? o.canvasId : undefined);
      if (!id || (node && !drawing)) return { fail: 'canvas is empty' };
      const path = nextTemp(id);
      const ops = drawing?.ops ?? [];
      tempFiles.set(path, { kind: 'canvas', canvas: id, width: Number(o.destWidth ?? o.width ?? drawing?.width), height: Number(o.destHeight ?? o.height ?? drawing?.height), ops });
      return { res: { tempFilePath: path } };
    }),
    getSetting: api('getSetting', () => ({
      res: { authSetting: mp.answers.albumSetting === undefined ? {} : { 'scope.writePhotosAlbum': mp.answers.albumSetting } },
    })),
    authorize: api('authorize', () => {
      if (mp.answers.albumSetting === undefined) mp.answers.albumSetting = mp.answers.albumGrant;
      return mp.answers.albumSetting ? {} : { fail: 'auth deny' };
    }),
    openSetting: api('openSetting', () => {
      if (mp.answers.albumGrantInSettings) mp.answers.albumSetting = true;
      return { res: { authSetting: { 'scope.writePhotosAlbum': mp.answers.albumSetting === true } } };
    }),
    saveImageToPhotosAlbum: api('saveImageToPhotosAlbum', (o) => {
      if (!mp.answers.albumSetting) return { fail: 'auth deny' };
      return tempFiles.has(String(o.filePath)) ? {} : { fail: `file not exists: ${String(o.filePath)}` };
    }),
    // WeChat's image sheet (发送给朋友 / 保存图片 / 收藏) for a local image.
    showShareImageMenu: api('showShareImageMenu', (o) => (tempFiles.has(String(o.path)) ? {} : { fail: `invalid path: ${String(o.path)}` })),
    chooseMessageFile: api('chooseMessageFile', () =>
      mp.answers.messageFiles.length ? { res: { tempFiles: mp.answers.messageFiles.map(({ content: _c, bytes: _b, ...f }) => f) } } : { fail: 'cancel' },
    ),
    // A URL to a temp file (WeChat answers success with the server's statusCode, 404 included).
    downloadFile: slowApi('downloadFile', (o) => {
      const url = String(o.url);
      if (mp.cloudOffline) throw { errMsg: 'downloadFile:fail network error' };
      const stored = url.startsWith(TEMP_URL) ? [...files.values()].find((f) => f.cloudPath === url.slice(TEMP_URL.length)) : undefined;
      if (!stored) return { errMsg: 'downloadFile:ok', statusCode: 404, tempFilePath: nextTemp('download', 'txt') };
      const ext = /\.([a-z]+)$/.exec(stored.cloudPath)?.[1] ?? 'bin';
      const tempFilePath = nextTemp('download', ext);
      tempFiles.set(tempFilePath, { kind: 'url', url, bytes: Uint8Array.from(stored.content) });
      return { errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath };
    }),
    // A document the app holds, in WeChat's viewer (showMenu: its ··· menu sends or saves it).
    openDocument: api('openDocument', (o) => (tempFiles.has(String(o.filePath)) ? {} : { fail: `file not exists: ${String(o.filePath)}` })),
    // A file the app holds, to a chat (WeChat asks the user which chat).
    shareFileMessage: api('shareFileMessage', (o) => (tempFiles.has(String(o.filePath)) ? {} : { fail: `file not exists: ${String(o.filePath)}` })),
    // Only what reading a chosen chat file needs: readFile of its temp path — its bytes (an
    // ArrayBuffer) without an encoding, as WeChat answers; decoded (bad bytes → U+FFFD) with utf8.
    getFileSystemManager: () => ({
      readFile: api('readFile', (o) => {
        const bytes = messageFileBytes(String(o.filePath));
        if (!bytes) return { fail: `no such file or directory, open ${String(o.filePath)}` };
        if (o.encoding !== 'utf8' && o.encoding !== 'utf-8') return { res: { data: bytes.slice().buffer } };
        return { res: { data: new TextDecoder().decode(bytes) } };
      }),
    }),
    // device
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 390, windowHeight: 844, screenWidth: 390, screenHeight: 844, pixelRatio: 3, SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', ...fontSize() }),
    getAppBaseInfo: () => ({ SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false, ...fontSize() }),
    getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, screenWidth: 390, screenHeight: 844, pixelRatio: 3 }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    // cloud: our real handlers over the in-memory WeChat database
    cloud: {
      init: (o: unknown) => void record('cloud.init', o),
      // A cloud storage file to a temp file (wxfile://tmp/code-<n>.png: the app downloads only codes).
      downloadFile: slowApi('cloud.downloadFile', (o) => {
        const fileID = String(o.fileID);
        if (mp.cloudOffline) throw { errMsg: 'cloud.downloadFile:fail Error: errCode: -1 network error' };
        if (!files.has(fileID)) throw { errMsg: `cloud.downloadFile:fail -503003 storage file not exists (${fileID})` };
        const tempFilePath = nextTemp('code');
        tempFiles.set(tempFilePath, { kind: 'download', fileID });
        return { errMsg: 'cloud.downloadFile:ok', tempFilePath, statusCode: 200 };
      }),
      // A chat file to cloud storage at `cloudPath` (as the user: the same path again replaces it).
      uploadFile: slowApi('cloud.uploadFile', async (o) => {
        if (mp.cloudOffline) throw { errMsg: 'cloud.uploadFile:fail Error: errCode: -1 network error' };
        const bytes = messageFileBytes(o.filePath);
        if (!bytes) throw { errMsg: `cloud.uploadFile:fail file not exists: ${String(o.filePath)}` };
        const { fileID } = await fileStore.put(String(o.cloudPath), bytes, 'application/octet-stream');
        return { errMsg: 'cloud.uploadFile:ok', fileID, statusCode: 200 };
      }),
      callFunction: (o: Options) => {
        const call = record('cloud.callFunction', o);
        return callFunction(String(o.name), o.data, mp.openid).then(
          (res) => {
            call.answer = res;
            o.success?.(res);
            o.complete?.(res);
            return res;
          },
          (err) => {
            call.answer = err;
            o.fail?.(err);
            o.complete?.(err);
            throw err;
          },
        );
      },
    },
  };

  async function callFunction(name: string, data: unknown, openid: string | null) {
    pending += 1;
    try {
      await tick();
      if (mp.cloudOffline) throw { errMsg: 'cloud.callFunction:fail Error: errCode: -1 network error' };
      const handler = (handlers as Record<string, Handler<FunctionName>>)[name];
      if (!handler) throw { errMsg: `cloud.callFunction:fail -501000 FunctionName parameter could not be found (${name})` };
      const ctx: HandlerContext = { openid, now: mp.now, db: wxDocumentStore(() => db), log: quiet, env: { ...mp.cloudEnv }, wxacode, files: fileStore };
      const result = await runHandler(name as FunctionName, handler, data ?? {}, ctx);
      return { errMsg: 'cloud.callFunction:ok', result, requestID: `test-${calls.length}` };
    } finally {
      pending -= 1;
    }
  }


  // ---- privacy consent (WeChat since 2023-10-17) --------------------------------------------------
  // A privacy-scoped API waits for the person's agreement: the app's one onNeedPrivacyAuthorization
  // listener gets `resolve`; { event: 'agree', buttonId } goes on only if that agree button was tapped.
  type PrivacyResolve = (r: { event: string; buttonId?: string }) => void;
  let privacyListener: ((resolve: PrivacyResolve, info: { referrer: string }) => void) | undefined;
  const privacyAsks: string[] = [];
  const agreeTapped = new Set<string>();
  function privacyApi(name: string, inner: (o: Options) => unknown) {
    return (o: Options = {}) => {
      if (mp.answers.privacyAgreed) return inner(o);
      const agreed = new Promise<boolean>((done) => {
        if (!privacyListener) {
          errors.push(`wx.${name} waits for the privacy agreement, and the app listens to no onNeedPrivacyAuthorization`);
          return done(false);
        }
        privacyAsks.push(name);
        const listener = privacyListener;
        setTimeout(() => {
          listener((r) => {
            if (r.event === 'exposureAuthorization') return;
            if (r.event === 'agree' && !(r.buttonId && agreeTapped.has(r.buttonId))) {
              errors.push(`privacy resolve({ event: 'agree', buttonId: '${String(r.buttonId)}' }) without a tap on that agreePrivacyAuthorization button`);
              return done(false);
            }
            if (r.event === 'agree') mp.answers.privacyAgreed = true;
            done(r.event === 'agree');
          }, { referrer: name });
        }, 0);
      });
      const answered = agreed.then((ok) => {
        if (ok) return inner(o);
        const err = { errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 };
        record(name, o).answer = err;
        o.fail?.(err);
        o.complete?.(err);
        throw err;
      });
      if (o.success || o.fail || o.complete) {
        answered.catch(() => {});
        return undefined;
      }
      return answered;
    };
  }
  for (const name of PRIVACY_API_NAMES) {
    const inner = wx[name];
    if (typeof inner === 'function') wx[name] = privacyApi(name, inner as (o: Options) => unknown);
  }
  // wx.authorize asks only for privacy-scoped scopes here (the album's).
  wx.authorize = privacyApi('authorize', wx.authorize as (o: Options) => unknown);
  wx.onNeedPrivacyAuthorization = (listener: typeof privacyListener) => {
    privacyListener = listener;
  };
  /** The value base.wxml binds an attribute of a built-in component to (undefined when unbound). */
  function boundValue(el: WxElement, attribute: string): unknown {
    const key = boundKey(String(el.is), attribute);
    const node = key ? nodeData(String(el.dataset?.sid), (mp.page().instance as unknown as { data: unknown }).data) : undefined;
    return key && node ? node[key] : undefined;
  }

  g.wx = wx;
  // The cloud functions run on Node, whose TextEncoder our handlers use (request size, ids);
  // jest's jsdom lacks it. No page code of dist/ uses it (WeChat's JS core may not have it).
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;

  // ---- run the app ------------------------------------------------------------------------------
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  if (!appConfig) throw new Error('dist/app.js did not call App()');
  appConfig.onLaunch?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 });
  appConfig.onShow?.call(appConfig, { path: 'pages/index/index', query: {}, scene: 1001 });

  async function settle(): Promise<void> {
    let quietTicks = 0;
    for (let i = 0; i < 400 && quietTicks < 3; i++) {
      const before = mutations;
      await tick();
      quietTicks = pending === 0 && mutations === before ? quietTicks + 1 : 0;
    }
  }

  const mp = {
    openid: 'user-a',
    now: () => new Date(),
    cloudOffline: false,
    cloudEnv: {},
    get db() {
      return db;
    },
    answers: freshAnswers(),
    calls,
    canvasOps,
    tempFiles,
    wxacodeCalls,
    privacyAsks,
    files,
    drawnIn(path: string) {
      const file = tempFiles.get(path);
      if (file?.kind !== 'canvas') throw new Error(`${path} is not an exported canvas; the app holds: ${[...tempFiles.keys()].join(' ')}`);
      return file.ops;
    },
    textsIn: (path: string) => mp.drawnIn(path).filter((o) => o.op === 'fillText').map((o) => String(o.args[0])),
    exportsOf: (canvasId: string) =>
      calls
        .filter((c) => c.api === 'canvasToTempFilePath' && (c.options.canvas as { id?: string } | undefined)?.id === canvasId)
        .map((c) => c.answer?.tempFilePath)
        .filter((p): p is string => typeof p === 'string'),
    errors,
    warnings,
    storage,
    inTap: 0,
    stack: () => [...stack],
    page: () => {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('no page is open: start with mp.reLaunch(url)');
      return top;
    },
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.options),
    async reLaunch(url) {
      const o: Options = { url };
      let failure: unknown;
      (wx.reLaunch as (o: Options) => void)({ ...o, fail: (e: unknown) => (failure = e) });
      await settle();
      if (failure) throw new Error(`reLaunch ${url}: ${JSON.stringify(failure)}`);
      return mp.page();
    },
    settle,
    async waitFor(check, what, ms = 5000) {
      const start = Date.now();
      for (;;) {
        const v = check();
        if (v) return v as NonNullable<typeof v>;
        if (Date.now() - start > ms) {
          const top = stack[stack.length - 1];
          throw new Error(`waited ${ms} ms for ${what}; page ${top?.route ?? '(none)'} shows: ${top?.text() ?? ''}`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async callCloud(name, data, openid = mp.openid) {
      return (await callFunction(name, data, openid)).result;
    },
    async reset() {
      while (stack.length) close(stack.pop()!);
      storage.clear();
      db.data.clear();
      db.calls.length = 0;
      calls.length = 0;
      canvasOps.length = 0;
      wxacodeCalls.length = 0;
      privacyAsks.length = 0;
      agreeTapped.clear();
      files.clear();
      errors.length = 0;
      warnings.length = 0;
      (mp as { answers: Answers }).answers = freshAnswers();
      mp.openid = 'user-a';
      mp.now = () => new Date();
      mp.cloudOffline = false;
      mp.cloudEnv = {};
      await settle();
    },
  } as MiniProgram;

  function resolve(target: Target): WxElement {
    if (typeof target !== 'string') return target;
    return target.startsWith('#') ? mp.byId(target.slice(1)) : mp.byText(target);
  }

  function dispatch(el: WxElement, type: string, detail: Record<string, unknown>): void {
    const event = exparser.Event.create(type, detail, {
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: [], changedTouches: [] },
    });
    mp.inTap += type === 'tap' ? 1 : 0;
    try {
      guard(`${type} on #${el.id}`, () => exparser.Event.dispatchEvent(el, event));
    } finally {
      mp.inTap -= type === 'tap' ? 1 : 0;
    }
  }

  Object.assign(mp, {
    byId(id: string) {
      const el = findById(mp.page().root, id);
      if (!el) throw new Error(`no #${id} on ${mp.page().route}; ids there: ${idsIn(mp.page().root).join(' ')}`);
      return el;
    },
    has: (id: string) => Boolean(findById(mp.page().root, id)),
    byClass: (className: string) => findByClass(mp.page().root, className),
    byText(text: string, exact = false) {
      const hits = findByText(mp.page().root, text, exact);
      if (hits.length !== 1) {
        throw new Error(`${hits.length} elements show "${text}" on ${mp.page().route}; the page shows: ${mp.page().text()}`);
      }
      return hits[0];
    },
    text: (target?: Target) => (target === undefined ? mp.page().text() : allText(resolve(target))),
    async tap(target: Target) {
      const el = resolve(target);
      dispatch(el, 'tap', { x: 0, y: 0 });
      // WeChat's agree button: the tap is remembered (resolve checks it) and the button fires its event.
      if (el.is === 'button' && boundValue(el, 'open-type') === 'agreePrivacyAuthorization') {
        agreeTapped.add(el.id);
        dispatch(el, 'agreeprivacyauthorization', {});
      }
      await settle();
    },
    async input(target: Target, value: string) {
      const el = resolve(target);
      const field = fieldIn(el);
      if (!field) throw new Error(`no input at or below #${el.id}`);
      dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
      await settle();
    },
    async pick(target: Target, value: number) {
      dispatch(resolve(target), 'change', { value });
      await settle();
    },
    value(target: Target) {
      const el = resolve(target);
      const field = fieldIn(el);
      if (!field || !inputValueKey) throw new Error(`no input at or below #${el.id} (or no input template in base.wxml)`);
      const node = nodeData(String(field.dataset?.sid), (mp.page().instance as unknown as { data: unknown }).data);
      if (!node) throw new Error(`#${field.id} is not in the page data`);
      return String(node[inputValueKey] ?? '');
    },
    attr(target: Target, name: string) {
      const el = resolve(target);
      const key = boundKey(String(el.is), name);
      if (!key) throw new Error(`base.wxml binds no ${name} of <${String(el.is)}> (#${el.id})`);
      const node = nodeData(String(el.dataset?.sid), (mp.page().instance as unknown as { data: unknown }).data);
      if (!node) throw new Error(`#${el.id} is not in the page data`);
      return node[key];
    },
    async back() {
      const failure = goBack(1);
      if (failure) throw new Error(`back: ${failure}`);
      await settle();
    },
  } satisfies Partial<MiniProgram>);

  launched = mp;
  return mp;
}

function jestSpy(method: 'warn' | 'info' | 'log' | 'error', impl: (...args: unknown[]) => void): void {
  jest.spyOn(console, method).mockImplementation(impl);
}
