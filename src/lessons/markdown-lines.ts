/**
 * The small part of markdown the lessons use, laid out as styled lines for a
 * terminal of a given width: paragraphs, `-`/`1.` lists, `###` headings,
 * fenced code, simple tables, and inline `code` and **bold**.
 */
import { BLANK, span, wrapCode, wrapSpans, type Line, type Span } from './styled-text.js';

const cache = new Map<string, Line[]>();

export function markdownLines(markdown: string, width: number): Line[] {
  const key = `${width}\u0000${markdown}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = layout(markdown, Math.max(20, width));
    if (cache.size > 500) cache.clear();
    cache.set(key, lines);
  }
  return lines;
}

/**
 * Inline markup: `code` (literal, stars and all), **bold**, *emphasis* (shown plain).
 * Emphasis opens only after a space or an opening bracket and closes only before a space or
 * closing punctuation: the lessons are full of IAM wildcards ("kms:Get*",
 * "arn:aws:config:*:111122223333:*") whose stars are text, not markup.
 */
export function inlineSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|(?<=^|[\s(\[])\*([^*\s][^*]*?)\*(?=$|[\s.,;:!?)\]])/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(span(text.slice(last, m.index)));
    if (m[1] !== undefined) out.push(span(m[1], 'code'));
    else if (m[2] !== undefined) out.push(span(m[2], 'bold'));
    else out.push(span(m[3]!));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(span(text.slice(last)));
  return out;
}

function layout(markdown: string, width: number): Line[] {
  const src = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: Line[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1]!.length !== 0) out.push(BLANK);
  };
  let para: string[] = [];
  const flushPara = () => {
    if (para.length > 0) out.push(...wrapSpans(inlineSpans(para.join(' ')), width));
    para = [];
  };
  for (let i = 0; i < src.length; i++) {
    const raw = src[i]!;
    const text = raw.trimEnd();
    if (/^(```|~~~)/.test(text)) {
      flushPara();
      let j = i + 1;
      const code: string[] = [];
      while (j < src.length && !/^(```|~~~)/.test(src[j]!)) code.push(src[j++]!);
      for (const c of code) out.push(...wrapCode(`  ${c}`, width));
      i = j;
      blank();
      continue;
    }
    if (text.trim() === '') {
      flushPara();
      blank();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(text);
    if (heading) {
      flushPara();
      blank();
      out.push(...wrapSpans([span(heading[1]!, 'heading')], width));
      continue;
    }
    const item = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(text);
    if (item) {
      flushPara();
      const marker = /\d/.test(item[2]!) ? `${item[2]} ` : '• ';
      const lead = `${item[1]!}${marker}`;
      // Continuation lines of the item are indented under its text.
      let body = item[3]!;
      while (i + 1 < src.length && /^\s{2,}\S/.test(src[i + 1]!) && !/^\s*([-*+]|\d+\.)\s/.test(src[i + 1]!)) body += ` ${src[++i]!.trim()}`;
      out.push(...wrapSpans([span(lead), ...inlineSpans(body)], width, ' '.repeat(lead.length)));
      continue;
    }
    if (text.startsWith('|')) {
      flushPara();
      const rows: string[][] = [];
      let j = i;
      for (; j < src.length && src[j]!.trim().startsWith('|'); j++) {
        const cells = src[j]!.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
      }
      i = j - 1;
      out.push(...table(rows, width));
      blank();
      continue;
    }
    para.push(text.trim());
  }
  flushPara();
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** A table as aligned columns; the first row (the header) in bold. */
function table(rows: string[][], width: number): Line[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const plain = (c: string) => inlineSpans(c).map((s) => s.text).join('');
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => plain(r[c] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (cols - 1) + 2;
  if (total > width) {
    // Too wide for the terminal: one "header: value" line per cell instead.
    const [head, ...body] = rows;
    return body.flatMap((r) => [
      ...r.flatMap((c, k) => wrapSpans([span(`${k === 0 ? '• ' : '  '}${head?.[k] ?? ''}: `, 'dim'), ...inlineSpans(c)], width, '    ')),
    ]);
  }
  return rows.map((r, k) => {
    const spans: Span[] = [span('  ')];
    r.forEach((c, idx) => {
      const cell = inlineSpans(c).map((s) => (k === 0 ? span(s.text, 'bold') : s));
      spans.push(...cell);
      if (idx < r.length - 1) spans.push(span(' '.repeat(widths[idx]! - plain(c).length + 3)));
    });
    return spans;
  });
}
