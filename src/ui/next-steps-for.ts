import type { BuildResult } from '../core/build-types.js';
import { fromNextSteps } from '../output/current-policy-text.js';
import type { NextStep } from '../output/next-step.js';
import { programName, stepsFor, withProgram } from '../output/steps-for.js';
import { buildFromAnswers } from './answers.js';
import type { Answers } from './answer-types.js';
import { mergedWithCurrent } from './current-policy.js';

/**
 * The next steps for the chosen format, picked as `generate` picks them (IaC
 * formats apply differently): with the current policy, as `generate --from`
 * words them; without it, for an existing key, the first step saves it.
 */
export function nextStepsFor(format: string, result: BuildResult, dir: string, a: Answers, written = true): NextStep[] {
  const steps = stepsFor(format, result, dir, { currentPolicyGiven: a.start === 'current', written });
  const plain = buildFromAnswers(a);
  const merged = a.start === 'current' && plain ? mergedWithCurrent(a, plain) : undefined;
  return withProgram(merged?.ok ? fromNextSteps(steps, merged.value) : steps, programName(process.env));
}
