/**
 * A minimal multi-line text editor as pure state, for fix-the-policy
 * exercises when no $VISUAL/$EDITOR is set. Arrows move, typing and pastes
 * insert, Backspace joins lines, Enter splits them, Tab indents.
 */
import type { KeyPress } from './keys.js';

export interface EditorState {
  readonly lines: readonly string[];
  readonly row: number;
  readonly col: number;
}

export function createEditor(text: string): EditorState {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return { lines, row: 0, col: 0 };
}

export function editorText(s: EditorState): string {
  return `${s.lines.join('\n')}\n`;
}

/** Applies one key; keys the editor does not use leave it unchanged. */
export function editKey(s: EditorState, key: KeyPress): EditorState {
  const cur = s.lines[s.row] ?? '';
  switch (key.name) {
    case 'left':
      if (s.col > 0) return { ...s, col: s.col - 1 };
      return s.row > 0 ? { ...s, row: s.row - 1, col: s.lines[s.row - 1]!.length } : s;
    case 'right':
      if (s.col < cur.length) return { ...s, col: s.col + 1 };
      return s.row < s.lines.length - 1 ? { ...s, row: s.row + 1, col: 0 } : s;
    case 'up':
      return s.row > 0 ? { ...s, row: s.row - 1, col: Math.min(s.col, s.lines[s.row - 1]!.length) } : { ...s, col: 0 };
    case 'down':
      return s.row < s.lines.length - 1 ? { ...s, row: s.row + 1, col: Math.min(s.col, s.lines[s.row + 1]!.length) } : { ...s, col: cur.length };
    case 'home':
      return { ...s, col: 0 };
    case 'end':
      return { ...s, col: cur.length };
    case 'pageup':
      return { ...s, row: Math.max(0, s.row - 10), col: 0 };
    case 'pagedown':
      return { ...s, row: Math.min(s.lines.length - 1, s.row + 10), col: 0 };
    case 'enter':
      return insert(s, '\n');
    case 'tab':
      return insert(s, '  ');
    case 'space':
      return insert(s, ' ');
    case 'text':
      return insert(s, key.text);
    case 'backspace': {
      if (s.col > 0) return replaceLine(s, cur.slice(0, s.col - 1) + cur.slice(s.col), s.col - 1);
      if (s.row === 0) return s;
      const prev = s.lines[s.row - 1]!;
      const lines = [...s.lines.slice(0, s.row - 1), prev + cur, ...s.lines.slice(s.row + 1)];
      return { lines, row: s.row - 1, col: prev.length };
    }
    default:
      return s;
  }
}

function replaceLine(s: EditorState, text: string, col: number): EditorState {
  const lines = [...s.lines];
  lines[s.row] = text;
  return { lines, row: s.row, col };
}

function insert(s: EditorState, text: string): EditorState {
  const cur = s.lines[s.row] ?? '';
  const pieces = text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').split('\n');
  const before = cur.slice(0, s.col);
  const after = cur.slice(s.col);
  if (pieces.length === 1) return replaceLine(s, before + pieces[0]! + after, s.col + pieces[0]!.length);
  const last = pieces[pieces.length - 1]!;
  const inserted = [before + pieces[0]!, ...pieces.slice(1, -1), last + after];
  return {
    lines: [...s.lines.slice(0, s.row), ...inserted, ...s.lines.slice(s.row + 1)],
    row: s.row + pieces.length - 1,
    col: last.length,
  };
}
