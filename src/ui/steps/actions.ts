import { actionGroups } from '../../core/build.js';
import { checkValue, errorsFor, validate } from '../answers.js';
import type { Answers } from '../answer-types.js';
import { actionChoices, actionPurpose } from '../choices.js';
import { listLines, type ListRow } from '../components/check-list.js';
import { issueLines } from '../components/issues.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys } from '../pick-list.js';
import type { WizardState } from '../state.js';
import type { ScreenModule } from './types.js';

type Row = { readonly kind: 'reset' } | { readonly kind: 'action'; readonly action: string } | { readonly kind: 'add'; readonly action: string };

/** The services' default actions and which service wants each (from the same validation generate uses). */
export function actionDefaults(a: Answers): { all: readonly string[]; byAction: Map<string, string[]> } {
  const r = validate({ ...a, actions: undefined });
  const byAction = new Map<string, string[]>();
  if (!r.ok) return { all: [], byAction };
  for (const g of actionGroups(r.value)) {
    const services = [...new Set(g.via.map((v) => v.split('.')[0]!))];
    for (const act of [...g.use, ...(g.grants ? ['kms:CreateGrant'] : [])]) byAction.set(act, [...new Set([...(byAction.get(act) ?? []), ...services])]);
  }
  return { all: r.value.actions, byAction };
}

export const chosenActions = (s: WizardState): readonly string[] => s.answers.actions ?? actionDefaults(s.answers).all;

export function actionRows(s: WizardState): Row[] {
  const q = s.lists.actions.filter;
  const { all } = actionDefaults(s.answers);
  const list = actionChoices(all, s.answers.actions ?? []).filter((a) => a.toLowerCase().includes(q.toLowerCase()));
  const rows: Row[] = s.answers.actions && !q ? [{ kind: 'reset' }] : [];
  rows.push(...list.map((action) => ({ kind: 'action' as const, action })));
  const typed = (q.includes(':') ? q : `kms:${q}`).toLowerCase();
  if (q && !list.some((a) => a.toLowerCase() === typed)) rows.push({ kind: 'add', action: q });
  return rows;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const listHeight = (s: WizardState) => Math.max(3, s.size.rows - 14);

/** Step 7: the actions the consumers get through the services; the services' least-privilege defaults, editable. */
export const actionsStep: ScreenModule = {
  title: 'Actions',
  minHeight: 10,
  why: () => 'actions',
  hints: () => 'type to filter, Space toggle, Enter next',
  answer: (s) => (s.answers.actions ? `${s.answers.actions.join(', ')} (edited)` : "the services' defaults"),

  onKey(s, ev) {
    const rows = actionRows(s);
    const r = pickKeys(s.lists.actions, ev, rows.length, listHeight(s), true);
    if (!r) return undefined;
    const moved: WizardState = { ...s, lists: { ...s.lists, actions: r.state } };
    if (r.act === 'submit') {
      const errors = errorsFor(s.answers, ['actions']);
      return errors.length > 0 ? { ...moved, issues: errors } : advance(moved);
    }
    if (r.act !== 'toggle') return moved;
    const row = rows[r.state.cursor];
    if (!row) return moved;
    const { all } = actionDefaults(s.answers);
    const setActions = (next: readonly string[] | undefined, cleared = false): WizardState => ({
      ...moved,
      answers: { ...s.answers, actions: next === undefined || sameSet(next, all) ? undefined : next },
      ...(cleared ? { lists: { ...s.lists, actions: { filter: '', cursor: 0 } } } : {}),
    });
    if (row.kind === 'reset') return setActions(undefined);
    if (row.kind === 'add') {
      const { errors } = checkValue(s.answers, 'actions', row.action);
      if (errors.length > 0) return { ...moved, issues: errors };
      const name = row.action.includes(':') ? row.action : `kms:${row.action}`;
      return setActions([...chosenActions(s), name], true);
    }
    const current = chosenActions(s);
    return setActions(current.includes(row.action) ? current.filter((a) => a !== row.action) : [...current, row.action]);
  },

  view(s, { width, height }) {
    const rows = actionRows(s);
    const chosen = chosenActions(s);
    const { byAction } = actionDefaults(s.answers);
    const { filter, cursor } = s.lists.actions;
    const head: Line[] = [
      ...para("What may the consumers do with the key through the services? The defaults are the least each chosen service needs.", width),
      line(seg('Search: ', { dim: true }), seg(filter || '(type to filter)', filter ? { color: 'cyan' } : { dim: true }), seg(s.answers.actions ? '   edited: one list for every service' : "   each service's defaults", { dim: true })),
    ];
    const row = rows[cursor];
    const tail: Line[] = [];
    if (s.issues.length > 0) tail.push(...issueLines(s.issues, width, 'error'));
    else if (row?.kind === 'action') {
      const users = byAction.get(row.action);
      tail.push(blank, ...para(line(seg(`${row.action}: `, { bold: true }), actionPurpose(row.action) ?? 'a KMS action'), width, 2));
      if (users) tail.push(...para(line(seg(`default for ${users.join(', ')}`, { dim: true })), width, 2));
    } else if (row?.kind === 'add') {
      const { errors } = checkValue(s.answers, 'actions', row.action);
      tail.push(blank, ...(errors.length ? issueLines(errors, width, 'error') : para(`Space adds ${row.action}.`, width)));
    } else if (row?.kind === 'reset') {
      tail.push(blank, ...para("Space goes back to each service's own defaults (separate statements when services need different actions).", width));
    }
    const room = Math.max(3, height - head.length - tail.length);
    const list = listLines(
      rows.map((r): ListRow => {
        if (r.kind === 'reset') return { label: "↺ use the services' defaults again" };
        if (r.kind === 'add') return { label: `add "${r.action}"`, checked: false };
        return { label: r.action, checked: chosen.includes(r.action), ...(byAction.has(r.action) ? { tag: 'default' } : {}) };
      }),
      cursor,
      room,
      width,
    );
    return [...head, ...list, ...tail].slice(0, height);
  },
};
