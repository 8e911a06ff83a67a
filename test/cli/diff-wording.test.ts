import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CONSOLE = join(new URL('../fixtures/current-policy/', import.meta.url).pathname, 'console-default.json');

describe('kms-wizard diff wording (built binary)', () => {
  it('puts each unreadable file on its own line, with no literal \\u000a between them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diffw-'));
    writeFileSync(join(dir, 'a.json'), '{\n');
    writeFileSync(join(dir, 'b.json'), '[1]\n');
    const r = await runCli(['diff', 'a.json', 'b.json', '--key-arn', KEY], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\\u000a');
    expect(r.stderr).toMatch(/a\.json:2:1: .*\nb\.json:1:1: /);
  });

  it('warns loudly, first, when the change makes the key usable by anyone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-diffw-'));
    const after = JSON.parse(readFileSync(CONSOLE, 'utf8'));
    after.Statement.push({ Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' });
    writeFileSync(join(dir, 'after.json'), JSON.stringify(after));
    const r = await runCli(['diff', CONSOLE, 'after.json', '--key-arn', KEY], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('WARNING: this change makes the key usable by anyone');
    expect(lines[2]).toMatch(/statement \d+ "open" makes the key usable by anyone: Principal "\*" is every principal of every AWS account/);
    const json = await runCli(['diff', CONSOLE, 'after.json', '--key-arn', KEY, '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout).warnings[0]).toMatch(/usable by anyone/);
  });
});
