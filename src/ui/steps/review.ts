import type { BuildResult } from '../../core/build-types.js';
import { formatIssue } from '../../output/summary.js';
import { groupChanges } from '../../output/current-policy-text.js';
import { renderJson } from '../../output/formats/json.js';
import { build, buildFromAnswers, mergeProblems, validate } from '../answers.js';
import type { Answers } from '../answer-types.js';
import { changesLines, changesSummaryLines } from '../changes-lines.js';
import { currentPolicyIssue, mergedWithCurrent } from '../current-policy.js';
import { NO_CURRENT_NOTE, principalCount, reviewWhoCan, whoCanLines } from '../who-can-lines.js';
import { safeText } from '../../core/terminal-safe.js';
import { issueLines } from '../components/issues.js';
import { jsonLines } from '../json-highlight.js';
import { blank, line, para, seg, truncate, windowOf, type Line } from '../../terminal/lines.js';
import { frameLayout } from '../layout.js';
import { advance, firstStepWithErrors, STEP_FIELDS } from '../navigation.js';
import { analysis, analysisFailure } from '../analysis-loader.js';
import type { WizardExports, WizardState } from '../state.js';

type WhoCanChangeFn = typeof import('../review-analysis.js').whoCanChange;
import type { ScreenModule } from './types.js';

/** One tab of the review: its title (with a count) and its lines. */
export interface ReviewTab {
  readonly title: string;
  readonly lines: readonly Line[];
}

let memo: { key: string; exports: WizardExports | undefined; tabs: ReviewTab[] } | undefined;

/** The review's tabs for these answers at this width (cached: the reducer and the view both ask); with the exports, a "Who can" tab. */
export function reviewTabs(a: Answers, width: number, exports?: WizardExports): ReviewTab[] {
  const key = `${width}\u0000${analysis() ? 'checked' : analysisFailure() ?? 'pending'}\u0000${JSON.stringify(a)}`;
  if (memo?.key === key && memo.exports === exports) return memo.tabs;
  const tabs = computeTabs(a, width, exports);
  memo = { key, exports, tabs };
  return tabs;
}

/** The "Who can" tab: who among the exports' principals gains and loses access. */
function whoCanTab(a: Answers, result: BuildResult, exports: WizardExports, change: WhoCanChangeFn, width: number): ReviewTab {
  const r = reviewWhoCan(a, result, exports, change);
  if (r.kind === 'other-key') return { title: 'Who can', lines: para(r.message, width) };
  const intro = r.noCurrent ? [...para(NO_CURRENT_NOTE, width), blank] : [];
  return { title: `Who can (${principalCount(r.change)})`, lines: [...intro, ...whoCanLines(r.change, width)] };
}

