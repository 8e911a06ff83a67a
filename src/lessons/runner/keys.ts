import { decodeKeys, type InkKey } from '../../terminal/keys.js';

/**
 * Keys as the runner's reducer sees them: one small union instead of Ink's
 * (input, key) pair, so the reducer stays pure and testable. A run of
 * printable characters in one event (a paste, or fast typing) stays one
 * `text` press (control characters in it become their own keys); the reducer
 * inserts it at once in the editor and replays it one by one elsewhere, so
 * none is lost.
 */
export type KeyPress =
  | { readonly name: 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' }
  | { readonly name: 'enter' | 'escape' | 'backspace' | 'tab' | 'space' }
  | { readonly name: 'ctrl'; readonly char: string }
  /** Printable text; more than one character when pasted. */
  | { readonly name: 'text'; readonly text: string };

/**
 * Converts one Ink input event into key presses, with the wizard's decoder
 * (one reading of Ink's keys for both TUIs; it also splits a burst such as
 * " \r" into its keys), renamed to the runner's vocabulary.
 */
export function fromInk(input: string, key: InkKey): KeyPress[] {
  return decodeKeys(input, key).map((k): KeyPress => {
    switch (k.kind) {
      case 'text':
        return { name: 'text', text: k.text };
      case 'ctrl':
        return { name: 'ctrl', char: k.letter };
      case 'pageUp':
        return { name: 'pageup' };
      case 'pageDown':
        return { name: 'pagedown' };
      default:
        return { name: k.kind };
    }
  });
}
