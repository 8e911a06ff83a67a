// How `diff` says a change opens the key to anyone: first, in red, where no reviewer scrolls past it.
import { safeText } from '../core/terminal-safe.js';
import type { Paint } from './current-policy-text.js';

/** A loud block for the warnings of core/current-policy/opened-to-anyone.ts; nothing when there are none. */
export function openedToAnyoneLines(warnings: readonly string[], paint: Paint): string[] {
  if (warnings.length === 0) return [];
  return [paint.bold(paint.red('WARNING: this change makes the key usable by anyone')), ...warnings.map((w) => paint.red(`  ! ${safeText(w)}`)), ''];
}
