import { checkValue, errorsFor, keyRegionOf, warningsFor } from '../answers.js';
import { regionChoices } from '../choices.js';
import { listLines, type ListRow } from '../components/check-list.js';
import { issueLines } from '../components/issues.js';
import { line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys } from '../pick-list.js';
import type { WizardState } from '../state.js';
import type { ScreenModule } from './types.js';

type Row = { readonly region: string; readonly add?: boolean };

const keyRegion = (s: WizardState) => keyRegionOf(s.answers);

/** The Regions in effect: the chosen ones, or the key's Region by default. */
export const effectiveRegions = (s: WizardState): readonly string[] => s.answers.regions ?? [keyRegion(s)];

export function regionRows(s: WizardState): Row[] {
  const q = s.lists.regions.filter.toLowerCase();
  const offered = regionChoices(s.answers);
  const extra = (s.answers.regions ?? []).filter((r) => !offered.includes(r));
  const rows: Row[] = [...extra, ...offered].filter((r) => r.includes(q)).map((region) => ({ region }));
  if (q && !rows.some((r) => r.region === q)) rows.push({ region: q, add: true });
  return rows;
}

const listHeight = (s: WizardState) => Math.max(3, s.size.rows - 14);

/** Step 6: the Regions the services may use the key from; the key's Region is preselected. */
export const regionsStep: ScreenModule = {
  title: 'Regions',
  minHeight: 10,
  why: () => 'regions',
  hints: () => 'type to filter, Space select, Enter next',
  answer: (s) => (s.answers.regions?.length ? s.answers.regions.join(', ') : `${keyRegion(s)} (the key's Region)`),

  onKey(s, ev) {
    const rows = regionRows(s);
    const r = pickKeys(s.lists.regions, ev, rows.length, listHeight(s), true);
    if (!r) return undefined;
    const moved: WizardState = { ...s, lists: { ...s.lists, regions: r.state } };
    if (r.act === 'submit') {
      const errors = errorsFor(s.answers, ['regions', 'services']);
      return errors.length > 0 ? { ...moved, issues: errors } : advance(moved);
    }
    if (r.act === 'toggle') {
      const row = rows[r.state.cursor];
      if (!row) return moved;
      const current = effectiveRegions(s);
      if (row.add) {
        const { errors } = checkValue(s.answers, 'regions', row.region);
        if (errors.length > 0) return { ...moved, issues: errors };
        return { ...moved, answers: { ...s.answers, regions: [...current, row.region] }, lists: { ...s.lists, regions: { filter: '', cursor: 0 } } };
      }
      const next = current.includes(row.region) ? current.filter((x) => x !== row.region) : [...current, row.region];
      return { ...moved, answers: { ...s.answers, regions: next } };
    }
    return moved;
  },

  view(s, { width, height }) {
    const rows = regionRows(s);
    const chosen = effectiveRegions(s);
    const home = keyRegion(s);
    const { filter, cursor } = s.lists.regions;
    const head: Line[] = [
      ...para(`From which Regions may the services use the key? Each Region becomes its own kms:ViaService value. The key lives in ${home}.`, width),
      line(seg('Search: ', { dim: true }), seg(filter || '(type to filter)', filter ? { color: 'cyan' } : { dim: true }), seg(`   ${chosen.join(', ')}`, { dim: true })),
    ];
    const row = rows[cursor];
    const tail: Line[] = s.issues.length > 0 ? issueLines(s.issues, width, 'error') : [];
    if (row?.add && s.issues.length === 0) {
      const { errors, warnings } = checkValue(s.answers, 'regions', row.region);
      tail.push(...issueLines(errors, width, 'error'), ...issueLines(warnings, width, 'warning'));
    }
    if (s.answers.regions?.length === 0) tail.push(...para(`None selected: the key's Region ${home} is used.`, width));
    tail.push(...issueLines(warningsFor(s.answers, 'regions'), width, 'warning'));
    const room = Math.max(3, height - head.length - tail.length);
    const list = listLines(
      rows.map((r): ListRow => (r.add ? { label: `use "${r.region}" (not in this tool's list)`, checked: false } : { label: r.region, checked: chosen.includes(r.region), ...(r.region === home ? { tag: "the key's Region" } : {}) })),
      cursor,
      room,
      width,
    );
    return [...head, ...list, ...tail].slice(0, height);
  },
};
