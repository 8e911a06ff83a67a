/**
 * The lesson format: what a lessons/NN-<id>.md file turns into.
 * See lessons/README.md for how to write one.
 */

/** A request as a lesson writes it; `viaService` may name a catalog service so the value comes from the catalog. */
export interface RequestSpec {
  readonly principal: string;
  readonly action: string;
  /** Defaults to the exercise's key ARN. */
  readonly keyArn?: string;
  /** A literal `kms:ViaService` value, or a catalog service + Region resolved by the catalog at check time. */
  readonly viaService?: string | { readonly service: string; readonly region: string };
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** Other request context (e.g. `kms:GrantIsForAWSResource`). */
  readonly context?: Readonly<Record<string, string | boolean | string[]>>;
}

/** An outcome an answer must produce: the evaluator decides whether it does. */
export interface Goal {
  readonly label: string;
  /** `Deny` accepts both implicit and explicit deny. */
  readonly expect: 'Allow' | 'Deny';
  readonly request: RequestSpec;
}

/**
 * Which policy an exercise works on: `key` for the key policy, or a principal
 * ARN for the IAM policy attached to that principal.
 */
export type PolicyRef = 'key' | string;

interface ExerciseBase {
  readonly id: string;
  readonly title: string;
  /** The question, in markdown. */
  readonly prompt: string;
  /** Shown one at a time with `h`, and after a wrong answer. At least one. */
  readonly hints: readonly string[];
  /** The teaching point, shown after a wrong answer and on success. */
  readonly explain: string;
  readonly keyArn: string;
  /** The key policy as JSON text (may be deliberately broken in fix/spot exercises). */
  readonly keyPolicy?: string;
  /** IAM policy (JSON text) attached to each principal, by principal ARN. */
  readonly iam: Readonly<Record<string, string>>;
  /** Line in the lesson file where the exercise block starts (for the build's error messages; not in the compiled lessons). */
  readonly line?: number;
}

/** Predict the decision: the right answer is what the evaluator decides for `request`. */
export interface PredictExercise extends ExerciseBase {
  readonly kind: 'predict';
  readonly request: RequestSpec;
  /** Ask for implicit vs explicit deny instead of just Allow/Deny. */
  readonly detailed: boolean;
}

/** Fix the policy: passes when lint finds no errors and every goal is met. */
export interface FixExercise extends ExerciseBase {
  readonly kind: 'fix';
  readonly edit: PolicyRef;
  readonly goals: readonly Goal[];
}

/** The placeholder a choose exercise's policy holds, replaced by each option in turn. */
export const VALUE_PLACEHOLDER = '{{value}}';

/**
 * Choose the value: each option is put in place of `{{value}}` in the policy
 * named by `into`; an option is right when that policy lints clean and meets every goal.
 */
export interface ChooseExercise extends ExerciseBase {
  readonly kind: 'choose';
  readonly into: PolicyRef;
  readonly options: readonly string[];
  readonly goals: readonly Goal[];
}

/** Spot the bugs: mark the lines of `target` on which lint reports an error. */
export interface SpotExercise extends ExerciseBase {
  readonly kind: 'spot';
  readonly target: PolicyRef;
}

export type Exercise = PredictExercise | FixExercise | ChooseExercise | SpotExercise;
export type ExerciseKind = Exercise['kind'];

/** One screen of a lesson: a page of text, or an exercise. */
export type Step =
  | { readonly kind: 'page'; readonly title: string; readonly markdown: string }
  | { readonly kind: 'exercise'; readonly exercise: Exercise };

/** What the front matter and file name say about a lesson. */
export interface LessonHeader {
  readonly id: string;
  /** From the file name's number prefix (`03-via-service.md` -> 3). */
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  /** Rough reading + exercise time. */
  readonly minutes: number;
  /** AWS documentation pages the lesson rests on (URLs). */
  readonly sources: readonly string[];
  /** The lesson's file name (for the build's error messages; not in the compiled lessons). */
  readonly file?: string;
}

export interface Lesson extends LessonHeader {
  readonly steps: readonly Step[];
  readonly exercises: readonly Exercise[];
}
