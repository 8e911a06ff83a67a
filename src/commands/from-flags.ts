// The flags of `generate --from`, apart from the code that reads the current
// policy (./from-current.ts), which generate loads only when they are given.
import { INPUT_LIMITS_HELP } from './input-limits.js';

export const FROM_OPTIONS = {
  from: { type: 'string' },
  policy: { type: 'string' },
  keep: { type: 'string', multiple: true },
  drop: { type: 'string', multiple: true },
} as const;

export const FROM_HELP = `Starting from the key's current policy:
  --from FILE|-          the key's current key policy (- = standard input), as printed by
                         aws kms get-key-policy --key-id ARN --policy-name default --query Policy --output text
                         or a Terraform plan or CloudFormation template holding the key policy.
                         Each statement is kept (exactly as it is), replaced or merged; the
                         output shows which and why, and the access the change adds or removes.
  --policy NAME          the key policy of a --from plan or template that has several
                         (its Terraform address or logical id, e.g. aws_kms_key.main)
  --keep SID|#N          keep this statement as it is (repeatable; #N = the N-th statement)
  --drop SID|#N          leave this statement out (repeatable)

${INPUT_LIMITS_HELP}`;
