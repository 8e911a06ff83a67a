/**
 * Styled lines: what the runners draw. The Ink view maps tones to colours,
 * the accessible runner prints the plain text. Keeping the layout here means
 * both show the same words.
 */

/** What a piece of text is, so each renderer can style it its own way. */
/** `cursor` is the selection pointer; `caret` the text cursor of the inline editor. */
export type Tone = 'plain' | 'heading' | 'bold' | 'code' | 'dim' | 'ok' | 'bad' | 'accent' | 'hint' | 'cursor' | 'caret';

export interface Span {
  readonly text: string;
  readonly tone: Tone;
}

export type Line = readonly Span[];

export const span = (text: string, tone: Tone = 'plain'): Span => ({ text, tone });
export const line = (text: string, tone: Tone = 'plain'): Line => (text === '' ? [] : [span(text, tone)]);
export const BLANK: Line = [];

export function lineText(l: Line): string {
  return l.map((s) => s.text).join('');
}

/**
 * Greedy word wrap that keeps each word's tone. `indent` prefixes
 * continuation lines (hanging indent for list items).
 */
export function wrapSpans(spans: readonly Span[], width: number, indent = ''): Line[] {
  // Words are runs of non-space text; a word may span several tones ("(" + `code` + ")") and never breaks inside.
  const tokens: (Span | Span[])[] = [];
  for (const s of spans) {
    for (const part of s.text.split(/(\s+)/)) {
      if (part === '') continue;
      const last = tokens[tokens.length - 1];
      if (/^\s+$/.test(part)) tokens.push(span(part, s.tone));
      else if (Array.isArray(last)) last.push(span(part, s.tone));
      else tokens.push([span(part, s.tone)]);
    }
  }
  const out: Span[][] = [];
  let current: Span[] = [];
  let used = 0;
  // Continuation lines start with the indent; spaces are dropped only at the break.
  let atBreak = false;
  const push = () => {
    while (current.length > 0 && /^\s+$/.test(current[current.length - 1]!.text)) used -= current.pop()!.text.length;
    out.push(current);
    current = indent ? [span(indent)] : [];
    used = indent.length;
    atBreak = true;
  };
  for (const token of tokens) {
    if (!Array.isArray(token)) {
      if (!atBreak) {
        current.push(token);
        used += token.text.length;
      }
      continue;
    }
    const length = token.reduce((n, p) => n + p.text.length, 0);
    if (used + length > width && !atBreak && used > 0) push();
    for (const piece of token) {
      let text = piece.text;
      // A word longer than the line (an ARN) is cut where the line ends.
      while (used + text.length > width && width - used > 0) {
        const room = width - used;
        current.push(span(text.slice(0, room), piece.tone));
        text = text.slice(room);
        push();
      }
      if (text !== '') current.push(span(text, piece.tone));
      used += text.length;
      atBreak = false;
    }
  }
  if (!atBreak || out.length === 0) push();
  return out;
}

/** Splits a code line into pieces of at most `width`, breaking after a space when one is near the end. */
export function codeChunks(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= width / 3) cut = width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

/** Continuation lines narrower than this read worse than a plain indent. */
const MIN_ALIGNED_ROOM = 20;

/**
 * The column a wrapped code line continues at: under the first element of a
 * list the line leaves open (where the source's own next line starts, so
 * "kms:List*" and "kms:Put*" line up); a line of list elements at its own
 * indentation; anything else at its indentation + 2.
 */
export function continuationColumn(text: string, width: number): number {
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[') stack.push(i);
    else if (c === ']') stack.pop();
  }
  const open = stack.at(-1);
  const indent = /^\s*/.exec(text)![0].length;
  // A line of list elements ("kms:Get*", "kms:Delete*", ...) continues at its own indentation, like the next one.
  const elements = /^\s*"(?:[^"\\]|\\.)*"\s*[,\]]/.test(text);
  if (open !== undefined && width - (open + 1) >= MIN_ALIGNED_ROOM) return open + 1;
  return elements ? indent : indent + 2;
}

/**
 * Wraps a code line (JSON) at a space when it can, continuing at
 * {@link continuationColumn}, so the text still reads (and copies) as JSON.
 */
export function wrapCode(text: string, width: number, tone: Tone = 'code'): Line[] {
  if (text.length <= width) return [line(text, tone)];
  const lead = ' '.repeat(continuationColumn(text, width));
  const [first, ...rest] = codeChunks(text, width);
  return [line(first!, tone), ...codeChunks(rest.join(' '), Math.max(10, width - lead.length)).map((c) => line(lead + c, tone))];
}
