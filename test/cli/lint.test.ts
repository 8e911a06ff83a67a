// kms-wizard lint through the real built binary (KMS_WIZARD_BIN for a private build).
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIX = 'test/fixtures/lint';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ESC = '\u001B[';

describe('kms-wizard lint: text output and exit codes', () => {
  test('the circulating example: file:line:col  severity  CODE  message, a summary, exit 1', async () => {
    const r = await runCli(['lint', `${FIX}/classic-key-policy.json`, `${FIX}/classic-iam-policy.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^test\/fixtures\/lint\/classic-key-policy\.json:16:7 +error +KW101 +"Pricipal" is not a statement element; did you mean "Principal"\?/m);
    expect(r.stdout).toMatch(/^test\/fixtures\/lint\/classic-iam-policy\.json:6:7 +error +KW101 +"Actions" .*did you mean "Action"\?/m);
    expect(r.stdout).toMatch(/classic-key-policy\.json:\d+:\d+ +info +KW203 .*kms:Encrypt/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Found 3 errors, 0 warnings, 1 info in 2 files.');
    expect(r.stdout).not.toContain(ESC);
  });

  test('the corrected example with --key-arn: no problems, exit 0', async () => {
    const r = await runCli(['lint', '--key-arn', KEY_ARN, `${FIX}/corrected-key-policy.json`, `${FIX}/corrected-iam-policy.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('corrected-key-policy.json: no problems (key policy)');
    expect(r.stdout).toContain('corrected-iam-policy.json: no problems (IAM policy)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No problems found in 2 files.');
  });

  test('warnings exit 0, or 1 with --strict', async () => {
    const plain = await runCli(['lint', `${FIX}/for-any-value-via-service.json`]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/warning +KW310 +/);
    const strict = await runCli(['lint', '--strict', `${FIX}/for-any-value-via-service.json`]);
    expect(strict.code).toBe(1);
  });

  // "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html: the default root kms:* statement silently defeats the ViaService restriction.
  test('the console default beside a ViaService statement is an error, with the three fixes', async () => {
    const r = await runCli(['lint', `${FIX}/console-default-bypass.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error +KW602/);
    expect(r.stdout).toMatch(/^ +hint: Fix it one of three ways/m);
  });

  test('invalid JSON: a KW001 at the syntax error, exit 1', async () => {
    const r = await runCli(['lint', `${FIX}/trailing-comma.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/trailing-comma\.json:4:49 +error +KW001 +Invalid JSON: trailing comma/);
  });

  test('colour only when asked for (FORCE_COLOR) and never with NO_COLOR', async () => {
    const colored = await runCli(['lint', `${FIX}/classic-iam-policy.json`], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain(`${ESC}31m`);
    const none = await runCli(['lint', `${FIX}/classic-iam-policy.json`], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(none.stdout).not.toContain(ESC);
  });

  test('--type forces the kind; --key-arn checks IAM resources against the key', async () => {
    const forced = await runCli(['lint', '--type', 'key', `${FIX}/corrected-iam-policy.json`]);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(/error +KW105/);
    const other = await runCli(['lint', '--key-arn', KEY_ARN.replace('1234abcd-12ab', 'ffffffff-12ab'), `${FIX}/corrected-iam-policy.json`]);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/error +KW701/);
  });
});

describe('kms-wizard lint: machine formats', () => {
  test('--json: per file, findings with code, severity, message, line, column, pointer; a summary', async () => {
    const r = await runCli(['lint', '--json', `${FIX}/classic-key-policy.json`, `${FIX}/corrected-iam-policy.json`]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string; kind: string }) => [f.file, f.kind])).toEqual([
      [`${FIX}/classic-key-policy.json`, 'key'],
      [`${FIX}/corrected-iam-policy.json`, 'iam'],
    ]);
    expect(out.files[0].findings[0]).toEqual({
      code: 'KW101',
      severity: 'error',
      message: expect.stringContaining('"Pricipal"'),
      line: 16,
      column: 7,
      pointer: '/Statement/1/Pricipal',
    });
    expect(out.files[1].findings).toEqual([]);
    expect(out.summary).toEqual({ files: 2, errors: 2, warnings: 0, infos: 1 });
  });

  test('--format json equals --json; --format sarif is SARIF 2.1.0', async () => {
    const a = await runCli(['lint', '--json', `${FIX}/classic-iam-policy.json`]);
    const b = await runCli(['lint', '--format', 'json', `${FIX}/classic-iam-policy.json`]);
    expect(b.stdout).toBe(a.stdout);
    const s = await runCli(['lint', '--format', 'sarif', `${FIX}/classic-iam-policy.json`]);
    expect(s.code).toBe(1);
    const log = JSON.parse(s.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('kms-wizard');
    expect(log.runs[0].results[0]).toMatchObject({
      ruleId: 'KW101',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: `${FIX}/classic-iam-policy.json`, uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 7 } } }],
    });
  });
});

