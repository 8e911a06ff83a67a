/**
 * The review's "Who can" tab: who among the exports' real principals gains
 * and loses access with the new key policy, in the words diff and
 * `generate --from` print (the same formatter, with no colour codes: the
 * wizard draws its own lines). The formatter passes file text through
 * safeText.
 */
import { parseKeyArn } from '../core/arn.js';
import type { BuildResult } from '../core/build-types.js';
import { safeText } from '../core/terminal-safe.js';
import type { WhoCanChange } from '../core/who-can/index.js';
import { whoCanChangeLines } from '../output/who-can-change-text.js';
import type { Answers } from './answer-types.js';
import { currentAndFates } from './current-policy.js';
import { line, para, seg, type Line } from '../terminal/lines.js';
import type { WizardExports } from './state.js';

type WhoCanChangeFn = typeof import('./review-analysis.js').whoCanChange;

/** What the review says with the exports: the change, or why the exports do not fit the answers. */
export type WhoCanReview = { readonly kind: 'other-key'; readonly message: string } | { readonly kind: 'change'; readonly change: WhoCanChange; readonly noCurrent: boolean };

/** A key policy that allows nothing: what a key without a known current policy is compared with. */
const NO_POLICY = { Version: '2012-10-17', Statement: [] };

/**
 * who-can on the key's current policy (or, without one, a policy that allows
 * nothing) and on the new one, over the exports; `whoCanChange` comes from the
 * checkers, loaded after the first frame.
 */
export function reviewWhoCan(a: Answers, result: BuildResult, exports: WizardExports, whoCanChange: WhoCanChangeFn): WhoCanReview {
  const key = parseKeyArn(a.keyArn);
  if (a.start === 'new' || !key.ok || key.value.arn !== exports.keyArn) {
    const answered = a.start === 'new' ? 'a new key' : safeText(a.keyArn) || 'no key yet';
    return { kind: 'other-key', message: `The exports (--account-details, --grants) were read for ${exports.keyArn}, but the answers are for ${answered}: go back to the key step, or start again with the exports of this key.` };
  }
  const current = currentAndFates(a)?.current.document;
  return { kind: 'change', change: whoCanChange(exports, current ?? NO_POLICY, result.keyPolicy as unknown as Record<string, unknown>), noCurrent: current === undefined };
}

/** Said before the change when there is no current policy to compare with. */
export const NO_CURRENT_NOTE = 'No current policy was given (--from): the new policy is compared with one that allows nothing, so all access reads as gained.';

const same = (s: string) => s;
const PLAIN = { bold: same, dim: same, yellow: same, red: same, green: same };

export function whoCanLines(change: WhoCanChange, width: number): Line[] {
  return whoCanChangeLines(change, PLAIN).flatMap((text) => {
    const indent = text.length - text.trimStart().length;
    // Headings (no indent) and principals (two) stand out; wrapped lines hang under their text.
    return para(indent <= 2 ? line(seg(text, { bold: true })) : line(text), width, indent + 2);
  });
}

/** How many principals the tab lists (its title's count). */
export const principalCount = (change: WhoCanChange): number => new Set(change.changes.map((c) => c.principal)).size;
