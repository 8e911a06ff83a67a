import { findPrincipalService, findRefusedService } from '../../core/catalog/service-principals.js';
import { findService } from '../../core/catalog/services.js';
import { checkValue, errorsFor } from '../answers.js';
import { SERVICE_CHOICES, canonicalService, serviceMatch, type ServiceChoice } from '../choices.js';
import { listLines, type ListRow } from '../components/check-list.js';
import { issueLines } from '../components/issues.js';
import { blank, line, para, seg, type Line } from '../../terminal/lines.js';
import { advance } from '../navigation.js';
import { pickKeys } from '../pick-list.js';
import type { WizardState } from '../state.js';
import { sourcesKeys, sourcesView, wantsSources } from './source-arns.js';
import type { ScreenModule } from './types.js';

/** A row of the services list: a catalog service, a custom value already chosen, or the offer to add what was typed. */
type Row =
  | { readonly kind: 'catalog'; readonly choice: ServiceChoice }
  | { readonly kind: 'custom'; readonly value: string }
  | { readonly kind: 'add'; readonly value: string };

/** Whether a chosen value is this catalog service (values may be aliases: "ebs" is ec2). */
const isChoice = (value: string, c: ServiceChoice) => canonicalService(value) === c.id || findRefusedService(value)?.id === c.id;

