/**
 * What the review screen says about the policies, from the project's own
 * checkers: lint findings on the exact JSON text that will be saved, the
 * access matrix from the simulator, and the plain-language summary.
 */
import { KEY_POLICY_FILE } from '../core/build.js';
import type { BuildResult } from '../core/build-types.js';
import { accessMatrix, meetsExpectation, type MatrixRow } from '../core/evaluate/matrix.js';
import { matrixInputFromBuild } from '../core/evaluate/matrix-from-build.js';
import { explainPolicy, type PolicyExplanation } from '../core/explain/index.js';
import { lintFiles, type Finding } from '../core/lint/index.js';
import { renderJson } from '../output/formats/json.js';

export { meetsExpectation };
// The "Who can" tab's engine: loaded with the other checkers, after the first frame.
export { whoCanChange } from '../core/who-can/index.js';

/** A lint finding with the file it is in. */
export interface ReviewFinding extends Finding {
  readonly file: string;
}

/** Lints the generated JSON files together (key policy plus IAM policies), against the key ARN. */
export function reviewFindings(result: BuildResult): ReviewFinding[] {
  const files = renderJson(result);
  const linted = lintFiles(
    files.map((f) => ({ name: f.name, text: f.content, type: f.name === KEY_POLICY_FILE ? ('key' as const) : ('iam' as const) })),
    { keyArn: result.spec.key.arn },
  );
  return linted.flatMap((l) => l.findings.map((f) => ({ ...f, file: l.name })));
}

/** The simulator's access matrix for the pair, each row with the decision the answers intend. */
export function reviewMatrix(result: BuildResult): MatrixRow[] {
  return accessMatrix(matrixInputFromBuild(result));
}

/** Each generated document explained statement by statement, key policy first. */
export function reviewExplanations(result: BuildResult): { readonly file: string; readonly explanation: PolicyExplanation }[] {
  const keyArn = result.spec.key.arn;
  return [
    { file: KEY_POLICY_FILE, explanation: explainPolicy(result.keyPolicy, { keyArn, kind: 'key' }) },
    ...result.iamPolicies.map((p) => ({ file: p.fileName, explanation: explainPolicy(p.policy, { keyArn, kind: 'iam' }) })),
  ];
}
