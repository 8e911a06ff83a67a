// The key-administrator actions this linter recommends: the console's list
// ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)
// with kms:Create* narrowed to kms:CreateAlias, because
// Create* also matches kms:CreateGrant, and a grant can allow cryptographic
// use outside any kms:ViaService condition (the same choice src/core/build.ts makes).
import { ADMIN_ACTIONS } from '../catalog/actions.js';

export const RECOMMENDED_ADMIN_ACTIONS: readonly string[] = ADMIN_ACTIONS.map((a) => (a === 'kms:Create*' ? 'kms:CreateAlias' : a));

export const ADMIN_ACTION_LIST = RECOMMENDED_ADMIN_ACTIONS.join(', ');