/** The rows for the current filter, best matches first. */
export function serviceRows(s: WizardState): Row[] {
  const q = s.lists.services.filter;
  const customs = s.answers.services.filter((v) => !findService(v) && !findPrincipalService(v) && !findRefusedService(v));
  const rows: Row[] = customs.filter((v) => !q || v.toLowerCase().includes(q.toLowerCase())).map((value) => ({ kind: 'custom', value }));
  const ranked = SERVICE_CHOICES.map((choice) => ({ choice, rank: serviceMatch(choice, q) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank);
  rows.push(...ranked.map(({ choice }) => ({ kind: 'catalog' as const, choice })));
  if (q && !ranked.some((r) => r.rank === 0) && !customs.includes(q)) rows.push({ kind: 'add', value: q });
  return rows;
}

const listHeight = (s: WizardState) => Math.max(3, s.size.rows - 16);

/** Step 5: the services allowed to use the key: through a caller (kms:ViaService) or as themselves; then their source ARNs. */
export const servicesStep: ScreenModule = {
  title: 'Services',
  minHeight: 12,
  why: () => 'services',
  hints: (s) => (s.servicesPhase === 'sources' ? (s.fields.sourceArns.value ? 'Enter add' : 'Enter next, Esc back to the list') : 'type to filter, Space select, Enter next'),
  answer: (s) => `${s.answers.services.join(', ')}${s.answers.sourceArns?.length ? `; source ARNs: ${s.answers.sourceArns.join(', ')}` : ''}`,

  onKey(s, ev) {
    if (s.servicesPhase === 'sources') return sourcesKeys(s, ev);
    const rows = serviceRows(s);
    const r = pickKeys(s.lists.services, ev, rows.length, listHeight(s), true);
    if (!r) return undefined;
    const moved: WizardState = { ...s, lists: { ...s.lists, services: r.state } };
    if (r.act === 'submit') {
      const errors = errorsFor(s.answers, ['services']);
      if (errors.length > 0) return { ...moved, issues: errors };
      return wantsSources(s) ? { ...moved, servicesPhase: 'sources', issues: [] } : advance(moved);
    }
    if (r.act === 'toggle') {
      const row = rows[r.state.cursor];
      return row ? toggle(moved, row) : moved;
    }
    return moved;
  },

  view(s, ctx) {
    if (s.servicesPhase === 'sources') return sourcesView(s, ctx);
    const { width, height } = ctx;
    const rows = serviceRows(s);
    const { filter, cursor } = s.lists.services;
    const row = rows[cursor];
    const detail = row ? detailLines(s, row, width) : [];
    const head: Line[] = [
      ...para('Which AWS services may use the key? "via" services act for the consumers (kms:ViaService limits use to calls made through them); "as itself" services call KMS with their own service principal, limited to your resources.', width),
      line(seg('Search: ', { dim: true }), seg(filter || '(type to filter)', filter ? { color: 'cyan' } : { dim: true }), seg(`   ${s.answers.services.length} selected`, { dim: true })),
    ];
    // The custom-value row already shows its own errors as its detail: the same issue is not said twice.
    const inDetail = row?.kind === 'add' ? checkValue(s.answers, 'services', row.value).errors.map((e) => e.message) : [];
    const pending = s.issues.filter((i) => !inDetail.includes(i.message));
    const issues = pending.length > 0 ? issueLines(pending, width, 'error') : [];
    const room = Math.max(3, height - head.length - detail.length - issues.length - 1);
    const list = rows.length ? listLines(rows.map((r) => rowView(s, r)), cursor, room, width) : [line(seg('  no service matches; Backspace to change the search', { dim: true }))];
    return [...head, ...list, ...(detail.length ? [blank, ...detail] : []), ...issues].slice(0, height);
  },
};

function rowView(s: WizardState, row: Row): ListRow {
  switch (row.kind) {
    case 'catalog': {
      const c = row.choice;
      const names = c.viaNames.join(' + ');
      const tag = c.notVia
        ? 'not possible with a KMS key'
        : c.acts === 'itself'
          ? `as itself: ${c.principal}`
          : [names !== c.id ? `via ${names}` : 'via', c.usesGrants ? 'grants' : ''].filter(Boolean).join(' · ');
      return { label: `${c.id}  ${c.title}`, checked: s.answers.services.some((v) => isChoice(v, c)), disabled: Boolean(c.notVia), ...(tag ? { tag } : {}) };
    }
    case 'custom':
      return { label: row.value, checked: true, tag: 'custom value' };
    case 'add':
      return { label: `use "${row.value}" as a custom kms:ViaService value`, checked: false };
  }
}

function detailLines(s: WizardState, row: Row, width: number): Line[] {
  if (row.kind === 'add') {
    const { errors } = checkValue(s.answers, 'services', row.value);
    if (errors.length > 0) return issueLines(errors, width, 'error');
    return para(line(seg('✔ ', { color: 'green' }), `Space adds ${row.value}. The catalog may not list every service; a full value such as myservice.us-east-1.amazonaws.com is also accepted.`), width, 2);
  }
  if (row.kind === 'custom') return para(`${row.value}: a custom value (Space removes it).`, width);
  const c = row.choice;
  if (c.notVia) return para(line(seg(`${c.title}: `, { bold: true, color: 'yellow' }), c.note ?? ''), width, 2);
  if (c.acts === 'itself') {
    const out = para(line(seg(c.title, { bold: true }), seg(`  acts as itself: ${c.principal}`, { dim: true })), width, 2);
    out.push(...para('The key policy names the service principal, scoped to your accounts\' resources (aws:SourceArn/aws:SourceAccount or the encryption context) so no other account can use the key through it. After the list you can narrow it to named resources.', width, 2));
    if (c.note) out.push(...para(c.note, width, 2));
    return out;
  }
  const out = para(line(seg(c.title, { bold: true }), seg(`  kms:ViaService name: ${c.viaNames.join(', ')}`, { dim: true })), width, 2);
  if (c.usesGrants) out.push(...para('Creates grants for its resources, so kms:CreateGrant is added, limited to AWS resources.', width, 2));
  if (c.note) out.push(...para(c.note, width, 2));
  return out;
}

function toggle(s: WizardState, row: Row): WizardState {
  const services = s.answers.services;
  const set = (next: readonly string[], filterCleared = false) => ({
    ...s,
    answers: { ...s.answers, services: next },
    ...(filterCleared ? { lists: { ...s.lists, services: { filter: '', cursor: 0 } } } : {}),
  });
  switch (row.kind) {
    case 'catalog': {
      const c = row.choice;
      if (c.notVia) return { ...s, issues: checkValue(s.answers, 'services', c.id).errors };
      return services.some((v) => isChoice(v, c)) ? set(services.filter((v) => !isChoice(v, c))) : set([...services, c.id]);
    }
    case 'custom':
      return set(services.filter((v) => v !== row.value));
    case 'add': {
      const { errors } = checkValue(s.answers, 'services', row.value);
      return errors.length > 0 ? { ...s, issues: errors } : set([...services, row.value], true);
    }
  }
}
