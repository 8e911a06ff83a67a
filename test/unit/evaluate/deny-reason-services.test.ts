// A call refused by several statements the same way (one per service, each "only through" its
// own kms:ViaService) names every service in its reason, not only the first (issue 20).
import { expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import { matrixInputFromBuild } from '../../../src/core/evaluate/matrix-from-build.js';
import { accessMatrix } from '../../../src/core/evaluate/matrix.js';
import { evaluate } from '../../../src/core/evaluate/index.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'arn:aws:iam::111122223333:role/app';
const via = (sid: string, action: string[], service: string) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: ROLE },
  Action: action,
  Resource: '*',
  Condition: { StringEquals: { 'kms:ViaService': service } },
});
const keyPolicy = {
  Version: '2012-10-17',
  Statement: [
    via('ThroughEbs', ['kms:Decrypt', 'kms:CreateGrant'], 'ec2.us-east-1.amazonaws.com'),
    via('ThroughSecrets', ['kms:Decrypt', 'kms:GenerateDataKey'], 'secretsmanager.us-east-1.amazonaws.com'),
    via('ThroughS3', ['kms:Decrypt'], 's3.us-east-1.amazonaws.com'),
  ],
};

test('a direct call refused by three "only through" statements names all three services and statements', () => {
  const d = evaluate({ principal: ROLE, action: 'kms:Decrypt', keyArn: KEY_ARN }, { keyPolicy, iamPolicies: [] });
  expect(d.decision).toBe('ImplicitDeny');
  expect(d.summary).toBe(
    `denied: the key policy allows ${ROLE} kms:Decrypt only through ec2.us-east-1.amazonaws.com, secretsmanager.us-east-1.amazonaws.com or s3.us-east-1.amazonaws.com; ` +
      'this call came directly (key policy statements 1 "ThroughEbs", 2 "ThroughSecrets" and 3 "ThroughS3")',
  );
});

test('a statement that does not allow the action is not named: GenerateDataKey is only through Secrets Manager', () => {
  const d = evaluate({ principal: ROLE, action: 'kms:GenerateDataKey', keyArn: KEY_ARN, viaService: 'sqs.us-east-1.amazonaws.com' }, { keyPolicy, iamPolicies: [] });
  expect(d.summary).toBe(
    `denied: the key policy allows ${ROLE} kms:GenerateDataKey only through secretsmanager.us-east-1.amazonaws.com; this call came through sqs.us-east-1.amazonaws.com (key policy statement 2 "ThroughSecrets")`,
  );
});

test("the Review's direct-call row of a generated pair for EBS, Secrets Manager and S3 names every service", () => {
  const result = build({ keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam', services: ['ebs', 'secretsmanager', 's3'], regions: [] });
  const direct = accessMatrix(matrixInputFromBuild(result)).find((r) => r.scenario.endsWith('calling KMS directly'))!;
  for (const service of ['ec2', 'secretsmanager', 's3']) expect(direct.reason).toContain(`${service}.us-east-1.amazonaws.com`);
});

test('many statements refusing the same way: the first four are named, and how many more', () => {
  const many = { Version: '2012-10-17', Statement: Array.from({ length: 40 }, (_, i) => via(`S${i}`, ['kms:Decrypt'], `svc${i}.us-east-1.amazonaws.com`)) };
  const d = evaluate({ principal: ROLE, action: 'kms:Decrypt', keyArn: KEY_ARN }, { keyPolicy: many, iamPolicies: [] });
  expect(d.summary).toMatch(/\(key policy statements 1 "S0", 2 "S1", 3 "S2", 4 "S3" and 36 more\)$/);
});
