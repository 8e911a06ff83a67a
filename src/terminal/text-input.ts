import { line, seg, wrap, type Line, type Segment } from './lines.js';
import type { TextField } from './text-field.js';

/**
 * A text field as lines: "> value" with the cursor shown inverse (with no
 * colour, as an underscore, so it stays visible). Long values wrap.
 */
export function textInputLines(field: TextField, width: number, color: boolean, placeholder = ''): Line[] {
  const chars = [...field.value];
  const at = Math.min(field.cursor, chars.length);
  const cursorChar = chars[at] ?? ' ';
  const cursor: Segment = color ? seg(cursorChar, { inverse: true }) : seg(at < chars.length ? cursorChar : '_', { bold: true });
  const parts: Segment[] = [seg('> ', { color: 'cyan', bold: true })];
  if (chars.length === 0 && placeholder) {
    parts.push(cursor, seg(placeholder, { dim: true }));
  } else {
    parts.push(seg(chars.slice(0, at).join('')), cursor, seg(chars.slice(at + 1).join('')));
  }
  return wrap(line(...parts), width, 2);
}
