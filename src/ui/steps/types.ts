import type { WhyStep } from '../../lessons/why-steps.js';
import type { KeyEvent } from '../../terminal/keys.js';
import type { Line } from '../../terminal/lines.js';
import type { WizardState } from '../state.js';

/** What a screen may use to draw itself. */
export interface ViewContext {
  readonly width: number;
  /** Lines the screen's body may use; it must not draw more. */
  readonly height: number;
  /** False with NO_COLOR: selection must then show by markers, not colour alone. */
  readonly color: boolean;
}

/** One screen of the wizard: its keys and its view, both pure. */
export interface ScreenModule {
  readonly title: string;
  /** The "why" panel shown for the screen's current state (none for the done screen). */
  why?(s: WizardState): WhyStep;
  /** Handles a key; undefined leaves it to the defaults (Esc goes back). */
  onKey(s: WizardState, ev: KeyEvent): WizardState | undefined;
  view(s: WizardState, ctx: ViewContext): Line[];
  /** Key help for the footer. */
  hints(s: WizardState): string;
  /** The answer in a few words, for the list of answered steps. */
  answer?(s: WizardState): string;
  /** Body lines the screen needs to be usable (the why panel and answered list give way first). */
  readonly minHeight: number;
}