describe('kms-wizard lint: inputs', () => {
  test('- reads standard input', async () => {
    const r = await runCli(['lint', '-', '--json'], { input: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "alias/app"}]}' });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files[0].file).toBe('<stdin>');
    expect(out.files[0].findings.map((f: { code: string }) => f.code)).toEqual(['KW502']);
  });

  test('a missing file or a directory: exit 2, naming it, no stack trace', async () => {
    const r = await runCli(['lint', `${FIX}/corrected-key-policy.json`, 'no/such/policy.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kms-wizard lint: cannot read no/such/policy.json: no such file\n');
    expect(r.stdout).toBe('');
    const dir = await runCli(['lint', FIX]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain(`cannot read ${FIX}: it is a directory`);
  });

  test('binary junk and non-object JSON: findings, exit 1, never a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-lint-'));
    writeFileSync(join(dir, 'junk.bin'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    writeFileSync(join(dir, 'list.json'), '[1, 2, 3]');
    writeFileSync(join(dir, 'empty.json'), '');
    const r = await runCli(['lint', 'junk.bin', 'list.json', 'empty.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/junk\.bin:\d+:\d+ +error +KW001/);
    expect(r.stdout).toMatch(/list\.json:1:1 +error +KW002/);
    expect(r.stdout).toMatch(/empty\.json:1:1 +error +KW001 +Invalid JSON: the file is empty/);
  });
  test('a huge file is refused without being read (exit 2); a large one gets KW003', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-lint-'));
    writeFileSync(join(dir, 'huge.json'), '');
    truncateSync(join(dir, 'huge.json'), 65 * 1024 * 1024); // sparse: no disk used
    const huge = await runCli(['lint', 'huge.json'], { cwd: dir });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/cannot read huge\.json: it is 68,157,440 bytes, over the 67,108,864-byte input limit \(raise it with KMS_WIZARD_MAX_INPUT_BYTES=BYTES\)/);
    writeFileSync(join(dir, 'large.json'), `[${'0,'.repeat(100_000)}0]`);
    const large = await runCli(['lint', 'large.json'], { cwd: dir });
    expect(large.code).toBe(1);
    expect(large.stdout).toMatch(/large\.json:1:1 +error +KW003/);
  });
});

describe('kms-wizard lint: usage errors exit 2', () => {
  test.each([
    [['lint'], 'give at least one policy FILE'],
    [['lint', '--type', 'kye', 'x.json'], '--type must be "key" or "iam", not "kye" (did you mean key?)'],
    [['lint', '--format', 'sarf', 'x.json'], '(did you mean sarif?)'],
    [['lint', '--json', '--format', 'sarif', 'x.json'], 'contradict'],
    [['lint', '--key-arn', 'alias/app', 'x.json'], '--key-arn: "alias/app" is an alias name'],
    [['lint', '--stirct', 'x.json'], 'unknown option --stirct (did you mean --strict?)'],
    [['lint', '-', '-'], 'only once'],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help prints the usage, exit 0', async () => {
    const r = await runCli(['lint', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kms-wizard lint FILE...');
    expect(r.stdout).toContain('--format FORMAT');
  });
});
