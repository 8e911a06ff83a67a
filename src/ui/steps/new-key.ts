/**
 * The key step for a key that does not exist yet: the account that will own
 * it, its Region (a filterable list, as on the Regions step) and whether it
 * is multi-Region, asked one after another; Esc goes back one question.
 */
import { safeText } from '../../core/terminal-safe.js';
import { ALL_REGIONS } from '../../core/catalog/regions.js';
import { errorsFor } from '../answers.js';
import type { Answers } from '../answer-types.js';
import { issueLines } from '../components/issues.js';
import { listLines, type ListRow } from '../components/check-list.js';
import { textInputLines } from '../../terminal/text-input.js';
import type { KeyEvent } from '../../terminal/keys.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys, pickState, type PickState } from '../pick-list.js';
import type { WizardState } from '../state.js';
import { editText } from '../../terminal/text-field.js';
import type { ViewContext } from './types.js';

const MULTI_OPTIONS = ['no: a single-Region key', 'yes: a multi-Region key (replicas in other Regions share its key material)'] as const;

/** The new key in a few words, for the list of answered steps. */
export function newKeyAnswer(a: Answers): string {
  const k = a.newKey;
  return `a new ${k.multiRegion ? 'multi-Region ' : ''}key in ${k.region || '?'}, account ${k.account || '?'}`;
}

/** The Regions the list offers for this filter; a typed Region not in the list is offered to use as typed. */
function newKeyRegionRows(s: WizardState): { region: string; add?: boolean }[] {
  const q = s.lists.keyRegion.filter.trim().toLowerCase();
  const rows: { region: string; add?: boolean }[] = ALL_REGIONS.filter((r) => r.includes(q)).map((region) => ({ region }));
  if (q && !ALL_REGIONS.includes(q)) rows.push({ region: q, add: true });
  return rows;
}

/** The Region list opened on the Region already chosen (going back and forth keeps it); a custom one stays typed in the filter. */
function regionListAt(region: string): PickState {
  const known = ALL_REGIONS.indexOf(region);
  return known >= 0 || !region ? pickState(Math.max(0, known)) : { filter: region, cursor: 0 };
}

const listHeight = (s: WizardState) => Math.max(3, s.size.rows - 14);

export function newKeyKeys(s: WizardState, ev: KeyEvent): WizardState | undefined {
  const k = s.answers.newKey;
  const withKey = (patch: Partial<Answers['newKey']>, rest: Partial<WizardState> = {}): WizardState => ({ ...s, ...rest, answers: { ...s.answers, newKey: { ...k, ...patch } } });
  switch (s.newKeyPhase) {
    case 'account': {
      if (ev.kind === 'enter') {
        const errors = errorsFor(s.answers, ['account']);
        if (errors.length > 0) return { ...s, issues: errors };
        return { ...s, newKeyPhase: 'region', lists: { ...s.lists, keyRegion: regionListAt(k.region) } };
      }
      const field = editText(s.fields.account, ev);
      return field ? withKey({ account: field.value.trim() }, { fields: { ...s.fields, account: field } }) : undefined;
    }
    case 'region': {
      if (ev.kind === 'escape' && s.lists.keyRegion.filter === '') return { ...s, newKeyPhase: 'account' };
      const rows = newKeyRegionRows(s);
      const r = pickKeys(s.lists.keyRegion, ev, rows.length, listHeight(s), true);
      if (!r) return undefined;
      const moved: WizardState = { ...s, lists: { ...s.lists, keyRegion: r.state } };
      if (r.act !== 'submit' && r.act !== 'toggle') return moved;
      const row = rows[r.state.cursor];
      if (!row) return { ...moved, issues: [{ field: 'keyRegion', message: 'no Region matches; Backspace to change the filter' }] };
      const answers = { ...s.answers, newKey: { ...k, region: row.region } };
      const errors = errorsFor(answers, ['keyRegion']);
      if (errors.length > 0) return { ...moved, issues: errors };
      return { ...moved, answers, lists: { ...moved.lists, keyRegion: pickState() }, newKeyPhase: 'multi' };
    }
    case 'multi': {
      if (ev.kind === 'escape') return { ...s, newKeyPhase: 'region', lists: { ...s.lists, keyRegion: regionListAt(k.region) } };
      const r = pickKeys(pickState(s.lists.multiRegion), ev, MULTI_OPTIONS.length, MULTI_OPTIONS.length, false);
      if (!r) return undefined;
      const chosen = withKey({ multiRegion: r.state.cursor === 1 }, { lists: { ...s.lists, multiRegion: r.state.cursor } });
      return r.act === 'submit' ? advance({ ...chosen, newKeyPhase: 'account' }) : chosen;
    }
  }
}

export function newKeyView(s: WizardState, { width, height, color }: ViewContext): Line[] {
  const k = s.answers.newKey;
  const out: Line[] = [...para('The key does not exist yet: its key policy needs no ARN ("Resource": "*" is the key it is attached to). Where will it be created?', width), blank];
  const done = (label: string, value: string) => line(seg('✔ ', { color: 'green' }), seg(label, { dim: true }), value);
  const issues = issueLines(s.issues.map((i) => ({ ...i, message: safeText(i.message) })), width, 'error');
  if (s.newKeyPhase === 'account') {
    out.push(...para('Account that will own the key:', width), ...textInputLines(s.fields.account, width, color, '111122223333'), ...issues);
    return out.slice(0, height);
  }
  out.push(done('Account: ', k.account));
  if (s.newKeyPhase === 'region') {
    const rows = newKeyRegionRows(s);
    const { filter, cursor } = s.lists.keyRegion;
    out.push(line(seg('Region: ', { bold: true }), seg(filter || '(type to filter)', filter ? { color: 'cyan' } : { dim: true })));
    const room = Math.max(3, height - out.length - issues.length);
    const list = listLines(rows.map((r): ListRow => ({ label: r.add ? `use "${r.region}" (not in this tool's list)` : r.region, ...(r.region === k.region ? { tag: '(current)' } : {}) })), cursor, room, width);
    return [...out, ...list, ...issues].slice(0, height);
  }
  out.push(done('Region: ', k.region), blank, ...para('A multi-Region key?', width));
  out.push(...listLines(MULTI_OPTIONS.map((label) => ({ label })), s.lists.multiRegion, MULTI_OPTIONS.length, width));
  return out.slice(0, height);
}
