// Arbitraries for evaluator fuzzing (fuzz.test.ts) and for holding its two
// modes to the same answers (decide.test.ts): untrusted JSON of any shape, and
// documents shaped like real key and IAM policies, which apply often enough
// for Allow and ExplicitDeny to be common.
import fc from 'fast-check';
import type { KmsRequest } from '../../../src/core/evaluate/index.js';
import { KEY_ARN } from './fixtures.js';

export const text = fc.oneof(
  fc.string(),
  fc.constantFrom('*', 'kms:*', 'kms:Decrypt', 'kms:Decr?pt', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/app', '111122223333', KEY_ARN,
    'secretsmanager.us-east-1.amazonaws.com', 'arn:aws:kms:*:111122223333:key/*', '${aws:PrincipalAccount}', 'true', '10', '2026-01-01T00:00:00Z', '10.0.0.0/8'),
);
const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.double());
const oneOrMany = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
const operator = fc.oneof(
  fc.string(),
  fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'ForAllValues:StringEquals', 'ForAnyValue:StringNotLike', 'ArnLike', 'Bool', 'Null',
    'NumericLessThan', 'DateGreaterThan', 'IpAddress', 'StringEqualsIfExists', 'BinaryEquals', 'NotIpAddress', 'ForAnyValue:Null'),
);
const key = fc.oneof(fc.string(), fc.constantFrom('kms:ViaService', 'kms:CallerAccount', 'kms:EncryptionContext:tenant', 'kms:EncryptionContextKeys', 'aws:PrincipalArn', 'aws:SourceIp'));
const condition = fc.oneof(fc.dictionary(operator, fc.oneof(fc.dictionary(key, oneOrMany, { maxKeys: 3 }), scalar), { maxKeys: 3 }), scalar);
const principal = fc.oneof(fc.constant('*'), fc.record({ AWS: oneOrMany }), fc.dictionary(fc.constantFrom('AWS', 'Service', 'Foo'), oneOrMany), scalar);
const statement = fc.oneof(
  fc.record(
    { Sid: scalar, Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), scalar), Principal: principal, NotPrincipal: principal, Action: oneOrMany, NotAction: oneOrMany, Resource: oneOrMany, NotResource: oneOrMany, Condition: condition },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
export const documentArb = fc.oneof(
  fc.record({ Version: fc.oneof(fc.constant('2012-10-17'), scalar), Statement: fc.oneof(fc.array(statement, { maxLength: 5 }), statement) }, { requiredKeys: [] }),
  fc.jsonValue(),
);
export const requestArb: fc.Arbitrary<KmsRequest> = fc.record({
  principal: fc.oneof(text, fc.constantFrom('arn:aws:sts::111122223333:assumed-role/app/s', 'arn:aws:iam::444455556666:user/x')),
  action: fc.oneof(text, fc.constantFrom('kms:Decrypt', 'kms:CreateGrant', 'kms:DescribeKey')),
  keyArn: fc.oneof(fc.constant(KEY_ARN), text),
  viaService: fc.option(text, { nil: undefined }),
  encryptionContext: fc.option(fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), { nil: undefined }),
  context: fc.option(fc.dictionary(key, fc.oneof(fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }))), { nil: undefined }),
}, { requiredKeys: ['principal', 'action', 'keyArn'] }) as fc.Arbitrary<KmsRequest>;

const ARNS = ['arn:aws:iam::111122223333:root', '111122223333', 'arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:role/path/app', 'arn:aws:iam::111122223333:user/John',
  'arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:role/app', 'arn:aws:iam::111122223333:role/ap*', 'arn:aws-cn:iam::111122223333:root', '*'];
