import type { BuildResult } from '../core/build.js';
import { fromNextSteps } from '../output/current-policy-text.js';
import { FORMAT_NEXT_STEPS } from '../output/formats/iac-next-steps.js';
import { nextSteps, type NextStep } from '../output/next-steps.js';
import { buildFromAnswers, type Answers } from './answers.js';
import { mergedWithCurrent } from './current-policy.js';

/**
 * The next steps for the chosen format, picked as `generate` picks them (IaC
 * formats apply differently): with the current policy, as `generate --from`
 * words them; without it, for an existing key, the first step saves it.
 */
export function nextStepsFor(format: string, result: BuildResult, dir: string, a: Answers): NextStep[] {
  const steps = (FORMAT_NEXT_STEPS[format] ?? nextSteps)(result, dir, { format, currentPolicyGiven: a.start === 'current' });
  const plain = buildFromAnswers(a);
  const merged = a.start === 'current' && plain ? mergedWithCurrent(a, plain) : undefined;
  return merged?.ok ? fromNextSteps(steps, merged.value) : steps;
}
