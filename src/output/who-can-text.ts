// who-can's output: the JSON shape of issue 19, and text for people, grouped
// by principal, takeover first and marked.
import type { AccessEntry, WhoCanResult } from '../core/who-can/index.js';
import { jsonText, safeText } from '../core/terminal-safe.js';
import type { Paint } from './current-policy-text.js';
import { counted } from '../core/counted.js';

export function whoCanJson(result: WhoCanResult): string {
  return `${jsonText({ key: result.key, access: result.access, takeover: result.takeover, notes: result.notes })}\n`;
}

const short = (action: string) => action.replace(/^kms:/, '');

/** Entries of one principal that differ only in their action, as one line. */
function groups(entries: readonly AccessEntry[]): { head: AccessEntry; actions: string[] }[] {
  const out = new Map<string, { head: AccessEntry; actions: string[] }>();
  for (const e of entries) {
    const id = JSON.stringify([e.via, e.services ?? [], e.grantId ?? '', e.conditions, e.path]);
    const g = out.get(id);
    if (g) g.actions.push(short(e.action));
    else out.set(id, { head: e, actions: [short(e.action)] });
  }
  return [...out.values()];
}

/** A path for people: the SCP levels that allow it read as one step (--json keeps each). */
export function pathLine(path: readonly string[]): string {
  const scps = path.filter((p) => p.startsWith('SCP '));
  const rest = path.filter((p) => !p.startsWith('SCP '));
  return [...rest, ...(scps.length > 0 ? [`the SCPs of ${counted(scps.length, 'level')} allow it`] : [])].map(safeText).join(' -> ');
}

function how(e: AccessEntry): string {
  if (e.via === 'service') return `through ${e.services!.map(safeText).join(', ')}`;
  if (e.via === 'grant') return `through grant ${safeText(e.grantId!)}`;
  return 'directly';
}

export function renderWhoCan(result: WhoCanResult, paint: Paint): string {
  const lines: string[] = [paint.bold(`Who can use ${safeText(result.key)}`), ''];
  const takers = [...new Set(result.takeover.map((t) => t.principal))];
  if (result.takeover.length > 0) {
    lines.push(paint.red(paint.bold(`TAKEOVER: ${counted(takers.length, 'principal')} can change who may use the key`)));
    for (const who of takers) {
      lines.push(`  ${paint.red('!')} ${paint.bold(safeText(who))}`);
      // Actions reached along the same policies read as one group; each keeps its own last step (what it lets the principal do).
      const byPrefix = new Map<string, { prefix: readonly string[]; items: { action: string; what: string }[] }>();
      for (const t of result.takeover.filter((x) => x.principal === who)) {
        const prefix = t.path.slice(0, -1);
        const id = JSON.stringify(prefix);
        const g = byPrefix.get(id) ?? { prefix, items: [] };
        g.items.push({ action: t.action, what: t.path[t.path.length - 1] ?? '' });
        byPrefix.set(id, g);
      }
      for (const g of byPrefix.values()) {
        for (const item of g.items) lines.push(`      ${paint.red(safeText(item.action))}: ${safeText(item.what)}`);
        lines.push(paint.dim(`        ${pathLine(g.prefix)}`));
      }
    }
    lines.push('');
  }
  const principals = [...new Set(result.access.map((a) => a.principal))];
  lines.push(paint.bold(principals.length > 0 ? `ACCESS: ${counted(principals.length, 'principal')}` : 'ACCESS: nobody can use the key with the exports given'));
  for (const who of principals) {
    const entries = result.access.filter((a) => a.principal === who);
    const marks = [...(takers.includes(who) ? [paint.red('[takeover]')] : []), ...(entries.some((e) => e.external) ? [paint.yellow('[external: its own IAM is not in the exports]')] : [])];
    lines.push(`  ${paint.bold(safeText(who))}${marks.length ? ` ${marks.join(' ')}` : ''}`);
    for (const g of groups(entries)) {
      const cond = g.head.conditions.length > 0 ? paint.yellow(` depending on ${g.head.conditions.map(safeText).join(', ')}`) : '';
      lines.push(`      ${g.actions.join(', ')} ${how(g.head)}${cond}`);
      lines.push(paint.dim(`        ${pathLine(g.head.path)}`));
    }
  }
  if (result.notes.length > 0) {
    lines.push('', paint.bold('Notes'));
    for (const n of result.notes) lines.push(`  - ${safeText(n)}`);
  }
  return `${lines.join('\n')}\n`;
}
