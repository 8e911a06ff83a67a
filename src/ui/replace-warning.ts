/**
 * What applying the key policy does to the key's current one, said where the
 * user decides (the output step) and again on the done screen.
 */
import type { Answers } from './answer-types.js';
import { currentPolicySummary } from './current-policy.js';
import { safeText } from '../core/terminal-safe.js';

/** The sentence for these answers, and whether it is a warning (undefined for a new key: it has no policy yet). */
export function replaceNotice(a: Answers): { readonly text: string; readonly warning: boolean } | undefined {
  if (a.start === 'existing') {
    return {
      warning: true,
      text: "put-key-policy replaces the key's WHOLE policy: every statement not in key-policy.json is removed (CloudWatch Logs, CloudTrail, other accounts...). Save the current policy first (the first next step) and rerun with --from to keep them.",
    };
  }
  if (a.start === 'current' && a.current) {
    return { warning: false, text: `key-policy.json holds the statements kept from ${safeText(currentPolicySummary(a.current))}: put-key-policy replaces the whole policy with it.` };
  }
  return undefined;
}
