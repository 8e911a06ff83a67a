// How simulate prints: a decision with its trace, or the access matrix, as
// text (coloured unless NO_COLOR) or JSON.
import type { Style } from '../cli/style.js';
import type { Decision, DecisionKind, KmsRequest, PolicyTrace, StatementTrace } from '../core/evaluate/index.js';
import { meetsExpectation, type MatrixRow } from '../core/evaluate/matrix.js';
import { jsonText, safeText } from '../core/terminal-safe.js';

// Sids, condition values, principals and file names come from files and flags:
// each passes through safeText here, where it becomes text (JSON output is
// JSON-encoded and left alone).

const paintDecision = (d: DecisionKind, style: Style) => (d === 'Allow' ? style.green(d) : style.red(d));

function requestLine(req: KmsRequest): string {
  const how = req.viaService ? `through ${safeText(req.viaService)}` : 'directly (no kms:ViaService)';
  return `${safeText(req.action)} by ${safeText(req.principal)}\n  on ${safeText(req.keyArn)}, called ${how}`;
}

function statementLines(t: StatementTrace, style: Style): string[] {
  const mark = t.applies ? (t.effect === 'Deny' ? style.red('✓') : style.green('✓')) : style.dim('✗');
  const name = `${t.index + 1}${t.sid ? ` "${safeText(t.sid)}"` : ''}`;
  const head = `  ${mark} ${t.policy === 'key policy' ? '' : `${safeText(t.policy)} `}statement ${name} (${t.effect}): ${t.applies ? 'applies' : `no (${t.failedAt})`}`;
  const lines = [head, `      ${style.dim(safeText(t.reason))}`];
  if (t.failedAt === 'condition' || (t.applies && t.conditions.length > 0)) {
    for (const c of t.conditions) {
      // JSON.stringify escapes C0 controls but not C1 or bidi overrides: safeText still applies.
      const got = c.actual === undefined ? '(absent)' : safeText(c.actual.map((v) => JSON.stringify(v)).join(', '));
      const expected = safeText(c.expected.map((v) => JSON.stringify(v)).join(' or ')) || '-';
      lines.push(`      ${c.passed ? style.green('✓') : style.red('✗')} ${safeText(c.operator)} ${safeText(c.key)}: expected ${expected}, got ${got}`);
    }
  }
  return lines;
}

function traceBlock(title: string, trace: PolicyTrace, style: Style): string[] {
  const lines = [style.bold(title)];
  for (const p of trace.problems) lines.push(`  ${style.yellow('!')} ${safeText(p)}`);
  if (trace.statements.length === 0) lines.push(style.dim('  (no statements)'));
  for (const t of trace.statements) lines.push(...statementLines(t, style));
  return lines;
}

export function renderDecision(d: Decision, req: KmsRequest, names: { keyPolicy: string }, style: Style, notes: readonly string[]): string {
  // concat, not push(...): a trace of 100,000 statements is more arguments than the call stack holds.
  let lines = [`${style.bold(paintDecision(d.decision, style))}  ${requestLine(req)}`, '', safeText(d.summary), ''].concat(traceBlock(`Key policy (${safeText(names.keyPolicy)}):`, d.keyPolicy, style));
  if (d.iam) lines = lines.concat('', traceBlock('IAM policies of the principal:', d.iam, style));
  else lines.push('', style.dim('No IAM policy given (--iam-policy): the principal is taken to have none.'));
  const allNotes = [...notes, ...d.notes];
  if (allNotes.length > 0) lines.push('', style.bold('Notes:'), ...allNotes.map((n) => `  - ${safeText(n)}`));
  return `${lines.join('\n')}\n`;
}

export function decisionJson(d: Decision, req: KmsRequest, notes: readonly string[]): string {
  return `${jsonText({ ...d, request: req, notes: [...notes, ...d.notes] })}\n`;
}

export function renderMatrix(rows: readonly MatrixRow[], action: string, keyArn: string, style: Style): string {
  const width = Math.max('DECISION'.length, ...rows.map((r) => r.decision.length)) + 2;
  const lines = [style.bold(`Access matrix: ${safeText(action)} on ${safeText(keyArn)}`), '', style.bold(`${'DECISION'.padEnd(width)}SCENARIO`)];
  for (const r of rows) {
    const flag = meetsExpectation(r) ? '' : style.yellow(`  (expected ${r.expected})`);
    lines.push(`${paintDecision(r.decision, style)}${' '.repeat(width - r.decision.length)}${safeText(r.scenario)}${flag}`);
    lines.push(`${' '.repeat(width)}${style.dim(safeText(r.reason))}`);
  }
  const allowed = rows.filter((r) => r.decision === 'Allow').length;
  lines.push('', `${rows.length} scenarios: ${allowed} allowed, ${rows.length - allowed} denied.`);
  return `${lines.join('\n')}\n`;
}

export function matrixJson(rows: readonly MatrixRow[], action: string, keyArn: string): string {
  return `${jsonText({ action, keyArn, rows })}\n`;
}
