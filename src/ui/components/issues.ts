import type { SpecIssue } from '../../core/spec.js';
import { line, para, seg, type Line } from '../lines.js';

/** Errors as "✘ message" with "fix: hint" under them; warnings as "! message". */
export function issueLines(issues: readonly SpecIssue[], width: number, kind: 'error' | 'warning'): Line[] {
  const out: Line[] = [];
  for (const i of issues) {
    out.push(...para(line(seg(kind === 'error' ? '✘ ' : '! ', { color: kind === 'error' ? 'red' : 'yellow', bold: true }), seg(i.message, { color: kind === 'error' ? 'red' : 'yellow' })), width, 2));
    if (i.hint) out.push(...para(line(seg('  fix: ', { dim: true }), i.hint), width, 7));
  }
  return out;
}
