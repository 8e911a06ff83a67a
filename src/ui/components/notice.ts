import { line, para, seg, type Line } from '../../terminal/lines.js';

/** A sentence the user must read: "! text" in yellow for a warning, "i text" otherwise. */
export function noticeLines(n: { readonly text: string; readonly warning: boolean }, width: number): Line[] {
  return para(line(seg(n.warning ? '! ' : 'i ', { color: n.warning ? 'yellow' : 'cyan', bold: true }), seg(n.text, n.warning ? { color: 'yellow' } : {})), width, 2);
}
