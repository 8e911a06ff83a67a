import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitLessonFile } from '../../../src/lessons/markdown-sections.js';
import { parseYamlSubset, YamlSubsetError } from '../../../src/lessons/yaml-subset.js';

const LESSONS = join(import.meta.dirname, '../../../lessons');

/** Every front matter and ```exercise block of every lesson file, named for the test title. */
function lessonDocuments(): [string, string][] {
  const docs: [string, string][] = [];
  for (const file of readdirSync(LESSONS).filter((f) => /^\d{2}-.*\.md$/.test(f))) {
    const split = splitLessonFile(readFileSync(join(LESSONS, file), 'utf8'));
    if (!split) throw new Error(`${file} has no front matter`);
    docs.push([`${file} front matter`, split.frontMatter]);
    for (const section of split.sections) for (const block of section.exercises) docs.push([`${file} exercise at line ${block.line}`, block.text]);
  }
  return docs;
}

const lines = (...l: string[]) => l.join('\n');

/** The subset's result, which must also be exactly what the yaml package reads. */
function same(text: string): unknown {
  const ours = parseYamlSubset(text);
  expect(ours).toStrictEqual(parse(text));
  return ours;
}

function refusal(text: string): YamlSubsetError {
  try {
    parseYamlSubset(text);
  } catch (err) {
    if (err instanceof YamlSubsetError) return err;
    throw err;
  }
  throw new Error(`expected a YamlSubsetError for:\n${text}`);
}

describe('parseYamlSubset on the lessons', () => {
  const docs = lessonDocuments();

  it('finds every lesson file and its exercise blocks', () => {
    expect(docs.filter(([name]) => name.endsWith('front matter')).length).toBeGreaterThanOrEqual(10);
    expect(docs.length).toBeGreaterThan(30);
  });

  it.each(docs)('%s reads exactly as the yaml package reads it', (_, text) => {
    expect(parseYamlSubset(text)).toStrictEqual(parse(text));
  });
});

