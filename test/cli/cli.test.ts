import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../../src/cli/commands-table.js';

const PKG_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

describe('kms-wizard top level (built binary)', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${PKG_VERSION}\n`);
  });

  it('--help lists every command from the command table', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain('130 cancelled');
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help and --version work', async (name) => {
    const h = await runCli([name, '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain(`kms-wizard ${name}`);
    const v = await runCli([name, '--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${PKG_VERSION}\n`);
  });

  it('an unknown command is a usage error naming the commands', async () => {
    const r = await runCli(['genrate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "genrate"/);
    expect(r.stderr).toContain('generate');
  });

  it('output redirected to files is byte for byte what a pipe gets, stdout and stderr apart (both are written directly)', async () => {
    const { closeSync, mkdtempSync, openSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { CLI_BIN } = await import('../helpers/cli.js');
    const args = ['generate', '--key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', '--service', 'secretsmanager', '--stdout'];
    const piped = await runCli(args);
    const dir = mkdtempSync(join(tmpdir(), 'kmsw-redirect-'));
    const [out, err] = [openSync(join(dir, 'out'), 'w'), openSync(join(dir, 'err'), 'w')];
    const r = spawnSync(process.execPath, [CLI_BIN, ...args], { stdio: ['ignore', out, err], env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
    closeSync(out);
    closeSync(err);
    expect(r.status).toBe(0);
    expect(piped.stdout).toContain('"Version": "2012-10-17"');
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe(piped.stdout);
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe(piped.stderr);
  });

  it('a closed pipe ends output quietly (no EPIPE stack trace)', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI_BIN } = await import('../helpers/cli.js');
    const child = spawn(process.execPath, [CLI_BIN, 'completion', 'bash'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Close the reading end before the child writes, as `| head -0` would.
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js/);
    expect(code).toBe(0);
  });
});
