// A principal of another account can call only some operations on a key, whatever the key policy
// and its own IAM policies say: the cryptographic operations, CreateGrant, DescribeKey,
// GetKeyRotationStatus, GetPublicKey, ListGrants, RetireGrant and RevokeGrant. Any other
// permission given to another account "has no effect" (e.g. kms:ScheduleKeyDeletion)
// ("Allowing users in other accounts to use a KMS key",
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html).
import { CRYPTOGRAPHIC_ACTIONS } from '../catalog/actions.js';

const CROSS_ACCOUNT = new Set([
  ...CRYPTOGRAPHIC_ACTIONS,
  'kms:CreateGrant', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetPublicKey', 'kms:ListGrants', 'kms:RetireGrant', 'kms:RevokeGrant',
]);

export function worksAcrossAccounts(action: string): boolean {
  return CROSS_ACCOUNT.has(action);
}