describe('parseYamlSubset: what it reads', () => {
  it('block mappings with plain text, true/false and whole numbers', () => {
    expect(same(lines('id: via-service', 'minutes: 8', 'detailed: true', 'other: false', 'negative: -3', 'zero: 0'))).toEqual({
      id: 'via-service', minutes: 8, detailed: true, other: false, negative: -3, zero: 0,
    });
  });

  it('a 12-digit account id written plain is a number, as YAML reads it; quoted it stays text', () => {
    expect(same(lines('plain: 111122223333', 'quoted: "111122223333"'))).toEqual({ plain: 111122223333, quoted: '111122223333' });
  });

  it('keys end at the first ": ", so ARNs and condition keys with colons are keys', () => {
    expect(same(lines('iam:', '  arn:aws:iam::111122223333:user/John: |', '    {}', 'context:', '  kms:GrantIsForAWSResource: false'))).toEqual({
      iam: { 'arn:aws:iam::111122223333:user/John': '{}\n' },
      context: { 'kms:GrantIsForAWSResource': false },
    });
    expect(same('principal: arn:aws:iam::111122223333:root')).toEqual({ principal: 'arn:aws:iam::111122223333:root' });
  });

  it('quoted keys', () => {
    expect(same(lines('"a: b": 1', "'it''s': 2"))).toEqual({ 'a: b': 1, "it's": 2 });
  });

  it('nested mappings and lists of text', () => {
    expect(same(lines('request:', '  principal: p', '  action: kms:Decrypt', 'sources:', '  - https://a', '  - https://b'))).toEqual({
      request: { principal: 'p', action: 'kms:Decrypt' },
      sources: ['https://a', 'https://b'],
    });
  });

  it('a list at its key\'s own indentation', () => {
    expect(same(lines('hints:', '- one', '- two', 'explain: E'))).toEqual({ hints: ['one', 'two'], explain: 'E' });
  });

  it('lists of mappings, with nested mappings and flow mappings inside', () => {
    const text = lines(
      'goals:',
      '  - label: John can decrypt',
      '    expect: Allow',
      '    request:',
      '      principal: arn:aws:iam::111122223333:user/John',
      '      viaService: {service: ebs, region: eu-west-1}',
      '  - label: Not directly',
      '    expect: Deny',
    );
    expect(same(text)).toEqual({
      goals: [
        { label: 'John can decrypt', expect: 'Allow', request: { principal: 'arn:aws:iam::111122223333:user/John', viaService: { service: 'ebs', region: 'eu-west-1' } } },
        { label: 'Not directly', expect: 'Deny' },
      ],
    });
  });

  it('a bare "-" with its item on the lines below, and lists of lists', () => {
    expect(same(lines('a:', '  -', '    k: v', '  - - x', '    - y'))).toEqual({ a: [{ k: 'v' }, ['x', 'y']] });
  });

  it('a top-level list', () => {
    expect(same(lines('- a', '- b: 1'))).toEqual(['a', { b: 1 }]);
  });

  it('"|" keeps the lines and one final newline; "|-" none; blank lines inside are kept', () => {
    const text = lines('a: |', '  {', '    "x": 1', '', '  }', '', '', 'b: |-', '  text', '  more', '', 'c: 1');
    expect(same(text)).toEqual({ a: '{\n  "x": 1\n\n}\n', b: 'text\nmore', c: 1 });
  });

  it('"|" at the end of the text, a "|" item, and a comment after the "|"', () => {
    expect(same(lines('- | # note', '  one', '  two'))).toEqual(['one\ntwo\n']);
  });

  it('"|" text may hold "#", ": ", quotes, tabs and deeper indentation as they are', () => {
    const text = lines('a: |', '  # not a comment', '  key: "value"', '    \tdeeper', '  last', '     ', 'b: 1');
    expect(same(text)).toEqual({ a: '# not a comment\nkey: "value"\n  \tdeeper\nlast\n   \n', b: 1 });
  });

  it('an empty "|" block is empty text', () => {
    expect(same(lines('a: |', 'b: 1'))).toEqual({ a: '', b: 1 });
  });

  it('flow mappings and lists, nested, with quoted items and a trailing comma', () => {
    const text = lines('a: {service: ebs, region: eu-west-1}', 'b: [x, "y, z", \'w\', 1, true]', 'c: {k: [1, 2], "q": {}}', 'd: [a, b,]', 'e: []');
    expect(same(text)).toEqual({
      a: { service: 'ebs', region: 'eu-west-1' },
      b: ['x', 'y, z', 'w', 1, true],
      c: { k: [1, 2], q: {} },
      d: ['a', 'b'],
      e: [],
    });
  });

  it('plain text keeps inner colons, brackets, quotes and "#" not after a space', () => {
    const text = lines('a: Add {"AWS":"arn:aws:iam::1:root"} here', 'b: it\'s "x"', 'c: a#b', 'd: kms:Create*, kms:Put*', 'e: -foo');
    expect(same(text)).toEqual({ a: 'Add {"AWS":"arn:aws:iam::1:root"} here', b: 'it\'s "x"', c: 'a#b', d: 'kms:Create*, kms:Put*', e: '-foo' });
  });

  it('single quotes double a quote; double quotes take backslash escapes', () => {
    const text = lines(
      "a: 'Keep it: \"Action\" and ''quotes'''",
      'b: "tab\\there\\nline \\"q\\" \\\\ \\/ \\x41 \\u00e9 \\U0001F600"',
      'c: "# not a comment"',
      'd: "true"',
      "e: ''",
    );
    expect(same(text)).toEqual({ a: 'Keep it: "Action" and \'quotes\'', b: 'tab\there\nline "q" \\ / A é 😀', c: '# not a comment', d: 'true', e: '' });
  });

  it('comments: whole lines at any indentation, after values, after keys that open a block', () => {
    const text = lines('# top', 'a: 1 # one', '  # indented comment', 'b: # opens a block', '  - x # item', '', '  # between', '  - "y" # after quotes', 'c: {k: v} # after flow');
    expect(same(text)).toEqual({ a: 1, b: ['x', 'y'], c: { k: 'v' } });
  });

  it('Windows line ends, and a mapping indented as a whole', () => {
    expect(same('a: 1\r\nb:\r\n  - x\r\n')).toEqual({ a: 1, b: ['x'] });
    expect(same(lines('  a: 1', '  b: 2'))).toEqual({ a: 1, b: 2 });
  });

  it('blank or comment-only text is null', () => {
    expect(same('')).toBeNull();
    expect(same(lines('', '# nothing', '   '))).toBeNull();
  });

  it('a "__proto__" key is an ordinary key', () => {
    const value = same('__proto__: 1') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('parseYamlSubset: what it refuses, and on which line', () => {
  it.each([
    ['a tab indenting a key', lines('a:', '\tb: 1'), 2, /tab character/],
    ['a tab after a colon', lines('a: 1', 'b:\t2'), 2, /tab character/],
    ['an anchor', lines('a: 1', 'b: &x 2'), 2, /anchors/],
    ['an alias', lines('a: 1', 'b: *x'), 2, /aliases/],
    ['a tag', lines('a: !!str 1'), 1, /tags/],
    ['a second document', lines('a: 1', '---', 'b: 2'), 2, /document boundary/],
    ['a document end marker', lines('a: 1', '...'), 2, /document boundary/],
    ['a directive', lines('%YAML 1.2', 'a: 1'), 1, /directives/],
    ['a duplicate key', lines('a: 1', 'b: 2', 'a: 3'), 3, /duplicate key "a" \(first on line 1\)/],
    ['a duplicate key in a list item', lines('- a: 1', '  a: 2'), 2, /duplicate key "a"/],
    ['a duplicate key in a flow mapping', lines('x: 1', 'v: {a: 1, a: 2}'), 2, /duplicate key "a" inside/],
    ['a key indented more than its neighbours', lines('a:', '  b: 1', '   c: 2'), 3, /does not line up/],
    ['a key indented between two levels', lines('a:', '    b: 1', '  c: 2'), 3, /does not line up/],
    ['a list item out of line', lines('a:', '  - x', '   - y'), 3, /does not line up/],
    ['a "- " item among keys', lines('a: 1', '- b'), 2, /list item where a "key: value" line was expected/],
    ['keys after a top-level list', lines('- a', 'b: 1'), 2, /either "key: value" lines or "- " items/],
    ['plain text wrapped onto a second line', lines('hints:', '  - a long hint', '    that wraps', 'b: 1'), 3, /use "\|"/],
    ['a value followed by an indented key', lines('a: 1', '  b: 2'), 2, /does not line up/],
    ['"|" text that is not indented', lines('a: |', 'text here'), 2, /expected "key: value"/],
    ['a key with no value', lines('a: 1', 'b:', 'c: 2'), 2, /"b" has no value/],
    ['an item with no value', lines('a:', '  -', '  - x'), 2, /list item has no value/],
    ['a value YAML reads as null', lines('a: ~'), 1, /as null/],
    ['"null" written plain', lines('a: x', 'b: null'), 2, /as null/],
    ['a decimal number', lines('a: 1.5'), 1, /decimal number; quote it \("1\.5"\)/],
    ['True in capitals', lines('a: True'), 1, /write true or false/],
    ['a number with a leading zero', lines('a: 007'), 1, /as a number/],
    ['a hex number', lines('a: 0x1F'), 1, /as a number/],
    ['a whole number too large to keep exactly', lines('a: 12345678901234567890'), 1, /as a number/],
    ['a null key', lines('~: 1'), 1, /as null/],
    ['a value with ": " inside', lines('title: kms:ViaService: through which service'), 1, /quote this value/],
    ['a value ending in ":"', lines('title: Note:'), 1, /quote this value/],
    ['folded ">" text', lines('a: >', '  text'), 1, /folded text/],
    ['"|" with an indentation digit', lines('a: |2', '  text'), 1, /after "\|" only "-"/],
    ['"|+"', lines('a: |+', '  text'), 1, /after "\|" only "-"/],
    ['a "|" block starting with a blank line deeper than its text', lines('a: |', '      ', '  text'), 2, /blank line at the start/],
    ['a quote not closed on its line', lines('a: "open', '  more"'), 1, /not closed on this line/],
    ['text after a closing quote', lines("a: 'x' y"), 1, /unexpected text after the value/],
    ['an unknown escape', lines('a: "\\q"'), 1, /unknown or incomplete escape "\\q"/],
    ['a short \\x escape', lines('a: "\\x4"'), 1, /unknown or incomplete escape/],
    ['a flow mapping over two lines', lines('a: 1', 'b: {service: ebs,', '  region: x}'), 2, /not closed with "}" on this line/],
    ['an unclosed flow list', lines('kind: [predict'), 1, /"\[" is not closed/],
    ['a flow entry without a value', lines('a: {k}'), 1, /"key: value"/],
    ['an empty flow item', lines('a: [x, , y]'), 1, /a value is missing/],
    ['a missing comma', lines('a: {k: "v" w: x}'), 1, /expected "," or "}"/],
    ['text after a flow mapping', lines('a: {k: v} extra'), 1, /unexpected text after the value/],
    ['a key without a space after its colon', lines('a: 1', 'b:2'), 2, /expected "key: value" \(with a space after the colon\), not "b:2"/],
    ['a line that is neither key nor item', lines('a: 1', 'just text'), 2, /expected "key: value"/],
    ['a list on the key\'s line', lines('a: - x'), 1, /list starts on its own line/],
    ['a complex key', lines('? a', ': b'), 1, /expected "key: value"/],
    ['a complex key as a value', lines('a: ? b'), 1, /cannot start with "\?"/],
    ['a plain value starting with a reserved character', lines('a: `x`'), 1, /cannot start with "`"/],
  ])('%s', (_, text, line, message) => {
    const err = refusal(text);
    expect(err.message).toMatch(message);
    expect(err.line).toBe(line);
  });
});

/** Documents in (and near) the subset: a random tree written out in the styles the lessons use, then sometimes damaged. */
const SCALARS = ['a', 'ebs', 'arn:aws:iam::111122223333:user/John', 'kms:Decrypt', 'two words', 'x#y', 'tail #comment', '"q: r"', "'it''s'", '"a\\tb\\u00e9"',
  '5', '111122223333', '-1', 'true', 'false', '007', '1.5', 'True', 'null', '~', '-x', '*x', '&x y', '!t y', '{', 'note:', 'a: b', '"open', "''", 'é'];
const KEYS = ['id', 'kind', 'arn:aws:iam::111122223333:role/app', 'kms:GrantIsForAWSResource', '"quoted key"', 'id', '1', 'true', '__proto__', '~', 'a b'];
const TEXT_LINES = ['{', '  "Effect": "Allow",', '# not a comment', 'key: value', '', '    deeper', '\tTab', '}', '   '];

type Tree = { s: string } | { t: string[]; strip: boolean } | { m: [string, Tree][] } | { l: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((s) => ({ s })),
    fc.record({ t: fc.array(fc.constantFrom(...TEXT_LINES), { minLength: 1, maxLength: 4 }), strip: fc.boolean() }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 3 }).map((m) => ({ m })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((l) => ({ l })),
  ),
})).node;

const flowScalar = (t: Tree) => ('s' in t && !/[,{}[\]]/.test(t.s) ? t.s : undefined);

/** Writes `t` as the value after `head` (a "key:" or "-" at column `col`). */
function write(t: Tree, head: string, col: number, style: number, out: string[]): void {
  const pad = ' '.repeat(col);
  if ('s' in t) out.push(`${pad}${head} ${t.s}`);
  else if ('t' in t) out.push(`${pad}${head} ${t.strip ? '|-' : '|'}`, ...t.t.map((l) => (l === '' ? '' : `${pad}  ${l}`)));
  else {
    const flow = style % 3 === 0 && ('m' in t ? t.m.map(([k, v]) => flowScalar(v) && `${k}: ${flowScalar(v)}`) : t.l.map(flowScalar));
    if (flow && flow.every(Boolean)) out.push(`${pad}${head} ${'m' in t ? `{${flow.join(', ')}}` : `[${flow.join(', ')}]`}`);
    else {
      out.push(`${pad}${head}`);
      block(t, 'l' in t && style % 2 === 0 && head !== '-' ? col : col + 2, style, out);
    }
  }
}

function block(t: Tree, col: number, style: number, out: string[]): void {
  if ('m' in t) for (const [k, v] of t.m) write(v, `${k}:`, col, style + 1, out);
  else if ('l' in t) for (const item of t.l) {
    // `- key: value` on the dash's line for mappings, most of the time.
    if ('m' in item && style % 4 !== 3) {
      const lines: string[] = [];
      block(item, col + 2, style + 1, lines);
      out.push(' '.repeat(col) + '-' + lines[0]!.slice(col + 1), ...lines.slice(1));
    } else write(item, '-', col, style + 1, out);
  } else write(t, 'value:', col, style, out);
}

/** A document text, possibly damaged on one line (a space added or removed, a line dropped, or one token swapped in). */
const yamlish = fc
  .tuple(tree, fc.nat(11), fc.option(fc.tuple(fc.nat(), fc.constantFrom('+', '-', 'drop', '\t', ': x', ' #', '---', '- y', '"', ' {')), { freq: 2 }))
  .map(([t, style, damage]) => {
    const out: string[] = [];
    block('s' in t || 't' in t ? { m: [['k', t]] } : t, 0, style, out);
    if (damage) {
      const [at, how] = damage;
      const i = at % out.length;
      if (how === '+') out[i] = ' ' + out[i];
      else if (how === '-') out[i] = out[i]!.replace(/^ /, '');
      else if (how === 'drop') out.splice(i, 1);
      else out[i] = out[i] + how;
    }
    return out.join('\n');
  });

describe('parseYamlSubset against the yaml package on generated documents', () => {
  it('whatever it accepts, it reads exactly as YAML does (and YAML accepts it too)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(yamlish, (text) => {
        let ours: unknown;
        try {
          ours = parseYamlSubset(text);
        } catch (err) {
          if (err instanceof YamlSubsetError) return;
          throw err;
        }
        accepted++;
        expect(ours).toStrictEqual(parse(text));
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise the accepting path, not only refusals.
    expect(accepted).toBeGreaterThan(500);
  });
});
