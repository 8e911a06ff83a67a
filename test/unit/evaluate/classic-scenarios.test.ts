// The scenarios people hit with kms:ViaService + kms:CallerAccount
// ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html;
// "Allowing users in other accounts to use a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html), checked against AWS's rules for key
// policies [kms developerguide key-policies: "Without permission from the key
// policy, IAM policies that allow permissions have no effect"] and
// cross-account evaluation [IAM reference_policies_evaluation-logic-cross-account].
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/core/evaluate/index.js';
import { APP_SESSION, fixture, KEY_ARN, policy, request, SECRETS_US_EAST_1 } from './fixtures.js';

const rootVia = fixture('key-policy-root-via-secrets.json');
const starVia = fixture('key-policy-star-via-secrets.json');
const defaultPlusVia = fixture('key-policy-default-plus-via.json');
const john = fixture('iam-john.json');

describe('root principal + ViaService + CallerAccount (IAM delegation)', () => {
  test('allowed through Secrets Manager in us-east-1 when the IAM policy allows it', () => {
    const d = evaluate(request({ viaService: SECRETS_US_EAST_1 }), { keyPolicy: rootVia, iamPolicies: [john] });
    expect(d.decision).toBe('Allow');
    expect(d.summary).toMatch(/AllowUseThroughSecretsManager/);
    expect(d.summary).toMatch(/IAM policy 1 statement 1 "UseTheKey"/);
  });

  test('denied without an IAM policy: the root statement only delegates to IAM', () => {
    const d = evaluate(request({ viaService: SECRETS_US_EAST_1 }), { keyPolicy: rootVia, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/lets IAM policies in account 111122223333 allow kms:Decrypt, but no IAM policy/);
    const stmt = d.keyPolicy.statements[1]!;
    expect(stmt.applies).toBe(true);
    expect(stmt.principalMatch).toBe('account');
  });

  test('denied for a direct call even with the IAM policy, and the summary says why', () => {
    const d = evaluate(request(), { keyPolicy: rootVia, iamPolicies: [john] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toBe(
      'denied: the key policy allows account 111122223333 kms:Decrypt only through secretsmanager.us-east-1.amazonaws.com; this call came directly (key policy statement 2 "AllowUseThroughSecretsManager")',
    );
    const failed = d.keyPolicy.statements[1]!.conditions.find((c) => !c.passed)!;
    expect(failed).toMatchObject({ operator: 'StringEquals', key: 'kms:ViaService', expected: [SECRETS_US_EAST_1], actual: undefined, passed: false });
  });

  test('denied through the same service in another Region', () => {
    const d = evaluate(request({ viaService: 'secretsmanager.us-west-2.amazonaws.com' }), { keyPolicy: rootVia, iamPolicies: [john] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/this call came through secretsmanager\.us-west-2\.amazonaws\.com/);
  });

  test('denied through another service', () => {
    const d = evaluate(request({ viaService: 's3.us-east-1.amazonaws.com' }), { keyPolicy: rootVia, iamPolicies: [john] });
    expect(d.decision).toBe('ImplicitDeny');
  });

  test('denied for an action the key policy does not grant (Encrypt), although IAM would allow kms:*', () => {
    const d = evaluate(request({ action: 'kms:Encrypt', viaService: SECRETS_US_EAST_1 }), {
      keyPolicy: rootVia,
      iamPolicies: [policy({ Effect: 'Allow', Action: 'kms:*', Resource: KEY_ARN })],
    });
    expect(d.decision).toBe('ImplicitDeny');
  });

  test('IAM alone never allows: a key policy that does not name the account denies', () => {
    const keyPolicy = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/KeyAdmin' }, Action: 'kms:*', Resource: '*' });
    const d = evaluate(request(), { keyPolicy, iamPolicies: [policy({ Effect: 'Allow', Action: 'kms:*', Resource: '*' })] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/no key policy statement applies to arn:aws:iam::111122223333:user\/John \(none names it or its account/);
  });
});

describe('"*" principal with the same conditions', () => {
  test('allowed with no IAM policy at all, in the key account', () => {
    const d = evaluate(request({ viaService: SECRETS_US_EAST_1 }), { keyPolicy: starVia, iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    expect(d.keyPolicy.statements[1]!.principalMatch).toBe('anyone');
    expect(d.summary).toMatch(/enough on its own/);
  });

  test('still denied for a direct call', () => {
    expect(evaluate(request(), { keyPolicy: starVia, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('another account is stopped by kms:CallerAccount even when its own IAM allows the key', () => {
    const d = evaluate(request({ principal: 'arn:aws:iam::444455556666:role/other', viaService: SECRETS_US_EAST_1 }), {
      keyPolicy: starVia,
      iamPolicies: [john],
    });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/only to callers in account 111122223333.*the caller is in account 444455556666/);
  });

  test('without kms:CallerAccount another account gets in when its own IAM allows it, and not without', () => {
    const open = policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': SECRETS_US_EAST_1 } } });
    const other = request({ principal: 'arn:aws:iam::444455556666:role/other', viaService: SECRETS_US_EAST_1 });
    expect(evaluate(other, { keyPolicy: open, iamPolicies: [john] }).decision).toBe('Allow');
    const alone = evaluate(other, { keyPolicy: open, iamPolicies: [] });
    expect(alone.decision).toBe('ImplicitDeny');
    expect(alone.crossAccount).toBe(true);
    expect(alone.summary).toMatch(/cross-account use needs both sides/);
  });
});

describe('the default root kms:* statement next to a ViaService-restricted one', () => {
  test('a direct call is allowed: Allow statements are ORed, so the restriction is bypassed', () => {
    const d = evaluate(request(), { keyPolicy: defaultPlusVia, iamPolicies: [john] });
    expect(d.decision).toBe('Allow');
    expect(d.summary).toMatch(/"Enable IAM User Permissions"/);
  });

  test('a principal without an IAM policy is still denied', () => {
    expect(evaluate(request(), { keyPolicy: defaultPlusVia, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });
});

describe('principals named in the key policy', () => {
  const named = policy({ Sid: 'App', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:Decrypt', Resource: '*' });

  test('a session of a named role is allowed with no IAM policy in the same account', () => {
    const d = evaluate(request({ principal: APP_SESSION }), { keyPolicy: named, iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    expect(d.keyPolicy.statements[0]!.principalMatch).toBe('principal');
    expect(d.summary).toMatch(/enough on its own/);
  });

  test('a role with a path still covers its sessions (session ARNs carry no path)', () => {
    const withPath = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/team/app' }, Action: 'kms:Decrypt', Resource: '*' });
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy: withPath, iamPolicies: [] }).decision).toBe('Allow');
  });

  test('a session of another role with the same name in another account is not covered', () => {
    const d = evaluate(request({ principal: 'arn:aws:sts::444455556666:assumed-role/app/x' }), { keyPolicy: named, iamPolicies: [john] });
    expect(d.decision).toBe('ImplicitDeny');
  });

  test('the exact session ARN matches; a different session of the role does not', () => {
    const session = policy({ Effect: 'Allow', Principal: { AWS: APP_SESSION }, Action: 'kms:Decrypt', Resource: '*' });
    expect(evaluate(request({ principal: APP_SESSION }), { keyPolicy: session, iamPolicies: [] }).decision).toBe('Allow');
    expect(evaluate(request({ principal: 'arn:aws:sts::111122223333:assumed-role/app/other' }), { keyPolicy: session, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('an account id in Principal means the account root', () => {
    const byId = policy({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:Decrypt', Resource: '*' });
    const d = evaluate(request(), { keyPolicy: byId, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.keyPolicy.statements[0]!.principalMatch).toBe('account');
    expect(evaluate(request(), { keyPolicy: byId, iamPolicies: [john] }).decision).toBe('Allow');
  });

  test('the account root user itself needs no IAM policy when the key policy names its account', () => {
    const d = evaluate(request({ principal: 'arn:aws:iam::111122223333:root' }), { keyPolicy: fixture('key-policy-default-plus-via.json'), iamPolicies: [] });
    expect(d.decision).toBe('Allow');
    expect(d.summary).toMatch(/root user needs no IAM policy/);
  });

  test('a role is matched as a principal; a user with the same name is not', () => {
    expect(evaluate(request({ principal: 'arn:aws:iam::111122223333:user/app' }), { keyPolicy: named, iamPolicies: [] }).decision).toBe('ImplicitDeny');
  });

  test('a partial wildcard in Principal is literal and never matches (with a note)', () => {
    const wild = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/*' }, Action: 'kms:Decrypt', Resource: '*' });
    const d = evaluate(request({ principal: APP_SESSION }), { keyPolicy: wild, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.keyPolicy.statements[0]!.problems.join()).toMatch(/wildcards inside a Principal/);
  });

  test('service principals never cover an IAM caller', () => {
    const svc = policy({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' });
    expect(evaluate(request(), { keyPolicy: svc, iamPolicies: [john] }).decision).toBe('ImplicitDeny');
  });
});

describe('cross-account: both sides must allow', () => {
  const crossKey = fixture('key-policy-cross-account.json');
  const consumer = 'arn:aws:sts::444455556666:assumed-role/worker/job-1';
  const consumerIam = policy({ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY_ARN });

  test('allowed when the key policy names the account and its IAM policy allows the key ARN', () => {
    const d = evaluate(request({ principal: consumer, viaService: SECRETS_US_EAST_1 }), { keyPolicy: crossKey, iamPolicies: [consumerIam] });
    expect(d.decision).toBe('Allow');
    expect(d.crossAccount).toBe(true);
    expect(d.summary).toMatch(/the caller's own account allows it too/);
  });

  test('denied when the consumer account has no IAM policy (key side only)', () => {
    const d = evaluate(request({ principal: consumer, viaService: SECRETS_US_EAST_1 }), { keyPolicy: crossKey, iamPolicies: [] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/cross-account use needs both sides/);
  });

  test('denied when only the IAM side allows it (the key policy names another account)', () => {
    const d = evaluate(request({ principal: 'arn:aws:iam::777788889999:role/x', viaService: SECRETS_US_EAST_1 }), { keyPolicy: crossKey, iamPolicies: [consumerIam] });
    expect(d.decision).toBe('ImplicitDeny');
  });

  test('a principal named directly from another account still needs its own IAM allow', () => {
    const named = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/worker' }, Action: 'kms:Decrypt', Resource: '*' });
    expect(evaluate(request({ principal: consumer }), { keyPolicy: named, iamPolicies: [] }).decision).toBe('ImplicitDeny');
    expect(evaluate(request({ principal: consumer }), { keyPolicy: named, iamPolicies: [consumerIam] }).decision).toBe('Allow');
  });

  test('a CallerAccount set to the key owner instead of the consumer never matches the consumer', () => {
    const wrong = policy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } },
    });
    const d = evaluate(request({ principal: consumer }), { keyPolicy: wrong, iamPolicies: [consumerIam] });
    expect(d.decision).toBe('ImplicitDeny');
    expect(d.summary).toMatch(/the caller is in account 444455556666/);
  });
});

test('the typo-ridden example as it circulates allows nothing, and the trace says why', () => {
  const d = evaluate(request({ viaService: SECRETS_US_EAST_1 }), { keyPolicy: fixture('key-policy-as-circulated.json'), iamPolicies: [john] });
  expect(d.decision).toBe('ImplicitDeny');
  const problems = d.keyPolicy.statements[0]!.problems.join('\n');
  expect(problems).toMatch(/unknown element "Pricipal" \(did you mean "Principal"\?\)/);
  expect(problems).toMatch(/unknown element "Actions" \(did you mean "Action"\?\)/);
  expect(d.summary).toMatch(/not valid/);
});
