// One step the user takes after the files: its own module, so that lockout-step.ts
// (a step) and next-steps.ts (which calls it) both name it without a cycle.

/** One step after writing the files: what to do and the AWS CLI command for it. */
export interface NextStep {
  readonly title: string;
  readonly commands: readonly string[];
}
