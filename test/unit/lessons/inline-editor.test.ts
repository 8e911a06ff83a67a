import { describe, expect, it } from 'vitest';
import { createEditor, editKey, editorText, type EditorState } from '../../../src/lessons/runner/inline-editor.js';
import type { KeyPress } from '../../../src/lessons/runner/keys.js';

const keys = (s: EditorState, ...ks: KeyPress[]) => ks.reduce(editKey, s);
const t = (text: string): KeyPress => ({ name: 'text', text });

describe('inline editor', () => {
  it('inserts typed text and pastes with newlines at the cursor', () => {
    let s = createEditor('{\n  "a": 1\n}\n');
    s = keys(s, { name: 'down' }, { name: 'end' }, t(','), { name: 'enter' }, t('  "b": 2'));
    expect(editorText(s)).toBe('{\n  "a": 1,\n  "b": 2\n}\n');
    s = keys(s, t('\r\n  "c": [\n    3\n  ]'));
    expect(editorText(s)).toBe('{\n  "a": 1,\n  "b": 2\n  "c": [\n    3\n  ]\n}\n');
    expect([s.row, s.col]).toEqual([5, 3]);
  });

  it('Backspace deletes a character, and at a line start joins it to the line above', () => {
    let s = keys(createEditor('ab\ncd'), { name: 'down' }, { name: 'backspace' });
    expect(editorText(s)).toBe('abcd\n');
    expect([s.row, s.col]).toEqual([0, 2]);
    s = keys(s, { name: 'backspace' });
    expect(editorText(s)).toBe('acd\n');
    expect(keys(createEditor('x'), { name: 'backspace' }).lines).toEqual(['x']); // nothing before the start
  });

  it('arrows wrap across lines and clamp the column to the line length', () => {
    let s = keys(createEditor('long line\nab'), { name: 'end' }, { name: 'down' });
    expect([s.row, s.col]).toEqual([1, 2]);
    s = keys(s, { name: 'right' });
    expect([s.row, s.col]).toEqual([1, 2]);
    s = keys(s, { name: 'home' }, { name: 'left' });
    expect([s.row, s.col]).toEqual([0, 9]);
  });

  it('Tab inserts two spaces; space is a character', () => {
    expect(editorText(keys(createEditor(''), { name: 'tab' }, t('a'), { name: 'space' }, t('b')))).toBe('  a b\n');
  });
});
