// Keys the generated steps create rotate automatically (issue 18): create-key
// + enable-key-rotation, Terraform enable_key_rotation, CloudFormation
// EnableKeyRotation, CDK enableKeyRotation, each with the period when set
// (EnableKeyRotation RotationPeriodInDays, 90-2560); a key that cannot rotate
// (Route 53 DNSSEC's ECC_NIST_P256 key) says so instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-rotation-'));
const NEW = ['--new-key', '--account', '111122223333', '--region', 'us-east-1'];

async function out(args: string[]) {
  const r = await runCli(['generate', ...NEW, ...args, '--stdout'], { cwd: tmp() });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
async function steps(args: string[]) {
  const r = await runCli(['generate', ...NEW, ...args, '--json'], { cwd: tmp() });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { nextSteps: { title: string; commands: string[] }[] }).nextSteps;
}

describe('automatic rotation of a new key', () => {
  it('json: create-key is followed by enable-key-rotation on the new key (the period when given)', async () => {
    const [create] = await steps(['--service', 'secretsmanager']);
    expect(create!.commands[1]).toBe('aws kms enable-key-rotation --region us-east-1 --key-id "$KEY_ARN"');
    const [withPeriod] = await steps(['--service', 'secretsmanager', '--rotation-period', '180']);
    expect(withPeriod!.commands[1]).toBe('aws kms enable-key-rotation --region us-east-1 --key-id "$KEY_ARN" --rotation-period-in-days 180');
  });

  it('json: --no-rotation leaves it off and says so', async () => {
    const s = await steps(['--service', 'secretsmanager', '--no-rotation']);
    expect(s.flatMap((x) => x.commands).join('\n')).not.toContain('enable-key-rotation');
    expect(s[0]!.title).toContain('Automatic rotation is off (--no-rotation)');
  });

  it('terraform, cloudformation, cdk: rotation on, with the period', async () => {
    expect(await out(['--service', 's3', '--format', 'terraform', '--rotation-period', '730'])).toMatch(/enable_key_rotation\s+= true\n\s+rotation_period_in_days = 730\n/);
    expect(await out(['--service', 's3', '--format', 'cloudformation', '--rotation-period', '730'])).toMatch(/EnableKeyRotation: true\n\s+RotationPeriodInDays: 730\n/);
    const cdk = await out(['--service', 's3', '--format', 'cdk', '--rotation-period', '730']);
    expect(cdk).toMatch(/enableKeyRotation: true,\n\s+rotationPeriod: Duration\.days\(730\),/);
    expect(cdk).toContain("import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';");
    expect(await out(['--service', 's3', '--format', 'terraform'])).toMatch(/enable_key_rotation = true\n/);
  });

  it('an existing key\'s CloudFormation template: the optional new key (CreateKey=true) rotates too', async () => {
    const r = await runCli(['generate', '--key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', '--service', 's3', '--format', 'cloudformation', '--stdout'], { cwd: tmp() });
    expect(r.stdout).toContain('EnableKeyRotation: true');
  });

  it('Route 53 DNSSEC: an ECC_NIST_P256 SIGN_VERIFY key, no rotation emitted, and the output says why', async () => {
    const [create] = await steps(['--service', 'route53-dnssec']);
    expect(create!.commands[0]).toContain(' --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY ');
    expect(create!.commands.join('\n')).not.toContain('enable-key-rotation');
    expect(create!.title).toContain('cannot rotate automatically');
    for (const format of ['terraform', 'cloudformation', 'cdk']) {
      const text = await out(['--service', 'route53-dnssec', '--format', format]);
      expect(text, format).not.toMatch(/enable_key_rotation|EnableKeyRotation|enableKeyRotation/);
      expect(text, format).toMatch(/customer_master_key_spec += "ECC_NIST_P256"|KeySpec: ECC_NIST_P256|kms\.KeySpec\.ECC_NIST_P256/);
      expect(text, format).toMatch(/cannot\s+(?:#|\/\/)?\s*rotate\s+(?:#|\/\/)?\s*automatically/);
    }
  });

  it.each([
    [['--rotation-period', '30'], /from 90 to 2560/],
    [['--rotation-period', 'yearly'], /whole number of days/],
    [['--no-rotation', '--rotation-period', '365'], /--no-rotation turns rotation off/],
  ])('bad %j: exit 2 with the fix', async (args, message) => {
    const r = await runCli(['generate', ...NEW, '--service', 's3', ...args], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--no-rotation for an existing key is a usage error (it describes a key to create)', async () => {
    const r = await runCli(['generate', '--key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', '--service', 's3', '--no-rotation'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--no-rotation describes a key to create');
  });
});
