// Hostile text kept from a current policy (`generate --from`) through every
// printed path (issue 22): the generated files printed with --stdout in each
// format, and SARIF. Nothing reaches the terminal raw; what is printed is
// still the same policy (the escapes mean the same characters in each
// format's strings); and a NEL in a kept Sid leaves the CloudFormation YAML
// readable by PyYAML with the Sid intact.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/** OSC 0 retitle, a C1 CSI, a right-to-left override, a word joiner, a tag character, a NEL, a BOM, U+061C, U+2028, a soft hyphen, U+180E, U+3164. */
const HOSTILE = '\u001b]0;pwned\u0007\u009b2K\u202e\u2060\u{E0041}\u0085\ufeff\u061c\u2028\u00ad\u180e\u3164';
const SID = `Keep${HOSTILE}`;
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff]|\udb40[\udc00-\udc7f]/u;

function expectNoRaw(text: string): void {
  const raw = RAW.exec(text);
  expect(raw, raw ? `raw U+${raw[0].codePointAt(0)!.toString(16)} near ${JSON.stringify(text.slice(Math.max(0, raw.index - 30), raw.index + 5))}` : '').toBeNull();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kmsw-untrusted-out-'));
  const key = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: SID, Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ],
  };
  writeFileSync(join(dir, 'key.json'), JSON.stringify(key));
});

const generate = (format: string, ...more: string[]): Promise<CliRun> =>
  runCli(['generate', '--from', join(dir, 'key.json'), '--key-arn', KEY_ARN, '--service', 'secretsmanager', '--format', format, ...more]);

describe('generate --from ... --stdout: the kept statement reaches the terminal escaped, in every format', () => {
  test.each(['json', 'terraform', 'cloudformation', 'cdk'])('%s', async (format) => {
    const r = await generate(format, '--stdout');
    expect(r.code, r.stderr).toBe(0);
    expectNoRaw(r.stdout + r.stderr);
    expect(r.stdout).toContain('Keep\\u001b]0;pwned\\u0007\\u009b2K\\u202e\\u2060\\udb40\\udc41\\u0085');
  });

  test('json: what is printed is still JSON, with the Sid as it was', async () => {
    const r = await generate('json', '--stdout');
    const first = r.stdout.split(/^\/\/ ==> .* <==$/m).find((part) => part.includes('Keep'))!;
    const doc = JSON.parse(first) as { Statement: { Sid?: string }[] };
    expect(doc.Statement.map((s) => s.Sid)).toContain(SID);
  });
});

describe.runIf(spawnSync('python3', ['-c', 'import yaml']).status === 0)('CloudFormation YAML with a NEL, LS or BOM in a kept Sid', () => {
  test('PyYAML reads the written template, and the Sid is the one kept', async () => {
    const out = join(dir, 'cfn');
    const r = await generate('cloudformation', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const script = `import json, sys, yaml
class L(yaml.SafeLoader): pass
L.add_multi_constructor('!', lambda loader, suffix, node: None)
doc = yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=L)
sids = [s.get('Sid') for s in doc['Resources']['Key']['Properties']['KeyPolicy']['Statement']]
print(json.dumps(sids))`;
    const read = spawnSync('python3', ['-c', script, join(out, 'kms-policy.yaml')], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toContain(SID);
    expectNoRaw(readFileSync(join(out, 'kms-policy.yaml'), 'utf8'));
  });
});

describe('SARIF: C1 and bidi controls escaped, still valid JSON with the values as read', () => {
  test('lint --format sarif', async () => {
    const r = await runCli(['lint', '--format', 'sarif', join(dir, 'key.json')]);
    expectNoRaw(r.stdout);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('--json: C1, bidi and invisible characters escaped, still valid JSON with the values as read', () => {
  test('lint --json', async () => {
    // An unknown action is quoted in its finding's message.
    const file = join(dir, 'iam.json');
    writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `kms:Decrypt${HOSTILE}`, Resource: '*' }] }));
    const r = await runCli(['lint', '--json', file]);
    expectNoRaw(r.stdout);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain(JSON.stringify(`kms:Decrypt${HOSTILE}`).slice(1, -1));
  });

  test('generate --from ... --json', async () => {
    const r = await generate('json', '--json', '--stdout');
    expect(r.code, r.stderr).toBe(0);
    expectNoRaw(r.stdout);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
