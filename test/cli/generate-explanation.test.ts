// generate's explanation through the built binary: services that need
// different actions get their own statements, and the explanation says which
// actions go through which service (EBS's CreateGrant never through Secrets Manager).
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

test('each group of actions is named with its own services', async () => {
  const r = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'secretsmanager', '--service', 'ebs', '--stdout']);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(
    'allow CreateGrant (for AWS resources only), Decrypt, DescribeKey, GenerateDataKeyWithoutPlaintext and ReEncrypt*, only through ec2.us-east-1.amazonaws.com; ' +
      'and Decrypt and GenerateDataKey, only through secretsmanager.us-east-1.amazonaws.com.',
  );
});

test('services that share their actions are still named together', async () => {
  const r = await runCli(['generate', '--key-arn', KEY_ARN, '--service', 'secretsmanager', '--service', 's3', '--stdout']);
  expect(r.stderr).toContain('allow Decrypt and GenerateDataKey, only through s3.us-east-1.amazonaws.com and secretsmanager.us-east-1.amazonaws.com.');
});
