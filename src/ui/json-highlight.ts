/**
 * Colours JSON text line by line (keys, strings, literals), keeping the text
 * exactly as written so the review shows the bytes that will be saved.
 */
import { wrap, type Line, type Segment } from '../terminal/lines.js';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/g;

/** One source line to segments. */
export function highlightJsonLine(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) {
      out.push(m[2] !== undefined ? { text: m[1], color: 'cyan' } : { text: m[1], color: 'green' });
      if (m[2] !== undefined) out.push({ text: m[2] });
    } else {
      out.push({ text: m[3]!, color: 'yellow' });
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  TOKEN.lastIndex = 0;
  return out;
}

/** JSON text to highlighted lines at `width`; wrapped lines continue under their value. */
export function jsonLines(text: string, width: number, numbered = true): Line[] {
  const src = text.replace(/\n$/, '').split('\n');
  const pad = String(src.length).length;
  const out: Line[] = [];
  src.forEach((l, i) => {
    const indent = /^\s*/.exec(l)![0].length;
    const gutter: Segment[] = numbered ? [{ text: `${String(i + 1).padStart(pad)} `, dim: true }] : [];
    out.push(...wrap([...gutter, ...highlightJsonLine(l)], width, gutter.length ? pad + 1 + indent + 2 : indent + 2));
  });
  return out;
}
