/**
 * How a frame divides the terminal: header, answered steps, the screen's
 * body, the "why" panel (below, or beside it when the terminal is wide) and
 * the footer. Pure, so keys (scrolling, paging) and drawing agree on sizes.
 */
import { STEP_ORDER, type Screen, type WizardState } from './state.js';

/** Width from which the why panel sits beside the body instead of under it. */
export const SIDE_BY_SIDE_COLUMNS = 110;

export interface FrameLayout {
  readonly bodyWidth: number;
  readonly bodyHeight: number;
  /** How many answered steps to list above the body (the most recent ones). */
  readonly answered: number;
  readonly why: { readonly where: 'none' | 'below' | 'beside'; readonly width: number; readonly height: number };
}

const ANSWERED_SCREENS: readonly Screen[] = ['key', 'current', 'admins', 'access', 'consumers', 'services', 'regions', 'actions'];

/** `minHeight` is the body height the screen needs. */
export function frameLayout(s: WizardState, minHeight: number): FrameLayout {
  const { columns, rows } = s.size;
  // One line spare: a frame as tall as the terminal makes Ink clear the screen on every render.
  const avail = Math.max(4, rows - 1 - 3); // header + blank, footer
  const showWhy = s.whyOpen && s.screen !== 'done';
  const beside = showWhy && columns >= SIDE_BY_SIDE_COLUMNS;
  const bodyWidth = beside ? Math.floor(columns * 0.58) : columns;
  const below = showWhy && !beside ? Math.max(4, Math.floor(avail * 0.45)) : 0;
  // The answered steps of this run before the current one (the first question is not listed until later steps).
  const prior = ANSWERED_SCREENS.includes(s.screen) ? STEP_ORDER.slice(0, STEP_ORDER.indexOf(s.screen as (typeof STEP_ORDER)[number])).filter((id) => id !== 'current' || s.answers.start === 'current').length : 0;
  const spare = avail - below - minHeight - 1;
  const answered = Math.max(0, Math.min(prior, spare));
  const bodyHeight = Math.max(3, avail - below - (answered > 0 ? answered + 1 : 0));
  return {
    bodyWidth,
    bodyHeight,
    answered,
    why: beside ? { where: 'beside', width: columns - bodyWidth - 3, height: bodyHeight } : below ? { where: 'below', width: columns, height: below } : { where: 'none', width: 0, height: 0 },
  };
}