const SERVICES = ['logs.us-east-1.amazonaws.com', 'cloudtrail.amazonaws.com'];
const someOf = <T>(xs: readonly T[]) => fc.oneof(fc.constantFrom(...xs), fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: 3 }));
const plausiblePrincipal = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: someOf(ARNS) }),
  fc.record({ Service: someOf(SERVICES) }),
  fc.record({ AWS: someOf(ARNS), Service: someOf(SERVICES) }),
);
const plausibleCondition = fc.dictionary(
  fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'StringEqualsIfExists', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'Bool', 'Null', 'ArnLike', 'ArnNotEquals'),
  fc.dictionary(
    fc.constantFrom('kms:ViaService', 'kms:CallerAccount', 'aws:PrincipalArn', 'kms:GrantIsForAWSResource', 'kms:EncryptionContext:tenant', 'aws:SourceAccount', 'aws:PrincipalAccount'),
    someOf(['secretsmanager.us-east-1.amazonaws.com', 's3.*.amazonaws.com', '111122223333', '444455556666', 'true', 'false', 'a', '${aws:PrincipalAccount}', "${aws:PrincipalTag/team, 'a'}",
      'arn:aws:iam::111122223333:role/app', 'arn:aws:iam::*:role/*']),
    { minKeys: 1, maxKeys: 2 },
  ),
  { minKeys: 1, maxKeys: 2 },
);
const plausibleStatement = fc.record(
  {
    Sid: fc.string({ maxLength: 4 }),
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Principal: plausiblePrincipal,
    NotPrincipal: plausiblePrincipal,
    Action: someOf(['kms:*', 'kms:Decrypt', 'kms:Encrypt', 'kms:CreateGrant', 'kms:Describe*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']),
    NotAction: someOf(['kms:Decrypt', 'kms:CreateGrant']),
    Resource: someOf(['*', KEY_ARN, 'arn:aws:kms:*:111122223333:key/*', 'arn:aws:kms:us-east-1:111122223333:alias/app']),
    Condition: plausibleCondition,
  },
  { requiredKeys: ['Sid', 'Effect', 'Resource'] },
).map((s) => {
  // Mostly the shapes real policies have: Principal xor NotPrincipal, Action xor NotAction.
  const out: Record<string, unknown> = { ...s };
  if (out.Principal !== undefined && out.NotPrincipal !== undefined && s.Sid.length % 2 === 0) delete out.NotPrincipal;
  if (out.Action === undefined && out.NotAction === undefined) out.Action = 'kms:*';
  if (out.Action !== undefined && out.NotAction !== undefined && s.Sid.length !== 3) delete out.NotAction;
  return out;
});
export const plausibleKeyPolicy = fc.record({
  Version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17'),
  Statement: fc.array(plausibleStatement.map((s) => (s.Principal === undefined && s.NotPrincipal === undefined ? { ...s, Principal: { AWS: ARNS[0] } } : s)), { minLength: 1, maxLength: 6 }),
});
export const plausibleIamPolicy = fc.record({
  Version: fc.constant('2012-10-17'),
  Statement: fc.array(plausibleStatement.map(({ Principal: _p, NotPrincipal: _n, ...s }) => s), { minLength: 1, maxLength: 3 }),
});
export const plausibleRequest: fc.Arbitrary<KmsRequest> = fc.record(
  {
    principal: fc.constantFrom('arn:aws:sts::111122223333:assumed-role/app/s', 'arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:user/John', '111122223333',
      'arn:aws:iam::444455556666:role/app', 'arn:aws:sts::444455556666:assumed-role/app/x', 'logs.us-east-1.amazonaws.com', 'cloudtrail.amazonaws.com', 'not an arn'),
    action: fc.constantFrom('kms:Decrypt', 'kms:Encrypt', 'kms:CreateGrant', 'kms:DescribeKey', 'kms:ReEncryptFrom'),
    keyArn: fc.constantFrom(KEY_ARN, KEY_ARN, 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    viaService: fc.constantFrom('secretsmanager.us-east-1.amazonaws.com', 's3.us-west-2.amazonaws.com'),
    encryptionContext: fc.constantFrom({ tenant: 'a' }, { tenant: 'b' }),
    context: fc.constantFrom({ 'aws:SourceAccount': '111122223333' }, { 'aws:PrincipalTag/team': 'a' }),
  },
  { requiredKeys: ['principal', 'action', 'keyArn'] },
) as fc.Arbitrary<KmsRequest>;
