/**
 * The review's Changes tab: what happens to each statement of the key's
 * current policy, and the access added and removed by the merged policy.
 * Every Sid, principal and reason may come from the file: all of it passes
 * through safeText.
 */
import type { FromCurrentPolicy } from '../core/current-policy/index.js';
import { safeText } from '../core/terminal-safe.js';
import { blank, line, para, seg, type Line } from './lines.js';

const FATE_COLOR = { kept: 'green', replaced: 'yellow', merged: 'cyan' } as const;

export function changesLines(from: FromCurrentPolicy, width: number): Line[] {
  const out: Line[] = [line(seg('What happens to each statement of the current policy', { bold: true }))];
  for (const f of from.fates.statements) {
    const name = f.sid !== undefined ? `#${f.index} "${safeText(f.sid)}"` : `#${f.index} (no Sid)`;
    out.push(...para(line(seg(f.fate.padEnd(9), { color: FATE_COLOR[f.fate], bold: true }), seg(`${name}: `, { bold: true }), safeText(f.reason)), width, 11));
  }
  const { added, removed } = from.access;
  out.push(blank, line(seg(`Access removed (${removed.length})`, { bold: true })));
  if (removed.length === 0) out.push(line(seg('  none: every request the current policy allows is still allowed', { dim: true })));
  for (const c of removed) out.push(...para(line(seg('- ', { color: 'yellow', bold: true }), `${safeText(c.who)}: ${c.action}${c.via ? ` via ${safeText(c.via)}` : ' directly'}: `, seg(safeText(c.reason), { dim: true })), width, 2));
  out.push(blank, line(seg(`Access added (${added.length})`, { bold: true })));
  if (added.length === 0) out.push(line(seg('  none: the new policy allows nothing the current one did not', { dim: true })));
  for (const c of added) out.push(...para(line(seg('+ ', { color: 'green', bold: true }), `${safeText(c.who)}: ${c.action}${c.via ? ` via ${safeText(c.via)}` : ' directly'}: `, seg(safeText(c.reason), { dim: true })), width, 2));
  if (from.warnings.length > 0) {
    out.push(blank, line(seg('Warnings', { bold: true, color: 'yellow' })));
    for (const w of from.warnings) out.push(...para(line(seg('! ', { color: 'yellow', bold: true }), seg(safeText(w), { color: 'yellow' })), width, 2));
  }
  return out;
}

/** The Overview's lines about the current policy: counts, and where to read more. */
export function changesSummaryLines(from: FromCurrentPolicy, width: number): Line[] {
  const count = (fate: string) => from.fates.statements.filter((f) => f.fate === fate).length;
  const { added, removed } = from.access;
  return para(
    line(
      seg('Current policy: ', { bold: true }),
      `${count('kept')} statement(s) kept, ${count('replaced')} replaced, ${count('merged')} merged; `,
      seg(`${removed.length} access removed, ${added.length} added`, { color: from.warnings.length > 0 ? 'yellow' : undefined, bold: from.warnings.length > 0 }),
      ', see Changes',
    ),
    width,
  );
}
