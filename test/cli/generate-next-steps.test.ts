// The next steps `generate` prints, as a newcomer runs them (issue 20): no
// file:// for a file never written, no put-key-policy warning for Terraform,
// each service once in the key's description, and `npx kms-wizard` when run
// through npx (npm sets npm_command=exec).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kmsw-steps-'));
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const NEW = ['--new-key', '--account', '111122223333', '--region', 'us-east-1'];

interface Step {
  title: string;
  commands: string[];
}
const stepsOf = (stdout: string) => (JSON.parse(stdout) as { nextSteps: Step[] }).nextSteps;
const allText = (steps: Step[]) => steps.flatMap((s) => [s.title, ...s.commands]).join('\n');

describe('generate next steps', () => {
  it('--stdout: the first step writes the files before any command reads them', async () => {
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout', '--json'], { cwd: tmp() });
    expect(r.code).toBe(0);
    const steps = stepsOf(r.stdout);
    const firstRead = steps.findIndex((s) => s.commands.some((c) => c.includes('file://')));
    expect(steps[0]!.title).toMatch(/^The files were not written/);
    expect(steps[0]!.commands).toEqual([`kms-wizard generate --key-arn ${KEY} --service secretsmanager`]);
    expect(firstRead).toBeGreaterThan(0);
  });

  it('written files: no extra write step', async () => {
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--json'], { cwd: tmp() });
    expect(stepsOf(r.stdout)[0]!.title).not.toMatch(/not written/);
  });

  it('Terraform for an existing key: the save-first step names terraform apply, never put-key-policy', async () => {
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--format', 'terraform', '--json'], { cwd: tmp() });
    const text = allText(stepsOf(r.stdout));
    expect(text).toContain('terraform apply (aws_kms_key_policy) REPLACES the whole key policy');
    expect(text).not.toContain('put-key-policy');
  });

  it('CloudFormation for an existing key: the exact rerun that writes key-policy.json comes before put-key-policy', async () => {
    const r = await runCli(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--format', 'cloudformation', '--out', 'cfn', '--json'], { cwd: tmp() });
    const commands = stepsOf(r.stdout).flatMap((s) => s.commands);
    const rerun = commands.indexOf(`kms-wizard generate --key-arn ${KEY} --service secretsmanager --out cfn`);
    expect(rerun).toBeGreaterThan(-1);
    expect(commands[rerun + 1]).toBe(`aws kms put-key-policy --key-id ${KEY} --policy-name default --policy file://cfn/key-policy.json`);
  });

  it('the create-key description names each service once (logs brings its caller-role ViaService along)', async () => {
    const r = await runCli(['generate', ...NEW, '--service', 'logs', '--service', 'secretsmanager', '--json'], { cwd: tmp() });
    const create = stepsOf(r.stdout)[0]!.commands[0]!;
    expect(create).toContain("--description 'kms-wizard: key usable only through AWS services (logs, secretsmanager)'");
  });

  it('run through npx (npm_command=exec): every kms-wizard command says npx kms-wizard', async () => {
    const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--json'], { cwd: tmp(), env: { npm_command: 'exec' } });
    const commands = stepsOf(r.stdout).flatMap((s) => s.commands).filter((c) => c.includes('kms-wizard generate'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).toMatch(/^npx kms-wizard generate /);
    const plain = await runCli(['generate', ...NEW, '--service', 'secretsmanager', '--json'], { cwd: tmp() });
    for (const c of stepsOf(plain.stdout).flatMap((s) => s.commands).filter((c) => c.includes('kms-wizard generate'))) expect(c).toMatch(/^kms-wizard generate /);
  });

  it('npx: the text output says npx kms-wizard too', async () => {
    const r = await runCli(['generate', ...NEW, '--service', 'secretsmanager'], { cwd: tmp(), env: { npm_command: 'exec' } });
    expect(r.stdout).toContain('$ npx kms-wizard generate --key-arn "$KEY_ARN"');
    expect(r.stdout).not.toMatch(/\$ kms-wizard /);
  });
});
