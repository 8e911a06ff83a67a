// `generate --new-key` through the built binary: a key that does not exist
// yet gets its key policy (and, in the IaC formats, the key itself), never a
// made-up ARN; and for an existing key the next steps save its current policy
// first, because put-key-policy replaces all of it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/core/build.js';
import { serializePolicy } from '../../src/core/policy.js';
import { runCli } from '../helpers/cli.js';
import { CONCRETE_KEY_ARN } from '../unit/formats/specs.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-newkey-'));
const NEW = ['--new-key', '--account', '111122223333', '--region', 'us-east-1'];
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

interface Report {
  keyArn: string | null;
  newKey: { account: string; region: string; partition: string; multiRegion: boolean; keySpec: string; keyUsage: string; rotation: unknown } | null;
  keyPolicy: unknown;
  iamPolicies: unknown[];
  iamPoliciesPending: { account: string; fileName: string }[];
  files: { name: string; written: boolean }[];
  nextSteps: { title: string; commands: string[] }[];
}

describe('generate --new-key (built binary)', () => {
  it('json: writes key-policy.json only, equal to build(), and says plainly it is for a new key', async () => {
    const dir = tmp();
    const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--consumer', '444455556666'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['key-policy.json']);
    const expected = build({ newKey: { account: '111122223333', region: 'us-east-1', multiRegion: false }, admins: [], consumers: ['444455556666'], access: 'iam', services: ['secretsmanager'], regions: ['us-east-1'] });
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe(serializePolicy(expected.keyPolicy));
    expect(r.stdout).toContain('This is the key policy for a NEW key (account 111122223333, Region us-east-1)');
    expect(r.stdout).toContain('No IAM policy file yet (iam-policy-444455556666.json)');
    expect(r.stdout).not.toContain('put-key-policy');
  });

  it('json: the first step creates the key with the policy in one call; then the exact rerun with --key-arn', async () => {
    const dir = tmp();
    const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--admin', 'arn:aws:iam::111122223333:role/Admin', '--out', 'p', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // A named administrator: KMS's lockout check accepts the policy only from it, so step 1 says who runs the rest.
    const [who, create, rerun] = report.nextSteps;
    expect(who!.commands).toContain('aws configure set profile.kms-key-admin.role_arn arn:aws:iam::111122223333:role/Admin');
    expect(create!.commands[0]).toBe(
      "KEY_ARN=$(aws kms create-key --region us-east-1 --policy file://p/key-policy.json --description 'kms-wizard: key usable only through AWS services (secretsmanager)' --query KeyMetadata.Arn --output text)",
    );
    // key-policy.json is the new key's current policy (issue 20): the rerun reads it with --from, nothing to save first.
    expect(rerun!.title).toContain("p/key-policy.json is the key's current policy");
    expect(rerun!.commands).toEqual(['kms-wizard generate --key-arn "$KEY_ARN" --from p/key-policy.json --admin arn:aws:iam::111122223333:role/Admin --service secretsmanager --out p --force']);
    expect(report.nextSteps.map((s) => s.commands.join('\n')).join('\n')).not.toContain('put-key-policy');
  });

  it('--json: keyArn null, a newKey object, no IAM policy written but the pending ones named, the files', async () => {
    const dir = tmp();
    const r = await runCli(['generate', ...NEW, '--region', 'eu-west-1', '--multi-region', '--service', 's3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.keyArn).toBeNull();
    expect(report.newKey).toEqual({ account: '111122223333', region: 'us-east-1', partition: 'aws', multiRegion: true, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', rotation: { enabled: true } });
    expect(report.iamPolicies).toEqual([]);
    expect(report.iamPoliciesPending.map((p) => p.fileName)).toEqual(['iam-policy.json']);
    expect(report.files.map((f) => [f.name, f.written])).toEqual([['key-policy.json', true]]);
    // A multi-Region key: created as one, and its replica gets the same policy.
    const commands = report.nextSteps.flatMap((s) => s.commands);
    expect(commands[0]).toContain(' --multi-region ');
    expect(commands).toContain('aws kms replicate-key --region us-east-1 --key-id "$KEY_ARN" --replica-region eu-west-1 --policy file://key-policy.json');
    expect(commands).toContain('kms-wizard generate --key-arn "$KEY_ARN" --from key-policy.json --service s3 --region eu-west-1 --region us-east-1 --force');
  });

  it('the rerun it prints, once the key exists, writes the IAM policy and the same key policy bytes', async () => {
    const dir = tmp();
    const first = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--json'], { cwd: dir });
    const rerun = (JSON.parse(first.stdout) as Report).nextSteps[1]!.commands[0]!;
    const before = readFileSync(join(dir, 'key-policy.json'), 'utf8');
    const args = rerun.replace('kms-wizard ', '').replace('"$KEY_ARN"', KEY).split(' ');
    const second = await runCli(args, { cwd: dir });
    expect(second.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
    expect(readFileSync(join(dir, 'key-policy.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'iam-policy.json'), 'utf8')).Statement[0].Resource).toBe(KEY);
  });

  it.each(['json', 'terraform', 'cloudformation', 'cdk'])('%s: no written file holds a key ARN (single- and multi-Region, cross-account)', async (format) => {
    for (const extra of [[], ['--region', 'us-west-2', '--multi-region']]) {
      const dir = tmp();
      const r = await runCli(['generate', ...NEW, ...extra, '--service', 'secretsmanager', '--consumer', '111122223333', '--consumer', '444455556666', '--format', format], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const files = readdirSync(dir);
      expect(files.length).toBe(1); // the key's own file: nothing for the other account before the ARN exists (Terraform: in the same file)
      for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(CONCRETE_KEY_ARN);
      expect(r.stdout).toMatch(/NEW key \(account 111122223333, Region us-east-1/);
    }
  });

  it('terraform: the file creates the key; the steps read its ARN from the output', async () => {
    const dir = tmp();
    const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--format', 'terraform'], { cwd: dir });
    expect(r.code).toBe(0);
    const tf = readFileSync(join(dir, 'kms-policy.tf'), 'utf8');
    expect(tf).toContain('resource "aws_kms_key" "this" {');
    expect(tf).toContain('Resource = aws_kms_key.this.arn');
    expect(tf).not.toContain('aws_kms_key_policy');
    expect(r.stdout).toContain('KEY_ARN=$(terraform -chdir=. output -raw key_arn)');
  });

  it('cloudformation and cdk: other accounts\' IAM policies come from a rerun with --key-arn into a directory of its own', async () => {
    for (const [format, part] of [['cloudformation', 'kms-policy-444455556666.yaml'], ['cdk', 'KmsIamPolicy444455556666']] as const) {
      const dir = tmp();
      const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--consumer', '444455556666', '--format', format, '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      const steps = (JSON.parse(r.stdout) as Report).nextSteps;
      const rerun = steps.find((s) => s.title.includes('other accounts'))!;
      expect(rerun.title).toContain(part);
      expect(rerun.commands).toEqual([`kms-wizard generate --key-arn "$KEY_ARN" --consumer 444455556666 --service secretsmanager --format ${format} --out with-key-arn`]);
    }
  });

  it.each<[string, string[], RegExp]>([
    ['no --account', ['--new-key', '--region', 'us-east-1'], /--account: a new key needs the account it will be created in\n\s+fix: Give --account/],
    ['no --region', ['--new-key', '--account', '111122223333'], /--region: a new key needs the Region it will be created in\n\s+fix: Give --region/],
    ['a short account', ['--new-key', '--account', '11112222333', '--region', 'us-east-1'], /--account "11112222333": "11112222333" is not a 12-digit AWS account id \(it has 11 digits\)/],
    ['a misspelt Region', ['--new-key', '--account', '111122223333', '--region', 'us-eats-1'], /--region "us-eats-1": unknown Region "us-eats-1"\n\s+fix: Did you mean us-east-1\?/],
    ['--new-key with --key-arn', ['--new-key', '--key-arn', KEY, '--account', '111122223333', '--region', 'us-east-1'], /--new-key and --key-arn cannot be used together: drop --key-arn .* or drop --new-key/],
    ['--account without --new-key', ['--key-arn', KEY, '--account', '111122223333'], /--account describes a key to create and needs --new-key: .* drop --account/],
    ['--multi-region without --new-key', ['--multi-region'], /--multi-region describes a key to create and needs --new-key \(e\.g\. --new-key --account/],
    ['neither --key-arn nor --new-key', [], /missing --key-arn .*\n.*--new-key --account ID --region REGION/],
  ])('usage error, exit 2, nothing written: %s', async (_, flags, message) => {
    const dir = tmp();
    const r = await runCli(['generate', ...flags, '--service', 'secretsmanager'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an existing key without its current policy: put-key-policy replaces all of it (built binary)', () => {
  it('the first step says so, saves the current policy and shows the rerun with --from (same flags)', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'ebs', '--consumer', '444455556666', '--region', 'us-east-1', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [first, apply] = (JSON.parse(r.stdout) as Report).nextSteps;
    expect(first!.title).toMatch(/^put-key-policy REPLACES the whole key policy/);
    expect(first!.commands).toEqual([
      `aws kms get-key-policy --key-id ${KEY} --policy-name default --query Policy --output text > current-key-policy.json`,
      `kms-wizard generate --key-arn ${KEY} --from current-key-policy.json --consumer 444455556666 --service ec2`,
    ]);
    expect(apply!.commands[0]).toBe(`aws kms put-key-policy --key-id ${KEY} --policy-name default --policy file://key-policy.json`);
  });

  it('text output shows it as step 1, before put-key-policy', async () => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager'], { cwd: dir });
    expect(r.code).toBe(0);
    const steps = r.stdout.slice(r.stdout.indexOf('Next steps:'));
    expect(steps).toMatch(/1\. put-key-policy REPLACES the whole key policy[^\n]*\n\s+\$ aws kms get-key-policy [^\n]* > current-key-policy.json\n\s+\$ kms-wizard generate --key-arn \S+ --from current-key-policy.json --service secretsmanager\n\s+2\. Apply the key policy/);
  });

  it.each(['terraform', 'cloudformation', 'cdk'])('%s: the IaC steps start by saving the current policy too', async (format) => {
    const dir = tmp();
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--format', format, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [first] = (JSON.parse(r.stdout) as Report).nextSteps;
    expect(first!.commands[0]).toBe(`aws kms get-key-policy --key-id ${KEY} --policy-name default --query Policy --output text > current-key-policy.json`);
    expect(first!.commands[1]).toBe(`kms-wizard generate --key-arn ${KEY} --from current-key-policy.json --service secretsmanager --format ${format}`);
  });
});
