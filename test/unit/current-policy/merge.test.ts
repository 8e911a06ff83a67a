import { describe, expect, it } from 'vitest';
import { fromCurrentPolicy, newLintErrors } from '../../../src/core/current-policy/index.js';
import { serializePolicy } from '../../../src/core/policy.js';
import { buildFor, current, fatesOf, fixtureText } from './helpers.js';

function once(name: string, text: string) {
  const policy = current(name, text);
  const fates = fatesOf(policy);
  const r = fromCurrentPolicy(buildFor(fates), policy, fates);
  if (!r.ok) throw new Error(r.error.join());
  return r.value;
}

describe('merging the generated statements with the kept ones', () => {
  it('puts the generated statements first, then the kept statements unchanged and in their original order', () => {
    const text = fixtureText('logs-deny-cross-account.json');
    const input = JSON.parse(text) as { Id: string; Statement: unknown[] };
    const out = once('logs-deny-cross-account.json', text).result.keyPolicy;
    expect(out.Id).toBe(input.Id);
    expect(out.Statement.map((s) => s.Sid)).toEqual(['KeyAdministrators', 'AllowUseThroughServices', 'AllowCloudWatchLogs', 'DenyOutsideOrganization', 'BackupAccountDecrypt', undefined]);
    // Kept byte for byte in content: same members, same order, same values.
    expect(JSON.stringify(out.Statement.slice(2))).toBe(JSON.stringify(input.Statement.slice(1)));
  });

  it.each(['console-default.json', 'logs-deny-cross-account.json'])('is idempotent: --from its own output with the same answers gives the same bytes (%s)', (name) => {
    const first = serializePolicy(once(name, fixtureText(name)).result.keyPolicy);
    const second = serializePolicy(once('out.json', first).result.keyPolicy);
    expect(second).toBe(first);
  });

  it.each(['console-default.json', 'logs-deny-cross-account.json'])('adds no lint error the current policy did not have (%s)', (name) => {
    const r = once(name, fixtureText(name));
    expect(newLintErrors(fixtureText(name), serializePolicy(r.result.keyPolicy))).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('newLintErrors reports an error the new text has and the old did not', () => {
    const good = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"}]}';
    const bad = '{"Version":"2012-10-17","Statement":[{"Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"}]}';
    expect(newLintErrors(good, bad).map((f) => f.code).length).toBeGreaterThan(0);
    expect(newLintErrors(bad, bad)).toEqual([]);
  });

  it('warns when the merged policy is over the 32 KB key policy limit', () => {
    const big = { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:SourceVpce': Array.from({ length: 1500 }, (_, i) => `vpce-${String(i).padStart(17, '0')}`) } } };
    const r = once('big.json', JSON.stringify({ Version: '2012-10-17', Statement: [big] }));
    expect(r.result.warnings.map((w) => w.message).join('\n')).toMatch(/merged key policy is \d+ bytes, over KMS's 32768-byte limit/);
  });
});
