import type { KeyEvent } from '../terminal/keys.js';

/** A filterable list's cursor and filter text; what is selected lives in the answers. */
export interface PickState {
  readonly filter: string;
  /** Index into the filtered items. The filter keeps the case typed; matching ignores it. */
  readonly cursor: number;
}

export const pickState = (cursor = 0): PickState => ({ filter: '', cursor });

/** What a key did to a list: moved or filtered it, toggled the item under the cursor, or asked to continue. */
export type PickResult = { readonly state: PickState; readonly act?: 'toggle' | 'submit' };

/**
 * Keys of a list with `count` visible items and `page` rows on screen.
 * Typed characters filter (when `filterable`), Backspace removes the last
 * one, Esc clears the filter, Space toggles, Enter submits. Returns undefined for other keys.
 */
export function pickKeys(s: PickState, ev: KeyEvent, count: number, page: number, filterable: boolean): PickResult | undefined {
  const at = (cursor: number) => ({ state: { ...s, cursor: Math.max(0, Math.min(Math.max(0, count - 1), cursor)) } });
  switch (ev.kind) {
    case 'up':
      return at(s.cursor <= 0 ? count - 1 : s.cursor - 1);
    case 'down':
      return at(s.cursor >= count - 1 ? 0 : s.cursor + 1);
    case 'pageUp':
      return at(s.cursor - page);
    case 'pageDown':
      return at(s.cursor + page);
    case 'home':
      return at(0);
    case 'end':
      return at(count - 1);
    case 'space':
      return { state: s, act: 'toggle' };
    case 'enter':
      return { state: s, act: 'submit' };
    case 'text':
      if (!filterable) return undefined;
      return { state: { filter: s.filter + ev.text, cursor: 0 } };
    case 'backspace':
      if (!filterable || s.filter === '') return undefined;
      return { state: { filter: [...s.filter].slice(0, -1).join(''), cursor: 0 } };
    case 'escape':
      // Esc with a filter typed clears the filter; only Esc on an unfiltered list goes back a step.
      if (!filterable || s.filter === '') return undefined;
      return { state: { filter: '', cursor: 0 } };
    case 'ctrl':
      if (filterable && ev.letter === 'u') return { state: { filter: '', cursor: 0 } };
      return undefined;
    default:
      return undefined;
  }
}
