// Differential test on random policies: for IAM users and roles of two exported accounts, with no
// boundary, SCP, RCP or grant, who-can's answer for a principal and an action must equal the
// decision of the evaluator `simulate` uses (src/core/evaluate, decide()) for the same request made
// by that principal (a role as one of its sessions), directly and through S3. The generated
// conditions use only keys known offline (kms:ViaService, kms:CallerAccount, aws:PrincipalTag,
// aws:PrincipalArn, aws:username), so every answer is decided, never left to a condition.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decide } from '../../../src/core/evaluate/index.js';
import { ANY_OTHER_SERVICE, sessionOf } from '../../../src/core/who-can/engine.js';
import { identityDocuments } from '../../../src/core/who-can/identity.js';
import { readAccountDetails, whoCan, type AccountExport } from '../../../src/core/who-can/index.js';
import { worksAcrossAccounts } from '../../../src/core/who-can/cross-account.js';
import type { IamPrincipal } from '../../../src/core/who-can/model.js';

const KEY_ACCOUNT = '111111111111';
const OTHER = '999999999999';
const KEY = `arn:aws:kms:eu-west-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const S3 = 's3.eu-west-1.amazonaws.com';
const ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'];
const NAMES = ['app', 'ci', 'ops'];
const arn = (account: string, kind: 'user' | 'role', name: string) => `arn:aws:iam::${account}:${kind}/${name}`;

const actionElement = fc.oneof(
  fc.record({ Action: fc.constantFrom<string | string[]>('kms:*', 'kms:Decrypt', ['kms:Encrypt', 'kms:Decrypt'], 'kms:GenerateDataKey*', 'kms:Describe*', ['kms:CreateGrant', 'kms:PutKeyPolicy'], 's3:*', '*') }),
  fc.record({ NotAction: fc.constantFrom<string | string[]>('kms:Decrypt', ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'], 'iam:*') }),
);
const condition = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  undefined,
  { StringEquals: { 'kms:ViaService': S3 } },
  { StringNotEquals: { 'kms:ViaService': S3 } },
  { StringEquals: { 'kms:CallerAccount': KEY_ACCOUNT } },
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } },
  { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/a*` } },
  { StringEquals: { 'aws:username': 'ops' } },
  { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
);
const withCondition = <T extends object>(stmt: T, c: Record<string, unknown> | undefined) => (c ? { ...stmt, Condition: c } : stmt);

const iamStatement = fc
  .record({ effect: fc.constantFrom('Allow', 'Allow', 'Deny'), action: actionElement, resource: fc.constantFrom<Record<string, unknown>>({ Resource: KEY }, { Resource: '*' }, { Resource: `arn:aws:kms:eu-west-1:${KEY_ACCOUNT}:key/*` }, { Resource: `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/*` }, { NotResource: `arn:aws:s3:::*` }), condition })
  .map((s) => withCondition({ Effect: s.effect, ...s.action, ...s.resource }, s.condition));

