// Run through npx (npm sets npm_command=exec), kms-wizard is not on PATH, so every command the
// tool prints for the user to run says `npx kms-wizard` (issue 20): help, usage errors, the
// lesson list. The "kms-wizard lint:" labels that say who speaks stay as they are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, WIZARD } from '../../src/cli/commands-table.js';
import { runCli } from '../helpers/cli.js';

const NPX = { npm_command: 'exec' };

const NAMES = [WIZARD, ...COMMANDS].map((c) => c.name).join('|');
/** `kms-wizard` written without npx as a command: before a command name, a flag, `[flags]` or `<command>` (not a "kms-wizard lint:" label or the kms-wizard config directory). */
const BARE = new RegExp(`(?<!npx )(?<![\\w/-])kms-wizard (?:(?:${NAMES})\\b(?!:)|--?[a-z]|\\[|<)`, 'g');
const bareCommands = (text: string) => [...text.matchAll(BARE)].map((m) => m[0]);

describe('under npx every printed command says npx kms-wizard', () => {
  it.each(['--help', ...[WIZARD, ...COMMANDS].map((c) => c.name)])('%s --help', async (name) => {
    const args = name === '--help' ? ['--help'] : [name, '--help'];
    const npx = await runCli(args, { env: NPX });
    expect(npx.code).toBe(0);
    expect(npx.stdout).toContain('npx kms-wizard ');
    expect(bareCommands(npx.stdout)).toEqual([]);
    const plain = await runCli(args);
    expect(bareCommands(plain.stdout).length).toBeGreaterThan(0);
  });

  it('the top help keeps its columns with the longer name', async () => {
    const r = await runCli(['--help'], { env: NPX });
    const lines = r.stdout.split('\n');
    const usage = lines.find((l) => l.startsWith('  npx kms-wizard [flags]'))!;
    const next = lines[lines.indexOf(usage) + 1]!;
    expect(usage.indexOf('interactive wizard')).toBe(next.indexOf('npx kms-wizard wizard --help'));
  });

  it('usage errors and unknown commands: the hint to run says npx, the label does not', async () => {
    const missing = await runCli(['generate', '--key-arn', 'x'], { env: NPX });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kms-wizard generate: /);
    expect(missing.stderr).toContain('Run "npx kms-wizard generate --help" for usage.');
    const shell = await runCli(['completion'], { env: NPX });
    expect(shell.stderr).toContain('name the shell: npx kms-wizard completion bash|zsh|fish');
    const unknown = await runCli(['genrate'], { env: NPX });
    expect(unknown.stderr).toContain('Run "npx kms-wizard --help" for usage.');
    expect(bareCommands(missing.stderr + shell.stderr + unknown.stderr)).toEqual([]);
  });

  it('lint text: a finding that suggests a generate command says npx kms-wizard; --json keeps the rule\'s words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-npx-'));
    // KW409: EBS never calls KMS as ec2.amazonaws.com; the fix names kms-wizard generate --service ebs.
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Ec2', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' },
      ],
    };
    writeFileSync(join(dir, 'key-policy.json'), JSON.stringify(policy));
    const text = await runCli(['lint', 'key-policy.json'], { cwd: dir, env: NPX });
    expect(text.stdout).toContain('KW409');
    expect(text.stdout).toContain('(npx kms-wizard generate --service ebs)');
    expect(bareCommands(text.stdout)).toEqual([]);
    const plain = await runCli(['lint', 'key-policy.json'], { cwd: dir });
    expect(plain.stdout).toContain('(kms-wizard generate --service ebs)');
    // Machine-read output is the same whoever runs it.
    const json = await runCli(['lint', 'key-policy.json', '--json'], { cwd: dir, env: NPX });
    expect(json.stdout).toContain('(kms-wizard generate --service ebs)');
    expect(json.stdout).not.toContain('npx kms-wizard');
  });

  it('learn: the list and its errors name npx kms-wizard learn', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kmsw-npx-'));
    const env = { ...NPX, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const list = await runCli(['learn', '--list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Open one with npx kms-wizard learn <id or number>, or pick from the menu with npx kms-wizard learn.');
    const unknown = await runCli(['learn', 'nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('npx kms-wizard learn --list shows them');
    expect(bareCommands(list.stdout + unknown.stderr)).toEqual([]);
  });
});
