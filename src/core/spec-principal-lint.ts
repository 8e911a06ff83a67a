// The principals a spec names (--admin, --consumer, the wizard's answers) are
// checked with the rule lint applies to a key policy's Principal (KW404,
// not-a-principal): generate must never write a key policy its own lint
// rejects, and AWS refuses (MalformedPolicyDocument). "AWS JSON policy
// elements: Principal"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
// Principal takes exact ARNs; a wildcard is allowed only as "*" alone.
import { awsPrincipalProblem } from './lint/rules/not-a-principal.js';

/** Why `value` (an ARN given for `field`) would be refused as a key policy principal, or undefined when lint accepts it. */
export function principalLintIssue<F extends string>(field: F, value: string): { field: F; value: string; message: string; hint: string } | undefined {
  // Account ids and "*" are the spec's own business (it turns an id into the root ARN, and never takes "*").
  if (!value.startsWith('arn:')) return undefined;
  const problem = awsPrincipalProblem(value);
  if (problem === undefined) return undefined;
  return { field, value, message: problem, hint: 'Give the exact ARN of a role or user (arn:aws:iam::111122223333:role/NAME), as lint and AWS require' };
}
