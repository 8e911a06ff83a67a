/**
 * The wizard's render model: every screen is a list of lines, each a list of
 * styled segments, wrapped by us to the terminal width. Knowing the exact
 * line count lets screens fit 80x24 (lists scroll, panels shrink) instead of
 * letting the terminal wrap and push the frame off screen.
 */
export type Color = 'cyan' | 'green' | 'yellow' | 'red' | 'magenta' | 'blue' | 'gray';

export interface Segment {
  readonly text: string;
  readonly color?: Color;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
}

export type Line = readonly Segment[];

export const seg = (text: string, style: Omit<Segment, 'text'> = {}): Segment => ({ text, ...style });
export const line = (...parts: (Segment | string)[]): Line => parts.map((p) => (typeof p === 'string' ? { text: p } : p));
export const blank: Line = [];

export const lineText = (l: Line): string => l.map((s) => s.text).join('');
export const lineWidth = (l: Line): number => [...lineText(l)].length;

/** Cuts a line to `width` characters, ending in "…" when something was cut. */
export function truncate(l: Line, width: number): Line {
  if (lineWidth(l) <= width) return l;
  const out: Segment[] = [];
  let left = Math.max(0, width - 1);
  for (const s of l) {
    if (left <= 0) break;
    const chars = [...s.text];
    out.push({ ...s, text: chars.slice(0, left).join('') });
    left -= Math.min(left, chars.length);
  }
  out.push({ text: '…' });
  return out;
}

/**
 * Wraps a line at `width`, preferring the last space (words longer than the
 * width are cut); continuation lines start with `indent` spaces.
 */
export function wrap(l: Line, width: number, indent = 0): Line[] {
  const w = Math.max(10, width);
  const chars: { ch: string; style: Omit<Segment, 'text'> }[] = [];
  for (const s of l) {
    const { text, ...style } = s;
    for (const ch of text) chars.push({ ch, style });
  }
  if (chars.length <= w) return [l];
  const rows: (typeof chars)[] = [];
  let rest = chars;
  let first = true;
  while (rest.length > 0) {
    const room = first ? w : w - indent;
    if (rest.length <= room) {
      rows.push(rest);
      break;
    }
    let cut = room;
    for (let i = room; i > 0; i--) {
      if (rest[i]?.ch === ' ') {
        cut = i;
        break;
      }
    }
    rows.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    while (rest[0]?.ch === ' ') rest = rest.slice(1);
    first = false;
  }
  return rows.map((row, i) => {
    const out: Segment[] = i > 0 && indent > 0 ? [{ text: ' '.repeat(indent) }] : [];
    for (const { ch, style } of row) {
      const last = out[out.length - 1];
      if (last && sameStyle(last, style)) out[out.length - 1] = { ...last, text: last.text + ch };
      else out.push({ text: ch, ...style });
    }
    return out;
  });
}

function sameStyle(a: Segment, b: Omit<Segment, 'text'>): boolean {
  return a.color === b.color && a.bold === b.bold && a.dim === b.dim && a.inverse === b.inverse;
}

/** Wraps a paragraph of plain or styled text into lines. */
export const para = (text: string | Line, width: number, indent = 0): Line[] =>
  wrap(typeof text === 'string' ? [{ text }] : text, width, indent);

/** A window of `height` lines starting at `offset` (clamped), for scrolling. */
export function windowOf<T>(items: readonly T[], offset: number, height: number): { items: T[]; offset: number } {
  const max = Math.max(0, items.length - height);
  const start = Math.min(Math.max(0, offset), max);
  return { items: items.slice(start, start + height), offset: start };
}
