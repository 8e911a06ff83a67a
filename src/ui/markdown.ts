/**
 * Just enough markdown for the "why" panels (the lessons' sections): headings,
 * paragraphs, bullet and numbered lists, fenced code, and inline **bold**,
 * `code` and [links](url). Anything else shows as plain text.
 */
import { blank, line, seg, wrap, type Line, type Segment } from './lines.js';

/** Inline markup to segments. */
export function inline(text: string, base: Omit<Segment, 'text'> = {}): Segment[] {
  const out: Segment[] = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)|(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])|(?<!\w)_([^_\s][^_]*)_(?!\w)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), ...base });
    if (m[1] !== undefined) out.push({ text: m[1], ...base, bold: true });
    else if (m[2] !== undefined) out.push({ text: m[2], ...base, color: 'cyan' });
    else if (m[3] !== undefined) out.push({ text: m[3], ...base, bold: true }, { text: ` (${m[4]})`, ...base, dim: true });
    else out.push({ text: m[5] ?? m[6] ?? '', ...base, bold: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), ...base });
  return out;
}

/** Markdown to wrapped lines at `width`. */
export function markdownLines(md: string, width: number): Line[] {
  const out: Line[] = [];
  const src = md.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...wrap(inline(paragraph.join(' ')), width));
    paragraph = [];
  };
  for (let i = 0; i < src.length; i++) {
    const raw = src[i]!;
    const text = raw.trim();
    if (text.startsWith('```')) {
      flush();
      for (i++; i < src.length && !src[i]!.trim().startsWith('```'); i++) out.push(...wrap(line(seg(`  ${src[i]}`, { color: 'cyan' })), width, 4));
      out.push(blank);
      continue;
    }
    if (text === '') {
      flush();
      if (out.length && out[out.length - 1]!.length) out.push(blank);
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(text);
    if (heading) {
      flush();
      out.push(...wrap(inline(heading[1]!, { bold: true }), width));
      continue;
    }
    const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      const depth = Math.min(3, Math.floor(item[1]!.length / 2));
      const bullet = /\d/.test(item[2]!) ? `${item[2]} ` : '• ';
      const indent = 2 * depth + bullet.length;
      out.push(...wrap([{ text: ' '.repeat(2 * depth) + bullet }, ...inline(item[3]!)], width, indent));
      continue;
    }
    if (text.startsWith('>')) {
      flush();
      out.push(...wrap([{ text: '│ ', dim: true }, ...inline(text.replace(/^>\s?/, ''), { dim: true })], width, 2));
      continue;
    }
    paragraph.push(text);
  }
  flush();
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}
