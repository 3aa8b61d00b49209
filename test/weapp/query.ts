/**
 * Finding things in a rendered mini-program page: exparser's element tree, walked through every
 * component's shadow tree (Taro renders deep trees through its `comp` component), so a page's
 * elements are found wherever Taro put them. Ids and classes are the ones our JSX wrote (exparser
 * keeps them unprefixed); text is what the page shows.
 */

/** The part of an exparser element the helpers use. */
export interface WxElement {
  /** The component's tag: 'view', 'button', 'input', 'canvas', … (a custom component's own id). */
  is?: string;
  id: string;
  dataset?: Record<string, unknown>;
  childNodes: WxNode[];
  shadowRoot?: WxElement;
  parentNode?: WxElement | null;
  classList?: { _rawNames?: string[][] };
  /** The DOM node exparser renders into. */
  $$?: { textContent: string | null };
  getAttribute?(name: string): unknown;
}
type WxNode = WxElement | { textContent: string };

function isElement(n: WxNode): n is WxElement {
  return Array.isArray((n as WxElement).childNodes);
}

/** Every element below `root` (shadow trees included), in document order, root first. */
export function walk(root: WxElement, visit: (el: WxElement) => void): void {
  visit(root);
  if (root.shadowRoot) walk(root.shadowRoot, visit);
  for (const child of root.childNodes) if (isElement(child)) walk(child, visit);
}

/** The text the element shows, all of it, as one string (white space as rendered). */
export function allText(el: WxElement): string {
  return (el.$$?.textContent ?? '').trim();
}

/** The classes written on the element (without the component prefix exparser adds in the DOM). */
export function classesOf(el: WxElement): string[] {
  const raw = el.classList?._rawNames;
  return raw ? raw.flat().filter(Boolean) : [];
}

export function findAll(root: WxElement, match: (el: WxElement) => boolean): WxElement[] {
  const out: WxElement[] = [];
  walk(root, (el) => {
    if (match(el)) out.push(el);
  });
  return out;
}

/** The element with this id, or undefined. */
export function findById(root: WxElement, id: string): WxElement | undefined {
  return findAll(root, (el) => el.id === id)[0];
}

/** Elements carrying this class. */
export function findByClass(root: WxElement, className: string): WxElement[] {
  return findAll(root, (el) => classesOf(el).includes(className));
}

/**
 * The innermost elements whose text contains `text` (or equals it, with `exact`): where a finger
 * would land to tap those words.
 */
export function findByText(root: WxElement, text: string, exact = false): WxElement[] {
  const hits = findAll(root, (el) => {
    const t = allText(el);
    return exact ? t === text : t.includes(text);
  });
  return hits.filter((el) => !hits.some((other) => other !== el && contains(el, other)));
}

/** Whether `inner` lies below `outer`. */
export function contains(outer: WxElement, inner: WxElement): boolean {
  let found = false;
  walk(outer, (el) => {
    if (el === inner && el !== outer) found = true;
  });
  return found;
}

/** The first `input`/`textarea` at or below the element. */
export function fieldIn(el: WxElement): WxElement | undefined {
  return findAll(el, (e) => e.is === 'input' || e.is === 'textarea')[0];
}

/** Every id on the page, for error messages. */
export function idsIn(root: WxElement): string[] {
  return findAll(root, (el) => Boolean(el.id) && !/^_[A-Za-z0-9]+$/.test(el.id)).map((el) => el.id);
}