function computeTabs(a: Answers, width: number, exports?: WizardExports): ReviewTab[] {
  const r = validate(a);
  const result = build(a);
  if (!r.ok || !result) {
    const issues = r.ok ? [] : r.error.map(formatIssue);
    const current = a.start === 'current' ? [currentPolicyIssue(a), ...mergeProblems(a)].filter((x): x is string => x !== undefined) : [];
    const problems = [...issues, ...current.map(safeText)];
    return [{ title: 'Problems', lines: [...para('These answers need fixing first (Enter goes to the step):', width), blank, ...problems.flatMap((i) => para(`✘ ${i}`, width, 4))] }];
  }
  const from = a.start === 'current' ? mergedWithCurrent(a, buildFromAnswers(a)!) : undefined;
  // The tab's count is the changes it lists (one line per principal and kind of change), not the requests behind them.
  const changeCount = from?.ok ? groupChanges(from.value.access.removed).length + groupChanges(from.value.access.added).length : 0;
  const changes = from?.ok ? [{ title: `Changes (${changeCount})`, lines: changesLines(from.value, width) }] : [];
  const files = renderJson(result);
  const policyTabs = files.map((f) => ({ title: f.name, lines: [line(seg(f.description, { dim: true })), ...jsonLines(f.content, width)] }));
  const checkers = analysis();
  if (!checkers) {
    const failed = analysisFailure();
    const status = failed ? seg(`The checkers could not be loaded (${failed}); reinstall kms-wizard to see lint findings and the access matrix.`, { color: 'red' }) : seg('Checking the policies…', { dim: true });
    const waiting = [...explanationLines(result, width), blank, ...para(line(status), width)];
    return [{ title: 'Overview', lines: waiting }, ...changes, ...policyTabs];
  }
  const { reviewExplanations, reviewFindings, reviewMatrix, meetsExpectation, whoCanChange } = checkers;
  const whoCan = exports ? [whoCanTab(a, result, exports, whoCanChange, width)] : [];
  const findings = reviewFindings(result);
  const errors = findings.filter((f) => f.severity === 'error').length;

  const overview = explanationLines(result, width);
  const rows = reviewMatrix(result);
  const unexpected = rows.filter((r) => !meetsExpectation(r)).length;
  overview.push(
    blank,
    line(
      seg('Access: ', { bold: true }),
      unexpected === 0
        ? seg(`all ${rows.length} simulated requests get the intended decision, see Access`, { color: 'green' })
        : seg(`${unexpected} of ${rows.length} simulated requests do NOT get the intended decision, see Access`, { color: 'red', bold: true }),
    ),
    line(
      seg('Checks: ', { bold: true }),
      findings.length === 0 ? seg('no lint findings', { color: 'green' }) : seg(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}), see Findings`, { color: errors ? 'red' : 'yellow' }),
    ),
  );

  const findingLines: Line[] = [];
  if (findings.length === 0) findingLines.push(line(seg('✔ ', { color: 'green' }), 'No findings: both policies pass every lint rule.'));
  for (const f of findings) {
    const color = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
    findingLines.push(...para(line(seg(`${f.severity} ${f.code} `, { color, bold: true }), seg(`${f.file}:${f.line}:${f.column} `, { dim: true }), f.message), width, 2));
    if (f.hint) findingLines.push(...para(line(seg('  fix: ', { dim: true }), f.hint), width, 7));
  }

  const access: Line[] = [...para('What the simulator decides for typical requests against these two policies (the action tried is shown in each request):', width), blank];
  for (const r of rows) {
    const allowed = r.decision === 'Allow';
    const ok = meetsExpectation(r);
    access.push(
      ...para(
        line(
          seg(allowed ? '✔ allowed ' : '✘ denied  ', { color: allowed ? 'green' : 'yellow', bold: true }),
          seg(r.scenario, { bold: true }),
          ...(ok ? [] : [seg(`  (intended: ${r.expected === 'Allow' ? 'allowed' : 'denied'})`, { color: 'red', bold: true })]),
        ),
        width,
        10,
      ),
      ...para(line('          ', seg(`${r.request.action}: `, { dim: true }), r.reason), width, 10),
    );
  }

  const plain: Line[] = [];
  for (const { file, explanation } of reviewExplanations(result)) {
    plain.push(line(seg(file, { bold: true })), ...para(explanation.summary, width));
    for (const st of explanation.statements) {
      plain.push(...para(line(seg(`• ${st.sid ?? `statement ${st.index + 1}`}: `, { bold: true }), st.text), width, 2));
      for (const n of st.notAllowed) plain.push(...para(line(seg('  not allowed: ', { dim: true }), n), width, 4));
    }
    plain.push(blank);
  }

  if (from?.ok) overview.push(...changesSummaryLines(from.value, width));
  return [
    { title: 'Overview', lines: overview },
    ...changes,
    ...whoCan,
    { title: `Findings (${findings.length})`, lines: findingLines },
    { title: 'Access', lines: access },
    { title: 'In plain words', lines: plain },
    ...policyTabs,
  ];
}

/** How the pair works, its notes and warnings: from the build, ready before the checkers. */
function explanationLines(result: BuildResult, width: number): Line[] {
  const out: Line[] = [line(seg('How this pair works', { bold: true }))];
  for (const p of result.explanation) out.push(...para(`• ${p}`, width, 2));
  if (result.notes.length) {
    out.push(blank, line(seg('Notes', { bold: true })));
    for (const n of result.notes) out.push(...para(`• ${n}`, width, 2));
  }
  if (result.warnings.length) out.push(blank, line(seg('Warnings', { bold: true, color: 'yellow' })), ...issueLines(result.warnings, width, 'warning'));
  return out;
}

/**
 * The tab bar, one line at any width: every tab when they fit, else the run of tabs
 * around the active one, with how many are left out on each side (numbers and ←→ reach them).
 */
function tabBar(tabs: readonly ReviewTab[], active: number, width: number): Line[] {
  const labels = tabs.map((t, i) => `${i + 1} ${t.title}`);
  const before = (n: number) => (n > 0 ? `‹ ${n} more │ ` : '');
  const after = (n: number) => (n > 0 ? ` │ ${n} more ›` : '');
  const size = (from: number, to: number) =>
    [...before(from)].length + labels.slice(from, to + 1).reduce((sum, l) => sum + [...l].length, 0) + 3 * (to - from) + [...after(tabs.length - 1 - to)].length;
  // The leftmost run that holds the active tab, as long as the width allows.
  let from = 0;
  while (from < active && size(from, active) > width) from++;
  let to = active;
  while (to + 1 < tabs.length && size(from, to + 1) <= width) to++;
  const parts = [
    ...(from > 0 ? [seg(before(from), { dim: true })] : []),
    ...labels.slice(from, to + 1).flatMap((label, k) => [
      ...(k ? [seg(' │ ', { dim: true })] : []),
      seg(label, from + k === active ? { bold: true, color: 'cyan', inverse: true } : { dim: true }),
    ]),
    ...(to < tabs.length - 1 ? [seg(after(tabs.length - 1 - to), { dim: true })] : []),
  ];
  return [truncate(line(...parts), width)];
}

/** Lines of the active tab that fit on screen (the reducer pages by it). */
function contentRoom(s: WizardState, tabs: readonly ReviewTab[]): number {
  const { bodyHeight, bodyWidth } = frameLayout(s, reviewStep.minHeight);
  return Math.max(1, bodyHeight - tabBar(tabs, s.review.tab, bodyWidth).length - 1);
}

/** Step 8: both policies, every lint finding, what the pair allows; nothing is written yet. */
export const reviewStep: ScreenModule = {
  title: 'Review',
  minHeight: 10,
  why: () => 'review',
  hints: () => '←→ view, ↑↓ PgUp PgDn scroll, Enter next',

  onKey(s, ev) {
    const tabs = reviewTabs(s.answers, frameLayout(s, reviewStep.minHeight).bodyWidth, s.exports);
    const { tab, scroll } = s.review;
    const page = contentRoom(s, tabs);
    const maxScroll = Math.max(0, (tabs[tab]?.lines.length ?? 0) - page);
    const to = (t: number, sc: number): WizardState => ({ ...s, review: { tab: (t + tabs.length) % tabs.length, scroll: Math.max(0, Math.min(maxScroll, sc)) } });
    switch (ev.kind) {
      case 'enter': {
        const r = validate(s.answers);
        if (r.ok && build(s.answers)) return advance(s);
        // Valid answers that still give no policy: the current policy could not be merged (its step says why).
        if (r.ok) return { ...s, screen: 'current', currentError: [currentPolicyIssue(s.answers), ...mergeProblems(s.answers)].filter(Boolean).join('; ') };
        const step = firstStepWithErrors(s);
        return step ? { ...s, screen: step, issues: r.error.filter((i) => STEP_FIELDS[step].includes(i.field)) } : s;
      }
      case 'right':
        return { ...s, review: { tab: (tab + 1) % tabs.length, scroll: 0 } };
      case 'left':
        return { ...s, review: { tab: (tab - 1 + tabs.length) % tabs.length, scroll: 0 } };
      case 'tab':
        return { ...s, review: { tab: (tab + (ev.shift ? -1 : 1) + tabs.length) % tabs.length, scroll: 0 } };
      case 'text':
        if (/^[1-9]$/.test(ev.text) && Number(ev.text) <= tabs.length) return { ...s, review: { tab: Number(ev.text) - 1, scroll: 0 } };
        return s;
      case 'up':
        return to(tab, scroll - 1);
      case 'down':
        return to(tab, scroll + 1);
      case 'pageUp':
        return to(tab, scroll - page);
      case 'pageDown':
      case 'space':
        return to(tab, scroll + page);
      case 'home':
        return to(tab, 0);
      case 'end':
        return to(tab, maxScroll);
      default:
        return undefined;
    }
  },

  view(s, { width, height }) {
    const tabs = reviewTabs(s.answers, width, s.exports);
    const active = Math.min(s.review.tab, tabs.length - 1);
    const bar = tabBar(tabs, active, width);
    const room = Math.max(1, Math.min(height - bar.length - 1, contentRoom(s, tabs)));
    const content = tabs[active]!.lines;
    const win = windowOf(content, s.review.scroll, room);
    const below = content.length - win.offset - win.items.length;
    const status = content.length > room ? line(seg(`  lines ${win.offset + 1}-${win.offset + win.items.length} of ${content.length}${below > 0 ? ' · ↓ more' : ''}`, { dim: true })) : blank;
    return [...bar, ...win.items.map((l) => truncate(l, width)), status].slice(0, height);
  },
};
