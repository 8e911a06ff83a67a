/**
 * The engine exercises are checked with: the project's own lint and
 * evaluator, the same code `kms-wizard lint` and `simulate` run. The runners
 * and the tests both take this object, so a lesson passes in a test exactly
 * when it passes for the learner.
 */
import { evaluate } from '../core/evaluate/index.js';
import { lintPolicyText } from '../core/lint/index.js';
import type { ResolvedRequest } from './request.js';

export type Decision = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

/** A lint finding, as the checker shows it. */
export interface EngineFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface Engine {
  evaluate(request: ResolvedRequest, policies: { keyPolicy: unknown; iamPolicies: unknown[] }): { decision: Decision; summary: string };
  lint(text: string, options: { type: 'key' | 'iam'; keyArn?: string }): { findings: readonly EngineFinding[] };
}

export const engine: Engine = {
  evaluate: (request, policies) => evaluate(request, policies),
  lint: (text, options) => lintPolicyText(text, options),
};
