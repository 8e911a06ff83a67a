// The words `generate --from`, `diff` and the wizard's Changes tab share:
// each statement's fate, and the access added and removed, grouped so a
// change that covers many actions reads as one line.
import type { AccessChange, AccessComparison, Fates, FromCurrentPolicy, StatementFate } from '../core/current-policy/index.js';
import type { NextStep } from './next-step.js';
import { safeText } from '../core/terminal-safe.js';

/** Minimal styling surface (src/cli/style.ts satisfies it). */
export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  green(s: string): string;
}

/** `#2 "Allow use of the key"`, or `#5 (no Sid)`: how a statement is named (and how --keep/--drop refer to it). */
export function statementLabel(f: Pick<StatementFate, 'index' | 'sid'>): string {
  return f.sid !== undefined ? `#${f.index} "${safeText(f.sid)}"` : `#${f.index} (no Sid)`;
}

/** One line per statement of the current policy: its fate and why. */
export function fateLines(fates: Fates, paint: Paint): string[] {
  const color = { kept: paint.green, replaced: paint.yellow, merged: paint.bold } as const;
  return fates.statements.map((f) => `  ${color[f.fate](f.fate.padEnd(8))} ${statementLabel(f)}: ${safeText(f.reason)}`);
}

interface ChangeGroup {
  readonly who: string;
  readonly actions: string[];
  readonly vias: readonly (string | null)[];
  readonly before: string;
  readonly after: string;
  readonly example: AccessChange;
}

/**
 * Groups changes of one principal whose actions changed the same way over
 * the same calls (direct, through which services), in first-seen order.
 */
export function groupChanges(changes: readonly AccessChange[]): ChangeGroup[] {
  const perAction = new Map<string, AccessChange[]>();
  for (const c of changes) {
    const k = `${c.principal}\u0000${c.action}`;
    perAction.set(k, [...(perAction.get(k) ?? []), c]);
  }
  const groups = new Map<string, ChangeGroup>();
  for (const list of perAction.values()) {
    const first = list[0]!;
    const vias = list.map((c) => c.via);
    const k = [first.principal, first.before, first.after, ...vias.map(String)].join('\u0000');
    const g = groups.get(k);
    if (g) g.actions.push(first.action);
    else groups.set(k, { who: first.who, actions: [first.action], vias, before: first.before, after: first.after, example: first });
  }
  return [...groups.values()];
}

const calls = (vias: readonly (string | null)[]) => vias.map((v) => (v === null ? 'directly' : `through ${safeText(v)}`)).join(', ');
const actionList = (actions: readonly string[]) =>
  actions.length <= 6 ? actions.join(', ') : `${actions.slice(0, 6).join(', ')} and ${actions.length - 6} more (${actions.length} actions)`;

function changeLines(title: string, changes: readonly AccessChange[], paint: Paint, mark: (s: string) => string): string[] {
  if (changes.length === 0) return [`${paint.bold(title)}: none`];
  const lines = [`${paint.bold(title)} (${changes.length} request${changes.length === 1 ? '' : 's'}):`];
  for (const g of groupChanges(changes)) {
    lines.push(`  ${mark('-')} ${safeText(g.who)}: ${actionList(g.actions)}, ${calls(g.vias)}: ${g.before} -> ${g.after}`);
    lines.push(paint.dim(`      why${g.actions.length > 1 || g.vias.length > 1 ? ` (e.g. ${g.example.action}${g.example.via ? ` through ${safeText(g.example.via)}` : ' directly'})` : ''}: ${safeText(g.example.reason)}`));
  }
  return lines;
}

/** "Access removed" and "Access added"; `diff` puts what was added first (what needs a second look). */
export function accessLines(access: AccessComparison, paint: Paint, addedFirst = false): string[] {
  const added = changeLines('Access added', access.added, paint, paint.red);
  const removed = changeLines('Access removed', access.removed, paint, paint.yellow);
  return addedFirst ? [...added, ...removed] : [...removed, ...added];
}

/** The JSON form of a change: `{principal, action, via, before, after, reason}` (via null for a direct call). */
export function changeJson(c: AccessChange) {
  return { principal: c.principal, who: c.who, action: c.action, via: c.via, before: c.before, after: c.after, reason: c.reason };
}

/** The JSON form of the fates: `[{index, sid, fate, reason}]` (sid null when the statement has none). */
export function fatesJson(fates: Fates) {
  return fates.statements.map((f) => ({ index: f.index, sid: f.sid ?? null, fate: f.fate, reason: f.reason, ...(f.principals ? { principals: f.principals } : {}) }));
}

/** The put-key-policy step now says what it replaces and what it carries over. */
export function fromNextSteps(steps: readonly NextStep[], from: FromCurrentPolicy): NextStep[] {
  const kept = from.fates.statements.filter((f) => f.fate === 'kept').length;
  return steps.map((s) =>
    s.commands.some((c) => c.includes('put-key-policy'))
      ? { ...s, title: `${s.title}: it replaces the whole key policy, and now carries the ${kept} kept statement${kept === 1 ? '' : 's'} of the current one` }
      : s,
  );
}

/** What generate prints about the current policy: the fates, the access changes, the warnings. */
export function fromText(from: FromCurrentPolicy, paint: Paint): string {
  const lines = [paint.bold(`What happens to each statement of ${safeText(from.source)}:`), ...fateLines(from.fates, paint), ''];
  lines.push(...accessLines(from.access, paint));
  if (from.warnings.length > 0) {
    lines.push('', paint.bold(paint.yellow('About the current policy:')));
    for (const w of from.warnings) lines.push(`  ! ${safeText(w)}`);
  }
  return lines.join('\n');
}
