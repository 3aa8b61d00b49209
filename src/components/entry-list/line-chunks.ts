/**
 * Where a short Chinese label may wrap. Chinese has no spaces, so a browser (and WeChat) may break a
 * line between any two characters, also inside a word ("工业互联网平|台"). The entry list's add
 * button shows the label as these chunks, each kept whole where it fits, so its line breaks fall
 * between them: after a space, after a joining word or a separator (的 和 或 与 及 等 、 / ，), and
 * before a parenthetical of more than two characters ("节能技术改造项目 | （含打捆项目）"; a short
 * one stays with its word: "首台（套）"). A joining word is never left alone at the start of a chunk
 * ("5G 等" stays together). Pure: no Taro, no catalog.
 * lineChunks cuts a label so.
 */

const BREAK_AFTER = new Set(['的', '和', '或', '与', '及', '等', '、', '/', '，']);
const JOINING = new Set(['的', '和', '或', '与', '及', '等']);

/**
 * The label cut into chunks (their concatenation is the label). A space is a chunk of its own
 * (shown between the others as plain text, so it is kept on a line and dropped at a line's end).
 */
export function lineChunks(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') chunks.push(current);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') {
      flush();
      chunks.push(c);
      continue;
    }
    if (c === '（' && current !== '' && text.indexOf('）', i) - i - 1 > 2) flush();
    if (current === '' && JOINING.has(c) && chunks.length > 0) {
      // A joining word right after a break belongs to what comes before it ("5G 等").
      const before = chunks.pop()!;
      current = before === ' ' && chunks.length > 0 ? chunks.pop()! + before : before;
    }
    current += c;
    if (BREAK_AFTER.has(c)) flush();
  }
  flush();
  return chunks;
}
