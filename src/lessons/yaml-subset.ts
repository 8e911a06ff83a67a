/**
 * A small, strict reader for the YAML that lesson files are written in, so the
 * bundled CLI need not carry a full YAML library (the npm tarball has a size
 * budget). It accepts:
 *
 * - block mappings (`key: value`; a key ends at the first ": ", so ARNs with
 *   colons are keys) and block lists (`- item`, `- key: value` lists of
 *   mappings, and a list at its key's own indentation);
 * - `|` and `|-` literal blocks of text;
 * - one-line flow mappings and lists: `{service: ebs, region: eu-west-1}`, `[a, b]`;
 * - plain, 'single' and "double" quoted text (with backslash escapes);
 * - `#` comments.
 *
 * Plain `true`/`false` are booleans and plain whole numbers are numbers, as in
 * YAML; every other plain value is text. For those documents the result equals
 * what the `yaml` package's `parse()` returns (the tests compare the two).
 * Anything else is refused with a YamlSubsetError naming the line, rather than
 * read differently than YAML would: tabs, anchors, aliases, tags, `>` folded
 * text, `---` documents, duplicate keys, empty values, values YAML reads as
 * null, floats or other spellings of booleans, text wrapped over several lines
 * without `|`, and indentation that does not line up.
 */

/** What a document in the subset parses to. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

/** YAML outside the subset, or not YAML at all; `line` is 1-based within the parsed text. */
export class YamlSubsetError extends Error {
  override readonly name = 'YamlSubsetError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parses a document: a mapping or a list, or null when it holds only blank and comment lines. */
export function parseYamlSubset(text: string): YamlValue | null {
  return new Reader(text).document();
}

type Fail = (message: string) => never;

const BAD_INDENT = 'this line does not line up with the lines above (keys of one mapping, and the "- " items of one list, start in the same column)';
const CONTINUED =
  'this line is indented under a value that is already complete; to write text over several lines, use "|" and indent the text under it';

/** Reads a document line by line; each block method starts at its first line and stops after its last. */
class Reader {
  private readonly lines: string[];
  /** Index of the line being read. */
  private pos = 0;

  constructor(text: string) {
    this.lines = text.replace(/\r\n?/g, '\n').split('\n');
  }

  document(): YamlValue | null {
    const indent = this.next();
    if (indent < 0) return null;
    const value = this.block(indent);
    const after = this.next();
    if (after === indent) this.fail('a document is either "key: value" lines or "- " items, not both');
    if (after >= 0) this.fail(BAD_INDENT);
    return value;
  }

  private fail(message: string, index = this.pos): never {
    throw new YamlSubsetError(message, index + 1);
  }

  /** Moves past blank and comment lines; the next line's indentation, or -1 at the end. */
  private next(): number {
    for (; this.pos < this.lines.length; this.pos++) {
      const line = this.lines[this.pos]!;
      const body = line.trimStart();
      if (body.startsWith('#')) continue;
      if (line.includes('\t')) this.fail('tab character: indent and separate with spaces (tabs may appear only inside "|" text)');
      if (body === '') continue;
      if (/^(---|\.\.\.)(\s|$)/.test(line)) this.fail(`"${line.slice(0, 3)}" marks a YAML document boundary; one block holds one document`);
      if (line.startsWith('%')) this.fail('YAML directives ("%...") are not supported');
      return line.length - body.length;
    }
    return -1;
  }

  /** The mapping or list whose first line is the current one, indented by `indent`. */
  private block(indent: number): YamlValue {
    return isItem(this.lines[this.pos]!.slice(indent)) ? this.list(indent) : this.mapping(indent);
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const entries: [string, YamlValue][] = [];
    const seen = new Map<string, number>();
    while (this.next() === indent) {
      const text = this.lines[this.pos]!.slice(indent);
      if (isItem(text)) this.fail('a "- " list item where a "key: value" line was expected (check its indentation)');
      const split = splitKey(text);
      if (!split) this.fail(`expected "key: value" (with a space after the colon), not "${text.trim()}"`);
      const key = keyText(split.key, (m) => this.fail(m));
      const first = seen.get(key);
      if (first !== undefined) this.fail(`duplicate key "${key}" (first on line ${first + 1})`);
      seen.set(key, this.pos);
      entries.push([key, this.value(split.rest, indent, `"${key}"`, true)]);
    }
    if (this.next() > indent) this.fail(BAD_INDENT);
    return Object.fromEntries(entries);
  }

  private list(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    while (this.next() === indent) {
      const text = this.lines[this.pos]!.slice(indent);
      if (!isItem(text)) break; // the next key of a mapping this list is the value of
      const rest = text.slice(1).trimStart();
      if (isItem(rest) || splitKey(rest)) {
        // `- key: value` (or `- - item`): a block that starts on the dash's line, in the column after it.
        const column = this.lines[this.pos]!.length - rest.length;
        this.lines[this.pos] = ' '.repeat(column) + rest;
        items.push(this.block(column));
      } else {
        items.push(this.value(rest, indent, 'a "- " list item', false));
      }
    }
    if (this.next() > indent) this.fail(BAD_INDENT);
    return items;
  }

