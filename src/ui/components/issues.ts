import type { SpecIssue } from '../../core/spec-types.js';
import { inWizardWords } from '../field-words.js';
import { line, para, seg, type Line } from '../../terminal/lines.js';

/** Errors as "✘ message" with "fix: hint" under them (in the wizard's words); warnings as "! message". */
export function issueLines(issues: readonly SpecIssue[], width: number, kind: 'error' | 'warning'): Line[] {
  const out: Line[] = [];
  // Two checks can report the same issue (a custom value refused for the service list and for the spec): say it once.
  const seen = new Set<string>();
  for (const i of issues) {
    const key = `${i.message}\u0000${i.hint ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...para(line(seg(kind === 'error' ? '✘ ' : '! ', { color: kind === 'error' ? 'red' : 'yellow', bold: true }), seg(i.message, { color: kind === 'error' ? 'red' : 'yellow' })), width, 2));
    if (i.hint) out.push(...para(line(seg('  fix: ', { dim: true }), inWizardWords(i.hint)), width, 7));
  }
  return out;
}
