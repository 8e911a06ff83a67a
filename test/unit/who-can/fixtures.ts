// The synthetic organization of test/fixtures/who-can/org: the management
// account 111111111111, a prod account 222222222222 holding a multi-Region key
// with the console's default key policy plus a ViaService statement for the
// dev account 333333333333, the security account 666666666666 (its export
// URL-encoded, as the IAM API returns it), a partner role in 444444444444 and
// a vendor in 555555555555 (no exports), grants, SCPs on three levels and an
// RCP data perimeter.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAccountDetails, readDescribeKey, readGrants, readKeyPolicy, readOrgPolicyLevel, type WhoCanInput } from '../../../src/core/who-can/index.js';

export const ORG_DIR = fileURLToPath(new URL('../../fixtures/who-can/org/', import.meta.url));
export const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/mrk-1234abcd12ab34cd56ef1234567890ab';
export const PROD = '222222222222';
export const DEV = '333333333333';
export const SECURITY = '666666666666';
export const MANAGEMENT = '111111111111';
export const text = (name: string) => readFileSync(ORG_DIR + name, 'utf8');
export const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
export const prodRole = (name: string) => `arn:aws:iam::${PROD}:role/${name}`;
export const prodUser = (name: string) => `arn:aws:iam::${PROD}:user/${name}`;

/** The key policy document inside get-key-policy's wrapper. */
export const keyPolicyDocument = () => readKeyPolicy('key-policy.json', text('key-policy.json'));

export const SCP_FILES = ['scp-root.json', 'scp-ou-workloads.json', 'scp-account.json'];

/** Every export of the organization; `omit` leaves some out. */
export function orgInput(omit: readonly ('grants' | 'scp' | 'rcp' | 'describe' | 'dev' | 'security' | 'management')[] = [], keyPolicy: Record<string, unknown> = keyPolicyDocument()): WhoCanInput {
  const account = (name: string) => readAccountDetails(`${name}-account.json`, text(`${name}-account.json`));
  return {
    keyArn: KEY,
    keyPolicy,
    accounts: [account('prod'), ...(['dev', 'security', 'management'] as const).filter((n) => !omit.includes(n)).map(account)],
    ...(omit.includes('management') ? {} : { managementAccount: MANAGEMENT }),
    ...(omit.includes('grants') ? {} : { grants: readGrants('grants.json', text('grants.json'), KEY) }),
    ...(omit.includes('scp') ? {} : { scpLevels: SCP_FILES.map((f) => readOrgPolicyLevel(f, text(f), 'SERVICE_CONTROL_POLICY')) }),
    ...(omit.includes('rcp') ? {} : { rcpLevels: [readOrgPolicyLevel('rcp-root.json', text('rcp-root.json'), 'RESOURCE_CONTROL_POLICY')] }),
    ...(omit.includes('describe') ? {} : { key: readDescribeKey('describe-key.json', text('describe-key.json'), KEY) }),
  };
}
