// The Secrets Manager example as it circulates (element-name
// typos, an unneeded Encrypt) and its corrected version.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lintFiles } from '../../../src/core/lint/index.js';

const fixture = (name: string) => ({ name, text: readFileSync(new URL(`../../fixtures/lint/${name}`, import.meta.url), 'utf8') });
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('the classic Secrets Manager example', () => {
  test('as it circulates: Pricipal and Actions are errors with the right suggestion, in both files', () => {
    const [key, iam] = lintFiles([fixture('classic-key-policy.json'), fixture('classic-iam-policy.json')], { keyArn: KEY_ARN });
    expect(key!.kind).toBe('key');
    expect(iam!.kind).toBe('iam');
    const typos = (f: typeof key) => f!.findings.filter((x) => x.code === 'KW101').map((x) => [x.pointer, x.severity, /did you mean "(\w+)"/.exec(x.message)?.[1]]);
    expect(typos(key)).toEqual([
      ['/Statement/1/Pricipal', 'error', 'Principal'],
      ['/Statement/1/Actions', 'error', 'Action'],
    ]);
    expect(typos(iam)).toEqual([['/Statement/0/Actions', 'error', 'Action']]);
  });

  test('as it circulates: Encrypt (never used by Secrets Manager) is pointed out, but only as info', () => {
    const [key] = lintFiles([fixture('classic-key-policy.json')]);
    const encrypt = key!.findings.filter((f) => f.pointer === '/Statement/1/Actions/0');
    expect(encrypt.map((f) => [f.code, f.severity])).toEqual([['KW203', 'info']]);
    expect(encrypt[0]!.message).toContain('kms:Encrypt');
  });

  test('corrected (Principal, Action, no Encrypt, exact GenerateDataKey) lints clean, with the IAM policy and the key ARN', () => {
    const results = lintFiles([fixture('corrected-key-policy.json'), fixture('corrected-iam-policy.json')], { keyArn: KEY_ARN });
    expect(results.flatMap((r) => r.findings)).toEqual([]);
  });

  test('the console default beside a "*" ViaService statement: bypass warning plus the "no IAM needed" note', () => {
    const [key] = lintFiles([fixture('console-default-bypass.json')]);
    expect(key!.findings.map((f) => [f.code, f.pointer])).toEqual([
      ['KW602', '/Statement/0'],
      ['KW403', '/Statement/1/Principal'],
    ]);
    expect(key!.findings[0]!.hint).toMatch(/key-administrator statement.*Deny.*StringNotEquals.*every IAM policy/s);
  });
});
