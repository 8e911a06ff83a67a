/**
 * Keys as the runner's reducer sees them: one small union instead of Ink's
 * (input, key) pair, so the reducer stays pure and testable. Several
 * characters in one event (a paste, or fast typing) stay one `text` press;
 * the reducer inserts them at once in the editor and replays them one by one
 * elsewhere, so none is lost.
 */
export type KeyPress =
  | { readonly name: 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' }
  | { readonly name: 'enter' | 'escape' | 'backspace' | 'delete' | 'tab' | 'space' }
  | { readonly name: 'ctrl'; readonly char: string }
  /** Printable text; more than one character when pasted. */
  | { readonly name: 'text'; readonly text: string };

/** The subset of Ink's Key this needs (kept structural so tests can build one). */
export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
}

/** Converts one Ink input event into key presses. */
export function fromInk(input: string, key: InkKey): KeyPress[] {
  if (key.upArrow) return [{ name: 'up' }];
  if (key.downArrow) return [{ name: 'down' }];
  if (key.leftArrow) return [{ name: 'left' }];
  if (key.rightArrow) return [{ name: 'right' }];
  if (key.pageUp) return [{ name: 'pageup' }];
  if (key.pageDown) return [{ name: 'pagedown' }];
  if (key.home) return [{ name: 'home' }];
  if (key.end) return [{ name: 'end' }];
  if (key.return) return [{ name: 'enter' }];
  if (key.escape) return [{ name: 'escape' }];
  if (key.tab) return [{ name: 'tab' }];
  // Most terminals send 0x7f for Backspace, which Ink 6 reports as `delete`.
  if (key.backspace || key.delete) return [{ name: 'backspace' }];
  if (key.ctrl) return [{ name: 'ctrl', char: input.toLowerCase() }];
  if (input === '') return [];
  if (input === ' ') return [{ name: 'space' }];
  return [{ name: 'text', text: input }];
}
