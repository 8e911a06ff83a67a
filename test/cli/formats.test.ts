// The IaC formats through the real built binary: stable file names, --out
// creating directories, the overwrite refusal, --stdout and --dry-run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ANSWERS = ['--key-arn', KEY, '--service', 'secretsmanager', '--service', 'ebs', '--consumer', '111122223333', '--consumer', '444455556666'];
const FILES: Record<string, string[]> = {
  terraform: ['kms-policy.tf'],
  cloudformation: ['kms-policy.yaml', 'kms-policy-444455556666.yaml'],
  cdk: ['kms-policy.ts'],
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kms-wizard-formats-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.each(Object.entries(FILES))('generate --format %s', (format, names) => {
  it('writes its stable file names into a new --out directory, then refuses to overwrite without --force', async () => {
    const first = await runCli(['generate', ...ANSWERS, '--format', format, '--out', 'infra/kms'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const n of names) expect(existsSync(join(dir, 'infra/kms', n)), n).toBe(true);

    // Someone edits a file; a second run must name the files in the way and leave every byte alone.
    const edited = join(dir, 'infra/kms', names[0]!);
    writeFileSync(edited, 'hand-edited\n');
    const again = await runCli(['generate', ...ANSWERS, '--format', format, '--out', 'infra/kms'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nothing written');
    for (const n of names) expect(again.stderr).toContain(n);
    expect(readFileSync(edited, 'utf8')).toBe('hand-edited\n');

    const forced = await runCli(['generate', ...ANSWERS, '--format', format, '--out', 'infra/kms', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(edited, 'utf8')).not.toBe('hand-edited\n');
  });

  it('--stdout prints the same bytes it would write, and writes nothing', async () => {
    await runCli(['generate', ...ANSWERS, '--format', format], { cwd: dir });
    const printed = await runCli(['generate', ...ANSWERS, '--format', format, '--stdout'], { cwd: dir });
    expect(printed.code).toBe(0);
    const written = names.map((n) => readFileSync(join(dir, n), 'utf8'));
    if (names.length === 1) expect(printed.stdout).toBe(written[0]);
    else for (const [i, n] of names.entries()) expect(printed.stdout).toContain(`// ==> ${n} <==\n${written[i]}`);
  });

  it('--dry-run lists the files and writes none', async () => {
    const r = await runCli(['generate', ...ANSWERS, '--format', format, '--dry-run', '--out', 'x'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const n of names) expect(r.stdout).toContain(n);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

describe('generate --format', () => {
  it('refuses an unknown format with exit 2, naming the formats there are', async () => {
    const r = await runCli(['generate', ...ANSWERS, '--format', 'pulumi'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of json, terraform, cloudformation, cdk, not "pulumi"/);
  });

  it('lists every format in generate --help', async () => {
    const r = await runCli(['generate', '--help']);
    expect(r.stdout).toContain('json | terraform | cloudformation | cdk');
  });
});
