// The wizard's pure parts: key decoding, text editing, list keys, line layout, JSON colouring.
import { describe, expect, test } from 'vitest';
import { highlightJsonLine, jsonLines } from '../../src/ui/json-highlight.js';
import { decodeKeys, splitRun, type InkKey } from '../../src/terminal/keys.js';
import { lineText, para, truncate, windowOf, wrap } from '../../src/terminal/lines.js';
import { pickKeys, pickState } from '../../src/ui/pick-list.js';
import { editText, textField } from '../../src/terminal/text-field.js';

const NO_KEY: InkKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false, meta: false };

describe('decodeKeys', () => {
  test('a run of typed characters is split at every control character, in order', () => {
    expect(splitRun('ab \r\u007Fc\t')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'space' },
      { kind: 'enter' },
      { kind: 'backspace' },
      { kind: 'text', text: 'c' },
      { kind: 'tab', shift: false },
    ]);
    expect(decodeKeys(' \r', NO_KEY)).toEqual([{ kind: 'space' }, { kind: 'enter' }]);
  });
  test('special keys come from Ink\'s flags', () => {
    expect(decodeKeys('', { ...NO_KEY, downArrow: true })).toEqual([{ kind: 'down' }]);
    expect(decodeKeys('', { ...NO_KEY, escape: true, meta: true })).toEqual([{ kind: 'escape' }]);
    expect(decodeKeys('', { ...NO_KEY, delete: true })).toEqual([{ kind: 'backspace' }]);
    expect(decodeKeys('c', { ...NO_KEY, ctrl: true })).toEqual([{ kind: 'ctrl', letter: 'c' }]);
    expect(decodeKeys('', { ...NO_KEY, tab: true, shift: true })).toEqual([{ kind: 'tab', shift: true }]);
  });
  test('Ctrl-C inside a pasted run is still Ctrl-C; Alt+key is ignored', () => {
    expect(splitRun('x\u0003')).toEqual([{ kind: 'text', text: 'x' }, { kind: 'ctrl', letter: 'c' }]);
    expect(decodeKeys('x', { ...NO_KEY, meta: true })).toEqual([]);
  });
});

describe('text field', () => {
  test('inserts at the cursor, moves, deletes, clears', () => {
    let f = textField('ac');
    f = editText(f, { kind: 'left' })!;
    f = editText(f, { kind: 'text', text: 'b' })!;
    expect(f).toEqual({ value: 'abc', cursor: 2 });
    f = editText(f, { kind: 'home' })!;
    expect(editText(f, { kind: 'backspace' })).toEqual(f);
    f = editText(f, { kind: 'end' })!;
    f = editText(f, { kind: 'backspace' })!;
    expect(f).toEqual({ value: 'ab', cursor: 2 });
    expect(editText(f, { kind: 'ctrl', letter: 'u' })).toEqual({ value: '', cursor: 0 });
    expect(editText(f, { kind: 'enter' })).toBeUndefined();
  });
});

describe('pick list', () => {
  test('moves and wraps, filters as typed, toggles and submits', () => {
    const s = pickState();
    expect(pickKeys(s, { kind: 'up' }, 5, 3, true)!.state.cursor).toBe(4);
    expect(pickKeys({ ...s, cursor: 4 }, { kind: 'down' }, 5, 3, true)!.state.cursor).toBe(0);
    expect(pickKeys({ ...s, cursor: 1 }, { kind: 'pageDown' }, 5, 3, true)!.state.cursor).toBe(4);
    expect(pickKeys({ filter: 'ab', cursor: 3 }, { kind: 'text', text: 'C' }, 5, 3, true)!.state).toEqual({ filter: 'abC', cursor: 0 });
    expect(pickKeys({ filter: 'ab', cursor: 0 }, { kind: 'backspace' }, 5, 3, true)!.state).toEqual({ filter: 'a', cursor: 0 });
    expect(pickKeys(s, { kind: 'text', text: 'a' }, 5, 3, false)).toBeUndefined();
    expect(pickKeys(s, { kind: 'space' }, 5, 3, true)!.act).toBe('toggle');
    expect(pickKeys(s, { kind: 'enter' }, 5, 3, true)!.act).toBe('submit');
    expect(pickKeys(s, { kind: 'escape' }, 5, 3, true)).toBeUndefined();
  });
});

describe('lines', () => {
  test('wrap breaks at spaces, indents continuations, keeps styles, cuts long words', () => {
    const rows = wrap([{ text: 'alpha beta ', bold: true }, { text: 'gamma delta' }], 12, 2);
    expect(rows.map(lineText)).toEqual(['alpha beta', '  gamma', '  delta']);
    expect(rows[0]![0]!.bold).toBe(true);
    expect(para('x'.repeat(25), 10).map(lineText)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
  test('truncate ends in an ellipsis only when it cuts', () => {
    expect(lineText(truncate([{ text: 'abcdef' }], 4))).toBe('abc…');
    expect(lineText(truncate([{ text: 'abc' }], 4))).toBe('abc');
  });
  test('windowOf clamps the offset', () => {
    expect(windowOf([1, 2, 3, 4, 5], 10, 2)).toEqual({ items: [4, 5], offset: 3 });
    expect(windowOf([1, 2], -3, 5)).toEqual({ items: [1, 2], offset: 0 });
  });
});

describe('JSON highlighting', () => {
  test('keys, strings and literals get their colours; the text is unchanged', () => {
    const line = '  "Effect": "Allow", "n": 12, "b": true';
    const segs = highlightJsonLine(line);
    expect(segs.map((s) => s.text).join('')).toBe(line);
    expect(segs.find((s) => s.text === '"Effect"')!.color).toBe('cyan');
    expect(segs.find((s) => s.text === '"Allow"')!.color).toBe('green');
    expect(segs.find((s) => s.text === '12')!.color).toBe('yellow');
    expect(segs.find((s) => s.text === 'true')!.color).toBe('yellow');
  });
  test('lines are numbered and long values wrap under their indentation', () => {
    const text = `{\n  "Resource": "${'a'.repeat(60)}"\n}\n`;
    const out = jsonLines(text, 40).map(lineText);
    expect(out[0]).toBe('1 {');
    expect(out[1]!.startsWith('2   "Resource":')).toBe(true);
    expect(out.length).toBeGreaterThan(3);
    expect(out[2]!.startsWith('      ')).toBe(true);
  });
});
