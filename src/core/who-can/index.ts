// who-can: readers for the AWS CLI exports and the engine over them.
export { readAccountDetails } from './account-details.js';
export { readDescribeKey } from './describe-key.js';
export { whoCan, type WhoCanInput } from './engine.js';
export { ExportError } from './export-error.js';
export { readGrants } from './grants.js';
export { readKeyPolicy } from './key-policy.js';
export type { AccountExport, KeyDescription, KeyGrant, OrgPolicyLevel } from './model.js';
export { readOrgPolicyLevel, type OrgPolicyType } from './org-policies.js';
export type { AccessEntry, TakeoverEntry, WhoCanResult } from './result.js';
export { readWhoCanExports, whoCanFromTexts, type ExportText, type WhoCanExportTexts, type WhoCanTexts } from './from-texts.js';
export { accessDelta, whoCanChange, type AccessChange, type PrincipalChange, type TakeoverChange, type WhoCanChange } from './access-delta.js';