const keyPrincipal = fc.constantFrom<unknown>(
  { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` },
  { AWS: KEY_ACCOUNT },
  { AWS: `arn:aws:iam::${OTHER}:root` },
  { AWS: arn(KEY_ACCOUNT, 'role', 'app') },
  { AWS: [arn(KEY_ACCOUNT, 'user', 'ops'), arn(OTHER, 'role', 'ci')] },
  '*',
  { AWS: '*' },
);
const keyStatement = fc
  .record({ effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'), principal: keyPrincipal, action: actionElement, condition })
  .map((s) => withCondition({ Effect: s.effect, Principal: s.principal, ...s.action, Resource: '*' }, s.condition));

const inline = fc.array(fc.array(iamStatement, { minLength: 1, maxLength: 3 }), { maxLength: 2 });
const tags = fc.constantFrom<{ Key: string; Value: string }[]>([], [{ Key: 'team', Value: 'blue' }], [{ Key: 'team', Value: 'red' }]);
const principalSpec = fc.record({ users: fc.array(fc.tuple(inline, tags), { minLength: NAMES.length, maxLength: NAMES.length }), roles: fc.array(fc.tuple(inline, tags), { minLength: NAMES.length, maxLength: NAMES.length }) });

type Spec = { users: [object[][], { Key: string; Value: string }[]][]; roles: [object[][], { Key: string; Value: string }[]][] };
const doc = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });

/** An export of one account as get-account-authorization-details prints it: each user and role with its inline policies and tags. */
function exportOf(account: string, spec: Spec): AccountExport {
  const policies = (list: object[][]) => list.map((statements, i) => ({ PolicyName: `p${i}`, PolicyDocument: doc(statements) }));
  const details = {
    UserDetailList: spec.users.map(([list, t], i) => ({ UserName: NAMES[i], Arn: arn(account, 'user', NAMES[i]!), Path: '/', UserPolicyList: policies(list), GroupList: [], AttachedManagedPolicies: [], Tags: t })),
    RoleDetailList: spec.roles.map(([list, t], i) => ({ RoleName: NAMES[i], Arn: arn(account, 'role', NAMES[i]!), Path: '/', RolePolicyList: policies(list), AttachedManagedPolicies: [], Tags: t })),
    GroupDetailList: [],
    Policies: [],
  };
  return readAccountDetails(`${account}.json`, JSON.stringify(details));
}

/** The request context AWS builds for this principal's call, as far as the export tells it. */
function context(p: IamPrincipal): Record<string, string> {
  return { 'aws:PrincipalArn': p.arn, ...(p.kind === 'user' ? { 'aws:username': p.name } : {}), ...Object.fromEntries(Object.entries(p.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])) };
}

describe('who-can agrees with decide() on random key and identity policies (no boundary, SCP, RCP or grant)', () => {
  test('every principal, every action, directly and through S3', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(keyStatement, { minLength: 1, maxLength: 5 }), principalSpec, principalSpec, (keyStatements, mine, theirs) => {
        const keyPolicy = doc(keyStatements);
        const accounts = [exportOf(KEY_ACCOUNT, mine), exportOf(OTHER, theirs)];
        const result = whoCan({ keyArn: KEY, keyPolicy, accounts, actions: ACTIONS });
        for (const account of accounts) {
          for (const p of [...account.users, ...account.roles]) {
            const iamPolicies = identityDocuments(account, p).map((d) => d.document);
            const principal = p.kind === 'role' ? sessionOf(p) : p.arn;
            for (const action of ACTIONS) {
              const entries = result.access.filter((a) => a.principal === p.arn && a.action === action);
              expect(entries.flatMap((a) => a.conditions)).toEqual([]);
              const direct = entries.some((a) => a.via === 'direct');
              // S3 stands for any service when no policy of the request names it.
              const s3Named = JSON.stringify([keyPolicy, iamPolicies]).includes(S3);
              const viaS3 = entries.some((a) => a.via === 'service' && (a.services!.includes(S3) || (!s3Named && a.services!.includes(ANY_OTHER_SERVICE))));
              // Another account's principal can call only some operations, whatever the policies say
              // ("Allowing users in other accounts to use a KMS key", key-policy-modifying-external-accounts.html).
              const possible = account.account === KEY_ACCOUNT || worksAcrossAccounts(action);
              const asked = decide({ principal, action, keyArn: KEY, context: context(p) }, { keyPolicy, iamPolicies }) === 'Allow' && possible;
              const label = `${p.arn} ${action}\nkey policy ${JSON.stringify(keyPolicy)}\nIAM ${JSON.stringify(iamPolicies)}`;
              expect(direct, `direct: ${label}`).toBe(asked);
              if (!asked) {
                const askedS3 = decide({ principal, action, keyArn: KEY, viaService: S3, context: context(p) }, { keyPolicy, iamPolicies }) === 'Allow' && possible;
                expect(viaS3, `via S3: ${label}`).toBe(askedS3);
              }
              compared++;
            }
          }
        }
      }),
      { numRuns: 60, seed: 19 },
    );
    expect(compared).toBe(60 * 2 * 6 * ACTIONS.length);
  }, 120_000);
});
