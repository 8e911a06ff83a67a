// Reading accounts out of Principal values.
import { isAccountId } from '../arn.js';

const ROOT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/;
const IAM_ARN = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/;

/** An account root: `arn:<partition>:iam::<account>:root` or a bare 12-digit account id. */
export function rootAccount(value: string): string | undefined {
  if (isAccountId(value)) return value;
  return ROOT_ARN.exec(value)?.[1];
}

/** The account of an AWS principal value (root, account id, user, role, session). */
export function principalAccount(value: string): string | undefined {
  if (isAccountId(value)) return value;
  return IAM_ARN.exec(value)?.[1];
}

/**
 * The account CloudFormation's AWS::AccountId pseudo parameter stands for
 * when a template is linted (AWS's documentation example account). A key and
 * the template that creates it live in one account, so this placeholder's
 * root IS the key's own account root.
 */
export const TEMPLATE_ACCOUNT = '123456789012';

// A value only deployment knows, as the template reader writes it (see iac/policy-text.ts).
const GET_ATT = /^\$\{Fn::GetAtt [^}]+\}$/;
const UNRESOLVED = /^\$\{(?:Ref|Fn::[A-Za-z]+)\b[^}]*\}$/;

/**
 * The account of a principal written in a policy: a root, an account id, a
 * user, role or session ARN, or an Fn::GetAtt of a resource of the template,
 * which CloudFormation creates in the stack's own account.
 */
export function principalAccountOrStack(value: string): string | undefined {
  return principalAccount(value) ?? (GET_ATT.test(value) ? TEMPLATE_ACCOUNT : undefined);
}

/** A value only deployment knows (Ref to a parameter, GetAtt, ImportValue...): for a principal, someone, but not known who. */
export function isUnresolvedIntrinsic(value: string): boolean {
  return UNRESOLVED.test(value);
}
