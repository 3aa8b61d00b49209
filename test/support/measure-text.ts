/** Text widths for layout tests in Node: CJK characters one em wide, Latin and digits 0.6 em (close to real fonts). */
import type { MeasureText } from '../../shared/policy/pictures';

export const fakeMeasureText: MeasureText = (text, font) => {
  const size = Number(/(\d+)px/.exec(font)![1]);
  let w = 0;
  for (const ch of text) w += /[\x20-\x7e]/.test(ch) ? size * 0.6 : size;
  return w;
};
