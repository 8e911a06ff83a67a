/**
 * Keys as the wizard's reducer sees them. Ink delivers a run of ordinary
 * characters typed (or pasted) between two escape sequences as ONE input
 * string, so " \r" (Space, Enter) arrives together: {@link decodeKeys} splits
 * such runs into separate keys, in order, so a fast burst lands exactly as a
 * slow one would.
 */
export type KeyEvent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'space' }
  | { readonly kind: 'enter' }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'escape' }
  | { readonly kind: 'tab'; readonly shift: boolean }
  | { readonly kind: 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' }
  | { readonly kind: 'ctrl'; readonly letter: string };

/** The subset of Ink's `Key` the decoder reads (structural, so this module needs no ink import). */
export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
}

/** Turns one Ink input callback into the keys it holds. */
export function decodeKeys(input: string, key: InkKey): KeyEvent[] {
  if (key.upArrow) return [{ kind: 'up' }];
  if (key.downArrow) return [{ kind: 'down' }];
  if (key.leftArrow) return [{ kind: 'left' }];
  if (key.rightArrow) return [{ kind: 'right' }];
  if (key.pageUp) return [{ kind: 'pageUp' }];
  if (key.pageDown) return [{ kind: 'pageDown' }];
  if (key.home) return [{ kind: 'home' }];
  if (key.end) return [{ kind: 'end' }];
  if (key.escape) return [{ kind: 'escape' }];
  // The Backspace key sends DEL (0x7f), which Ink names "delete".
  if ((key.backspace || key.delete) && input.length <= 1) return [{ kind: 'backspace' }];
  if (key.tab && input.length <= 1) return [{ kind: 'tab', shift: key.shift }];
  if (key.ctrl && /^[a-z]$/.test(input)) return [{ kind: 'ctrl', letter: input }];
  if (key.meta) return []; // Alt+key: nothing in the wizard uses it
  return splitRun(input);
}

/** Splits a run of characters into keys: printable text stays together, control characters become their keys. */
export function splitRun(run: string): KeyEvent[] {
  const out: KeyEvent[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (const ch of run) {
    const code = ch.codePointAt(0)!;
    if (ch === ' ') {
      flush();
      out.push({ kind: 'space' });
    } else if (ch === '\r' || ch === '\n') {
      flush();
      out.push({ kind: 'enter' });
    } else if (code === 0x7f || code === 0x08) {
      flush();
      out.push({ kind: 'backspace' });
    } else if (ch === '\t') {
      flush();
      out.push({ kind: 'tab', shift: false });
    } else if (code === 0x1b) {
      flush();
      out.push({ kind: 'escape' });
    } else if (code < 0x20) {
      flush();
      out.push({ kind: 'ctrl', letter: String.fromCharCode(code + 0x60) });
    } else {
      text += ch;
    }
  }
  flush();
  return out;
}
