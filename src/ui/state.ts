/**
 * The wizard's whole state and the reducer that changes it. Every key goes
 * through {@link reducer}, which always sees the latest state: Ink 6 can
 * deliver several keys before React re-subscribes input handlers, and a
 * handler that read state from its closure would act on a stale copy.
 * Everything that is not pure (writing files, the clipboard) is requested as
 * a {@link Effect} that the App runs; keys typed meanwhile wait in `queue`.
 */
import type { SpecIssue } from '../core/spec-types.js';
import type { WhoCanInput } from '../core/who-can/index.js';
import type { Answers } from './answer-types.js';
import type { OutputChoice } from './choices.js';
import type { KeyEvent } from '../terminal/keys.js';
import type { PickState } from './pick-list.js';
import type { TextField } from '../terminal/text-field.js';

/** The wizard's steps, in order ('current' is asked only when starting from the key's current policy). */
export const STEP_ORDER = ['start', 'key', 'current', 'admins', 'access', 'consumers', 'services', 'regions', 'actions', 'review', 'output'] as const;
export type StepId = (typeof STEP_ORDER)[number];
export type Screen = StepId | 'done';

/** Output answers that flags can give (`--out`, `--stdout`, `--format`, `--force`). */
export interface OutputPreset {
  readonly choice?: Extract<OutputChoice, 'write' | 'print'>;
  readonly dir?: string;
  readonly format: string;
  readonly force: boolean;
}

export interface OutputState {
  /** Highlighted option of the output choice. */
  readonly cursor: number;
  readonly format: string;
  readonly phase: 'choose' | 'dir' | 'confirm';
  readonly dir: TextField;
  /** Files in the way, shown before asking to overwrite them. */
  readonly existing: readonly string[];
  /** Why the last write failed, if it did. */
  readonly error?: string;
  readonly preset: OutputPreset;
}

/** Work the reducer asks the App to do; its result comes back as an action. */
export type Effect =
  | { readonly kind: 'read'; readonly file: string }
  | { readonly kind: 'plan'; readonly dir: string }
  | { readonly kind: 'write'; readonly dir: string; readonly force: boolean }
  | { readonly kind: 'copy' };

/** How the wizard ended, shown on the done screen and after it closes. */
export type Finished =
  | { readonly kind: 'written'; readonly dir: string; readonly paths: readonly string[] }
  | { readonly kind: 'copied'; readonly how: string }
  | { readonly kind: 'printed'; readonly reason?: string };

/** The accounts' exports (--account-details, --grants, ...), read for one key before the wizard starts. */
export type WizardExports = Omit<WhoCanInput, 'keyPolicy'>;

export interface WizardState {
  readonly screen: Screen;
  readonly answers: Answers;
  /** With the exports, the review has a "Who can" tab. */
  readonly exports?: WizardExports;
  /** Steps whose answers came from flags: shown as answered, not asked (unless the answer is invalid). */
  readonly preAnswered: readonly StepId[];
  readonly fields: { readonly key: TextField; readonly account: TextField; readonly current: TextField; readonly admins: TextField; readonly consumers: TextField; readonly sourceArns: TextField };
  /** The services step's second part: the source ARNs of the services acting as themselves. */
  readonly servicesPhase?: 'sources';
  readonly lists: {
    readonly start: number;
    /** The new key's Region (one choice, filterable). */
    readonly keyRegion: PickState;
    /** The multi-Region question: 0 no, 1 yes. */
    readonly multiRegion: number;
    readonly access: number;
    readonly services: PickState;
    readonly regions: PickState;
    readonly actions: PickState;
  };
  /** Which question of a new key's step is asked. */
  readonly newKeyPhase: 'account' | 'region' | 'multi';
  /** The key ARN the current policy's pre-answers were read with (its fates depend on the key's account). */
  readonly currentReadFor?: string;
  /** Why the current policy file could not be used, when it could not. */
  readonly currentError?: string;
  readonly review: { readonly tab: number; readonly scroll: number };
  readonly output: OutputState;
  readonly finished?: Finished;
  readonly doneScroll: number;
  /** Problems that stopped the last Enter. */
  readonly issues: readonly SpecIssue[];
  readonly whyOpen: boolean;
  readonly busy?: Effect;
  readonly queue: readonly KeyEvent[];
  /** Set when the wizard should close: 0 done, 130 cancelled. */
  readonly exit?: 0 | 130;
  readonly size: { readonly columns: number; readonly rows: number };
  /** Whether the review's checkers are loaded (they load after the first frame). */
  readonly checked: boolean;
}

export type WizardAction =
  | { readonly type: 'keys'; readonly events: readonly KeyEvent[] }
  | { readonly type: 'read'; readonly file: string; readonly text: string }
  | { readonly type: 'read-failed'; readonly message: string }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'planned'; readonly existing: readonly string[] }
  | { readonly type: 'written'; readonly paths: readonly string[] }
  | { readonly type: 'write-failed'; readonly message: string }
  | { readonly type: 'copied'; readonly how: string }
  | { readonly type: 'copy-failed'; readonly reason: string }
  | { readonly type: 'cancel' }
  /** The review's checkers finished loading: draw again. */
  | { readonly type: 'analysis-loaded' }
  /** The first frame is on screen: what was deferred for a fast start happens now. */
  | { readonly type: 'mounted' };
