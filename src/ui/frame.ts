/**
 * Composes a whole frame as lines: header, answered steps, the screen's body,
 * the "why" panel and the footer, sized by {@link frameLayout}.
 */
import { whyText } from '../lessons/why.js';
import { frameLayout, type FrameLayout } from './layout.js';
import { markdownLines } from '../lessons/markdown-lines.js';
import type { Line as LessonLine, Tone } from '../lessons/styled-text.js';
import { blank, line, lineWidth, seg, truncate, type Line, type Segment } from '../terminal/lines.js';
import { answeringFlag, applies, isSkipped, stepsOfRun } from './navigation.js';
import { STEP_ORDER, type WizardState } from './state.js';
import { SCREENS } from './steps/index.js';
import { programName } from '../core/invoked-as.js';

/** The text every first frame starts with (benchmarks wait for it). */
export const TITLE = 'kms-wizard';

export function renderFrame(s: WizardState, color: boolean): Line[] {
  const screen = SCREENS[s.screen];
  const layout = frameLayout(s, screen.minHeight);
  const { columns } = s.size;
  const steps = stepsOfRun(s);
  const stepNo = s.screen === 'done' ? steps.length : steps.indexOf(s.screen) + 1;
  const header = truncate(
    line(seg(TITLE, { bold: true, color: 'magenta' }), seg(`  Step ${stepNo} of ${steps.length}: `, { dim: true }), seg(screen.title, { bold: true })),
    columns,
  );
  const answered = answeredLines(s, layout);
  // Screens wrap their own text; the cut here only guards the frame's size.
  const body = screen
    .view(s, { width: layout.bodyWidth, height: layout.bodyHeight, color })
    .slice(0, layout.bodyHeight)
    .map((l) => truncate(l, layout.bodyWidth));
  // Plain ASCII in the chrome: the first frame then needs none of string-width's Unicode tables.
  const hints = screen.hints(s);
  // A screen that says what its Esc does ("Esc back to the list") is not told "Esc back" a second time.
  const esc = /\bEsc\b/.test(hints) ? '' : 'Esc back, ';
  const common = s.screen === 'done' ? 'Ctrl-C cancel' : `${esc}? ${s.whyOpen ? 'hide why' : 'why'}, Ctrl-C cancel`;
  const footer = truncate(line(seg(`${hints}, ${common}`, { dim: true })), columns);

  const out: Line[] = [header, blank, ...answered, ...(answered.length ? [blank] : [])];
  const why = screen.why && layout.why.where !== 'none' ? whyPanel(screen.why(s), layout.why.width, layout.why.height) : [];
  if (layout.why.where === 'beside') {
    const rows = Math.max(body.length, Math.min(why.length, layout.why.height));
    for (let i = 0; i < rows; i++) out.push(besides(body[i] ?? blank, layout.bodyWidth, why[i] ?? blank));
  } else {
    out.push(...body);
    if (layout.why.where === 'below') {
      const missing = layout.bodyHeight - body.length;
      out.push(...Array.from({ length: Math.max(0, missing) }, () => blank), ...why.slice(0, layout.why.height));
    }
  }
  out.push(footer);
  return out;
}

/** The answers before the current step, one line each, newest last. */
function answeredLines(s: WizardState, layout: FrameLayout): Line[] {
  if (layout.answered === 0) return [];
  const i = STEP_ORDER.indexOf(s.screen as (typeof STEP_ORDER)[number]);
  const prior = STEP_ORDER.slice(0, i).filter((id) => applies(s, id)).slice(-layout.answered);
  return prior.map((id) => {
    const m = SCREENS[id];
    const flag = answeringFlag(s, id);
    const fromFlag = flag && isSkipped(s, id) ? ` (${flag})` : '';
    // The value gives way to the "(--flag)" mark, which says why the step was not asked.
    const value = truncate(line(m.answer?.(s) ?? ''), Math.max(8, s.size.columns - 17 - fromFlag.length));
    return truncate(line(seg('✔ ', { color: 'green' }), seg(m.title.padEnd(15), { dim: true }), ...value, seg(fromFlag, { dim: true })), s.size.columns);
  });
}

/** The "why" panel: a rule with its title, the lesson text, and where to read more. */
export function whyPanel(step: Parameters<typeof whyText>[0], width: number, height: number): Line[] {
  const why = whyText(step);
  // Under npx, `kms-wizard` is not on PATH: say the command the way the user ran it.
  const learn = `${programName(process.env)} learn`;
  const title: Line = truncate(line(seg('── Why: ', { dim: true }), seg(why.title, { bold: true }), seg(' ──', { dim: true })), width);
  const more: Line = line(seg(why.lessonId ? `More: ${learn} ${why.lessonId}` : '', { dim: true }));
  const text = markdownLines(why.body, width).map(fromLessonLine);
  if (text.length + 2 <= height) return [title, ...text, ...(why.lessonId ? [more] : [])];
  return [title, ...text.slice(0, Math.max(0, height - 2)), why.lessonId ? line(seg(`… more: ${learn} ${why.lessonId}`, { dim: true })) : line(seg('…', { dim: true }))];
}

/** How the lessons' tones look in the wizard (the why text is laid out by the lessons' own renderer). */
const TONE_STYLE: Record<Tone, Omit<Segment, 'text'>> = {
  plain: {},
  heading: { bold: true },
  bold: { bold: true },
  code: { color: 'cyan' },
  dim: { dim: true },
  ok: { color: 'green' },
  bad: { color: 'red' },
  accent: { color: 'magenta' },
  hint: { dim: true },
  cursor: { color: 'cyan', bold: true },
  caret: { inverse: true },
};

const fromLessonLine = (l: LessonLine): Line => l.map((span) => ({ text: span.text, ...TONE_STYLE[span.tone] }));

function besides(left: Line, leftWidth: number, right: Line): Line {
  const l = truncate(left, leftWidth);
  const pad: Segment = { text: ' '.repeat(Math.max(0, leftWidth - lineWidth(l))) };
  return [...l, pad, { text: ' │ ', dim: true }, ...right];
}
