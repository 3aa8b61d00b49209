/**
 * The one folding of typed text (halfWidth): full-width characters as a Chinese keyboard types them
 * (２５００, ２，５００．５, ５０％, ＡＢ, the ideographic space) made ASCII, one character for one. The
 * schema's readTypedNumber, the browser's 金额至少 and search read a number through it, so "２，５００"
 * is 2500 wherever it is typed. One for one because search maps each folded character back to the
 * clause to highlight it (NFKC is not: it makes ㎡ two characters).
 */

/** U+FF01–U+FF5E (full-width ASCII) sit 0xFEE0 above their ASCII; U+3000 is the ideographic space. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** The text with full-width ASCII and the ideographic space made ASCII; same length. */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
