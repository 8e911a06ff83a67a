import type { BuildResult } from '../core/build.js';
import { FORMAT_NEXT_STEPS } from '../output/formats/iac-next-steps.js';
import { nextSteps, type NextStep } from '../output/next-steps.js';

/** The next steps for the chosen format, picked as `generate` picks them (IaC formats apply differently). */
export function nextStepsFor(format: string, result: BuildResult, dir: string): NextStep[] {
  return (FORMAT_NEXT_STEPS[format] ?? nextSteps)(result, dir, { format });
}
