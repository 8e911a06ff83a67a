// The next steps as the user will run them: the format's own steps, a first
// step that writes the files when they were only printed or copied (so no
// step cites a file:// that is not there), and (withProgram) every
// kms-wizard command in the form the user invoked it (`npx kms-wizard`).
import type { BuildResult } from '../core/build-types.js';
import { commandsAsInvoked } from '../core/invoked-as.js';
import { FORMAT_NEXT_STEPS } from './formats/iac-next-steps.js';
import { generateCommand } from './generate-command.js';
import { nextSteps, type NextStepsOptions } from './next-steps.js';
import type { NextStep } from './next-step.js';

export { programName } from '../core/invoked-as.js';

/** Each kms-wizard command (and "run kms-wizard ..." in a title) written with `program`. */
export function withProgram(steps: readonly NextStep[], program: string): NextStep[] {
  if (program === 'kms-wizard') return [...steps];
  const fix = (text: string) => commandsAsInvoked(text, program);
  return steps.map((s) => ({ title: fix(s.title), commands: s.commands.map(fix) }));
}

/** The step that writes printed or copied files, so the commands after it find them. */
function writeFilesStep(result: BuildResult, dir: string, options: NextStepsOptions): NextStep {
  if (options.currentPolicyGiven) {
    // A plain rerun would not carry the kept statements of the current policy: save what was shown instead.
    return { title: 'The files were not written: save each one shown above under its name in this directory first (the key policy carries the kept statements of the current one), then run the commands below', commands: [] };
  }
  return {
    title: 'The files were not written: write them first with the same answers (the commands below read them)',
    commands: [generateCommand(result.spec, { ...(options.format ? { format: options.format } : {}), out: dir })],
  };
}

/**
 * The next steps for `format` (the JSON format's for formats without their
 * own), with the write step first when the files were not written. Callers
 * that rework the steps (generate --from) apply {@link withProgram} last.
 */
export function stepsFor(format: string, result: BuildResult, dir: string, options: NextStepsOptions = {}): NextStep[] {
  const steps = (FORMAT_NEXT_STEPS[format] ?? nextSteps)(result, dir, { ...options, format });
  return options.written === false ? [writeFilesStep(result, dir, { ...options, format }), ...steps] : steps;
}
