// "The result lints with no new errors": lint both key policies and list the
// error codes the new one has more often than the current one.
import { lintPolicyText, type Finding } from '../lint/index.js';

/** Errors in `afterText` beyond those `beforeText` already had, counted per rule code (positions differ between the two). */
export function newLintErrors(beforeText: string, afterText: string): Finding[] {
  const errors = (text: string) => lintPolicyText(text, { type: 'key' }).findings.filter((f) => f.severity === 'error');
  const budget = new Map<string, number>();
  for (const f of errors(beforeText)) budget.set(f.code, (budget.get(f.code) ?? 0) + 1);
  return errors(afterText).filter((f) => {
    const left = budget.get(f.code) ?? 0;
    budget.set(f.code, left - 1);
    return left <= 0;
  });
}
