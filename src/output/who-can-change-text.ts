// The access change between two key policies in terms of the exports' real
// principals, as diff and generate --from print it and the wizard's "Who can"
// tab shows it: grouped by principal, takeover first, "role/App in
// 222222222222 loses Decrypt directly; role/Ci in 222222222222 gains Encrypt
// through s3.eu-west-1.amazonaws.com".
import type { PrincipalChange, WhoCanChange } from '../core/who-can/index.js';
import { safeText } from '../core/terminal-safe.js';
import type { Paint } from './current-policy-text.js';
import { pathLine } from './who-can-text.js';
import { counted } from '../core/counted.js';

/** A principal as people read it: `role/App in 222222222222`, `account 222222222222 (root)`, `anyone (*)`, a service as named. */
export function principalLabel(principal: string): string {
  if (principal === '*') return 'anyone (*)';
  const iam = /^arn:[^:]+:iam::(\d{12}):(.+)$/.exec(principal);
  if (!iam) return safeText(principal);
  return iam[2] === 'root' ? `account ${iam[1]} (root)` : `${safeText(iam[2]!)} in ${iam[1]}`;
}

const short = (action: string) => safeText(action.replace(/^kms:/, ''));

function how(c: PrincipalChange): string {
  if (c.kind === 'takeover') return '';
  if (c.via === 'service') return ` through ${(c.services ?? []).map(safeText).join(', ')}`;
  if (c.via === 'grant') return ` through grant ${safeText(c.grantId ?? '')}`;
  return ' directly';
}

const keys = (list: readonly string[]) => (list.length > 0 ? list.map(safeText).join(', ') : 'no condition key');


/** Changes of one principal that differ only in their action, as one line. */
function lineGroups(changes: readonly PrincipalChange[]): { head: PrincipalChange; actions: string[] }[] {
  const out = new Map<string, { head: PrincipalChange; actions: string[] }>();
  for (const c of changes) {
    const id = JSON.stringify(c.kind === 'takeover' ? [c.kind, c.change, c.action, c.path] : [c.kind, c.change, c.via, c.services ?? [], c.grantId ?? '', c.conditions, c.conditionsBefore ?? [], c.path]);
    const g = out.get(id);
    if (g) g.actions.push(short(c.action));
    else out.set(id, { head: c, actions: [short(c.action)] });
  }
  return [...out.values()];
}

/** A long list of actions as its first six and a count (--json lists every one). */
const actionList = (actions: readonly string[]) => (actions.length <= 6 ? actions.join(', ') : `${actions.slice(0, 6).join(', ')} and ${actions.length - 6} more (${actions.length} actions)`);

function changeLine(head: PrincipalChange, actions: readonly string[], paint: Paint): string[] {
  const list = actionList(actions);
  const was = head.change === 'loses' ? 'was: ' : '';
  if (head.kind === 'takeover') {
    const verb = head.change === 'gains' ? paint.red('gains TAKEOVER') : paint.yellow('loses takeover');
    return [`      ${verb} ${safeText(head.action)}: ${safeText(head.path[head.path.length - 1] ?? '')}`, paint.dim(`        ${was}${pathLine(head.path.slice(0, -1))}`)];
  }
  const cond = head.change !== 'conditions' && head.conditions.length > 0 ? paint.yellow(` depending on ${keys(head.conditions)}`) : '';
  const text =
    head.change === 'gains' ? `${paint.red('gains')} ${list}${how(head)}${cond}`
    : head.change === 'loses' ? `${paint.yellow('loses')} ${list}${how(head)}${cond}`
    : `${paint.yellow('conditions change')} for ${list}${how(head)}: now ${keys(head.conditions)} (before: ${keys(head.conditionsBefore ?? [])})`;
  return [`      ${text}`, paint.dim(`        ${was}${pathLine(head.path)}`)];
}

/** The principals that gain or lose access, each with what changes and the path behind it; then the notes. */
export function whoCanChangeLines(change: WhoCanChange, paint: Paint): string[] {
  const principals = [...new Set(change.changes.map((c) => c.principal))];
  const lines = [
    paint.bold(
      principals.length > 0
        ? `Who can use the key: ${counted(principals.length, 'principal')} of the exports gain or lose access:`
        : 'Who can use the key: no principal of the exports gains or loses access.',
    ),
  ];
  for (const who of principals) {
    const mine = change.changes.filter((c) => c.principal === who);
    const external = mine.some((c) => c.kind === 'access' && c.external) ? paint.yellow(' [external: its own IAM is not in the exports]') : '';
    lines.push(`  ${paint.bold(principalLabel(who))}${external}`);
    for (const g of lineGroups(mine)) lines.push(...changeLine(g.head, g.actions, paint));
  }
  if (change.notes.length > 0) lines.push(paint.dim('  Assumed (who-can notes):'), ...change.notes.map((n) => paint.dim(`    - ${safeText(n)}`)));
  return lines;
}

/** Whether the change gives any principal access or a takeover path it did not have. */
export const anyGain = (change: WhoCanChange): boolean => change.changes.some((c) => c.change === 'gains');

/** The fields `--json` adds: each change as the core gives it, and what was assumed. */
export function whoCanChangeJson(change: WhoCanChange) {
  return { principalChanges: change.changes, principalNotes: change.notes };
}
