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
