import type { KeyEvent } from './keys.js';

/** A one-line text input: its value and the cursor position (in characters). */
export interface TextField {
  readonly value: string;
  readonly cursor: number;
}

export const textField = (value = ''): TextField => ({ value, cursor: [...value].length });

/**
 * Applies an editing key; returns undefined for keys a text field does not
 * handle (Enter, Esc, arrows up/down...), so the step can act on them.
 */
export function editText(field: TextField, ev: KeyEvent): TextField | undefined {
  const chars = [...field.value];
  const at = Math.min(field.cursor, chars.length);
  switch (ev.kind) {
    case 'text':
    case 'space': {
      const add = [...(ev.kind === 'space' ? ' ' : ev.text)];
      return { value: [...chars.slice(0, at), ...add, ...chars.slice(at)].join(''), cursor: at + add.length };
    }
    case 'backspace':
      if (at === 0) return field;
      return { value: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1 };
    case 'left':
      return { ...field, cursor: Math.max(0, at - 1) };
    case 'right':
      return { ...field, cursor: Math.min(chars.length, at + 1) };
    case 'home':
      return { ...field, cursor: 0 };
    case 'end':
      return { ...field, cursor: chars.length };
    case 'ctrl':
      if (ev.letter === 'u') return textField(''); // clear the line, as in a shell
      if (ev.letter === 'a') return { ...field, cursor: 0 };
      if (ev.letter === 'e') return { ...field, cursor: chars.length };
      return undefined;
    default:
      return undefined;
  }
}