  /**
   * The value after `key:` or `- `: on the same line, a `|` block under it, or a
   * nested block on the following lines. `owner` is the key's or dash's column.
   */
  private value(rest: string, owner: number, what: string, listAtOwnerColumn: boolean): YamlValue {
    const text = rest.trim();
    const fail: Fail = (m) => this.fail(m);
    if (text === '' || text.startsWith('#')) {
      const line = this.pos++;
      const indent = this.next();
      if (indent > owner) return this.block(indent);
      if (indent === owner && listAtOwnerColumn && isItem(this.lines[this.pos]!.slice(indent))) return this.list(indent);
      return this.fail(`${what} has no value (write it after the colon, or on the lines below, indented)`, line);
    }
    if (text.startsWith('|')) return this.literal(text, owner);
    if (text.startsWith('>')) fail('folded text (">") is not supported: use "|"');
    let value: YamlValue;
    if (text.startsWith('{') || text.startsWith('[')) {
      const [flow, end] = flowNode(text, 0, fail);
      value = flow;
      checkTrailing(text.slice(end), fail);
    } else if (text.startsWith('"') || text.startsWith("'")) {
      const end = scanQuoted(text, 0);
      if (end < 0) fail('the quote is not closed on this line (quoted text must fit on one line; use "|" for longer text)');
      value = unquote(text.slice(0, end), fail);
      checkTrailing(text.slice(end), fail);
    } else {
      const plain = text.replace(/\s#.*$/, '').trimEnd();
      if (/: |:$/.test(plain)) fail(`quote this value: it contains ": ", which would start a nested mapping ("${plain}")`);
      value = plainValue(plain, fail);
    }
    this.pos++;
    if (this.next() > owner) {
      const deeper = this.lines[this.pos]!.trim();
      this.fail(isItem(deeper) || splitKey(deeper) ? BAD_INDENT : CONTINUED);
    }
    return value;
  }

  /** A `|` or `|-` literal block: the lines indented deeper than `owner`, newlines kept. */
  private literal(header: string, owner: number): string {
    const chomp = /^\|(-?)(?:\s+#.*)?$/.exec(header);
    if (!chomp) this.fail('after "|" only "-" may follow ("|" keeps one final newline, "|-" none)');
    const start = ++this.pos;
    let indent = -1;
    let end = start;
    for (; end < this.lines.length; end++) {
      const line = this.lines[end]!;
      if (isBlank(line)) continue;
      const spaces = /^ */.exec(line)![0].length;
      if (indent < 0) {
        if (spaces <= owner) break;
        indent = spaces;
      } else if (spaces < indent) break;
    }
    this.pos = end;
    if (indent < 0) return '';
    const body = this.lines.slice(start, end);
    const firstText = body.findIndex((l) => !isBlank(l));
    const deepBlank = body.slice(0, firstText).findIndex((l) => l.length > indent);
    if (deepBlank >= 0) this.fail('a blank line at the start of a "|" block has more spaces than the text below it', start + deepBlank);
    // Lines of spaces only are empty lines, unless they reach past the indentation (then the rest is text).
    const text = body.map((l) => (isBlank(l) && l.length <= indent ? '' : l.slice(indent)));
    while (text.at(-1) === '') text.pop();
    return text.join('\n') + (chomp[1] === '-' ? '' : '\n');
  }
}

const isBlank = (line: string): boolean => /^ *$/.test(line);

/** `- item` (or a bare `-`) starts a list item. */
const isItem = (text: string): boolean => text === '-' || text.startsWith('- ');

/** Splits `key: rest` at the first ": " (or a colon ending the line); undefined when the line is no key. */
function splitKey(text: string): { key: string; rest: string } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = scanQuoted(text, 0);
    const colon = end < 0 ? null : /^ *:( |$)/.exec(text.slice(end));
    return colon ? { key: text.slice(0, end), rest: text.slice(end + colon[0].length) } : undefined;
  }
  if (/^[[{#]/.test(text)) return undefined;
  const colon = /:( |$)/.exec(text);
  const comment = /\s#/.exec(text);
  if (!colon || (comment && comment.index < colon.index)) return undefined;
  return { key: text.slice(0, colon.index).trimEnd(), rest: text.slice(colon.index + 1) };
}

/** A key's text: quoted keys are unquoted; plain ones must read as text, true/false or a whole number. */
function keyText(raw: string, fail: Fail): string {
  if (raw === '') fail('a key is missing before the colon');
  return raw.startsWith('"') || raw.startsWith("'") ? unquote(raw, fail) : String(plainValue(raw, fail));
}

/** Only spaces, or a comment after a space, may follow a quoted or flow value. */
function checkTrailing(rest: string, fail: Fail): void {
  if (!/^(\s+#.*|\s*)$/.test(rest)) fail(`unexpected text after the value: "${rest.trim()}"`);
}

/** Plain values YAML would read as something other than text, true/false or a whole number. */
const NOT_TEXT: [RegExp, string][] = [
  [/^(?:~|[Nn]ull|NULL)$/, 'null (no value)'],
  [/^(?:True|TRUE|False|FALSE)$/, 'a boolean (write true or false)'],
  [/^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, 'a number'],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/, 'a decimal number'],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, 'a number'],
];

/** What a plain (unquoted) scalar means: true/false, a whole number, or text. */
function plainValue(raw: string, fail: Fail): string | number | boolean {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^(?:0|-?[1-9][0-9]*)$/.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
  const reading = NOT_TEXT.find(([pattern]) => pattern.test(raw));
  if (reading) fail(`YAML would read ${raw} as ${reading[1]}; quote it ("${raw}") if you mean text`);
  const indicator = /^(?:[-?:](?= |$)|[,\]}&*!%@`|>#])/.exec(raw);
  if (indicator) fail(`${INDICATORS[indicator[0]] ?? `quote it: plain text cannot start with "${indicator[0]}"`} (${raw})`);
  return raw;
}

const INDICATORS: Record<string, string> = {
  '&': 'anchors ("&name") are not supported: write the value out',
  '*': 'aliases ("*name") are not supported: write the value out, or quote text that starts with "*"',
  '!': 'tags ("!tag") are not supported: quote text that starts with "!"',
  '-': 'a "- " list starts on its own line, indented under its key',
};

/** Index just past the closing quote of the quoted scalar at `start`, or -1 when it is not closed. */
function scanQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** YAML's one-character escapes in double quotes. */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** The text of a quoted scalar, quotes included in `raw`: `''` in single quotes, backslash escapes in double. */
function unquote(raw: string, fail: Fail): string {
  const inner = raw.slice(1, -1);
  if (raw.startsWith("'")) return inner.replaceAll("''", "'");
  return inner.replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.?))/gu, (_, x?: string, u?: string, U?: string, c?: string) => {
    const hex = x ?? u ?? U;
    if (hex !== undefined && parseInt(hex, 16) <= 0x10ffff) return String.fromCodePoint(parseInt(hex, 16));
    return ESCAPES[c ?? ''] ?? fail(`unknown or incomplete escape "\\${c ?? ''}" in double quotes (write "\\\\" for a backslash)`);
  });
}

/** A flow value at `start` (`{...}`, `[...]`, quoted or plain), on one line; the value and the index after it. */
function flowNode(text: string, start: number, fail: Fail): [YamlValue, number] {
  let i = skipSpaces(text, start);
  const open = text[i];
  if (open === '"' || open === "'") {
    const end = scanQuoted(text, i);
    if (end < 0) fail('the quote is not closed on this line');
    return [unquote(text.slice(i, end), fail), end];
  }
  if (open !== '{' && open !== '[') {
    const end = i + /^[^,[\]{}]*?(?=[,[\]{}]|: |:$|:[,\]}]|\s#|$)/.exec(text.slice(i))![0].length;
    const raw = text.slice(i, end).trim();
    if (raw === '') fail(`a value is missing in "${text.trim()}"`);
    return [plainValue(raw, fail), end];
  }
  const close = open === '{' ? '}' : ']';
  const entries: [string, YamlValue][] = [];
  const items: YamlValue[] = [];
  i = skipSpaces(text, i + 1);
  while (text[i] !== close) {
    if (i >= text.length) fail(`"${open}" is not closed with "${close}" on this line (flow ${open === '{' ? 'mappings' : 'lists'} must fit on one line)`);
    if (open === '[') {
      const [item, end] = flowNode(text, i, fail);
      items.push(item);
      i = end;
    } else {
      const [key, keyEnd] = flowNode(text, i, fail);
      if (typeof key === 'object') fail('a key inside "{...}" must be text');
      i = skipSpaces(text, keyEnd);
      if (text[i] !== ':') fail(`every entry inside "{...}" is "key: value" (after "${key}")`);
      if (entries.some(([k]) => k === String(key))) fail(`duplicate key "${key}" inside "{...}"`);
      const [value, end] = flowNode(text, i + 1, fail);
      entries.push([String(key), value]);
      i = end;
    }
    i = skipSpaces(text, i);
    if (text[i] === ',') i = skipSpaces(text, i + 1);
    else if (text[i] !== close && i < text.length) fail(`expected "," or "${close}" at "${text.slice(i)}"`);
  }
  return [open === '{' ? Object.fromEntries(entries) : items, i + 1];
}

const skipSpaces = (text: string, i: number): number => i + /^ */.exec(text.slice(i))![0].length;
