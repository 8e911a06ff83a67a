import { build } from '../answers.js';
import { frameLayout } from '../layout.js';
import { nextStepsFor } from '../next-steps-for.js';
import { blank, line, para, seg, windowOf, type Line } from '../../terminal/lines.js';
import { noticeLines } from '../components/notice.js';
import { replaceNotice } from '../replace-warning.js';
import type { WizardState } from '../state.js';
import type { ScreenModule } from './types.js';

/** What happened, as the done screen's first lines. */
export function finishedLines(s: WizardState, width: number): Line[] {
  const f = s.finished;
  if (!f) return [];
  switch (f.kind) {
    case 'written':
      return [line(seg('✔ ', { color: 'green', bold: true }), seg(`Wrote into ${f.dir}:`, { bold: true })), ...f.paths.map((p) => line(`  ${p}`))];
    case 'copied':
      return para(line(seg('✔ ', { color: 'green', bold: true }), seg(`Copied the policies to the clipboard ${f.how}.`, { bold: true })), width, 2);
    case 'printed':
      return [
        ...(f.reason ? para(line(seg('! ', { color: 'yellow', bold: true }), seg(`Could not copy to the clipboard: ${f.reason}`, { color: 'yellow' })), width, 2) : []),
        ...para(line(seg('✔ ', { color: 'green', bold: true }), seg('The policies are printed below when the wizard closes.', { bold: true })), width, 2),
      ];
  }
}

/** Every line of the done screen's scrollable part: what happened, then the next steps. */
export function doneLines(s: WizardState, width: number): Line[] {
  const result = build(s.answers);
  const out = finishedLines(s, width);
  if (!result) return out;
  const dir = s.finished?.kind === 'written' ? s.finished.dir : '.';
  const notice = replaceNotice(s.answers);
  if (notice) out.push(blank, ...noticeLines(notice, width));
  out.push(blank, line(seg('Next steps', { bold: true })));
  nextStepsFor(s.output.format, result, dir, s.answers, s.finished?.kind === 'written').forEach((step, i) => {
    out.push(...para(`${i + 1}. ${step.title}`, width, 3));
    for (const c of step.commands) out.push(...para(line(seg(`   $ ${c}`, { color: 'cyan' })), width, 5));
  });
  return out;
}

/** After the output: what was done and the AWS CLI commands to apply and check the policies. */
export const doneScreen: ScreenModule = {
  title: 'Done',
  minHeight: 6,
  hints: () => 'Enter close, ↑↓ scroll',

  onKey(s, ev) {
    const { bodyHeight, bodyWidth } = frameLayout(s, doneScreen.minHeight);
    const page = Math.max(1, bodyHeight - 1);
    const max = Math.max(0, doneLines(s, bodyWidth).length - page);
    const to = (n: number): WizardState => ({ ...s, doneScroll: Math.max(0, Math.min(max, n)) });
    switch (ev.kind) {
      case 'enter':
        return { ...s, exit: 0 };
      case 'up':
        return to(s.doneScroll - 1);
      case 'down':
        return to(s.doneScroll + 1);
      case 'pageDown':
      case 'space':
        return to(s.doneScroll + page);
      case 'pageUp':
        return to(s.doneScroll - page);
      case 'escape':
        return s; // the output is done: there is no going back to it
      default:
        return undefined;
    }
  },

  view(s, { width, height }) {
    const all = doneLines(s, width);
    const win = windowOf(all, s.doneScroll, Math.max(1, height - 1));
    const more = all.length - win.offset - win.items.length;
    return [...win.items, more > 0 ? line(seg(`  ↓ ${more} more lines (↓ to scroll; all of it is printed when you close)`, { dim: true })) : blank];
  },
};
