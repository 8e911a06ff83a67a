// The wizard's answers as data: answers.ts checks and builds them,
// current-policy.ts reads the current policy they may start from, and each
// imports these types from here rather than from the other. Types only.
import type { AccessMode } from '../core/spec-types.js';

/** Where the policy starts (the first question): a key that does not exist yet, an existing key, or an existing key with its current policy. */
export type StartChoice = 'new' | 'existing' | 'current';

/** A key that does not exist yet: where it will be created. */
export interface NewKeyAnswers {
  readonly account: string;
  readonly region: string;
  readonly multiRegion: boolean;
}

/** The key's current key policy, as read from a file: its name (as the user typed it) and its text. */
export interface CurrentPolicyFile {
  readonly file: string;
  readonly text: string;
  /** `--keep` / `--drop` (a Sid or `#N`): statements whose fate the flags decide, as for generate. */
  readonly keep?: readonly string[];
  readonly drop?: readonly string[];
}

/** The answers so far: a PolicySpec where "not answered yet" and "default" are the same thing. */
export interface Answers {
  readonly start: StartChoice;
  readonly newKey: NewKeyAnswers;
  /** Read when start is 'current'; kept when the user goes back and changes the start (it is only used for 'current'). */
  readonly current?: CurrentPolicyFile;
  readonly keyArn: string;
  readonly admins: readonly string[];
  readonly consumers: readonly string[];
  readonly access: AccessMode;
  readonly services: readonly string[];
  /** Undefined: the key's Region (the default). */
  readonly regions?: readonly string[];
  /** Undefined: each service's default actions; a list overrides them for every service. */
  readonly actions?: readonly string[];
  /** Resources that narrow the services acting as themselves (trail, log group, ... ARNs); undefined: the default scope. */
  readonly sourceArns?: readonly string[];
}
