// The whole answer for the synthetic organization, exactly: every expected entry present, nothing
// else (org-expected.ts says why each principal gets what it gets).
import { describe, expect, test } from 'vitest';
import { whoCan, type AccessEntry } from '../../../src/core/who-can/index.js';
import { orgInput } from './fixtures.js';
import { EXPECTED_ACCESS, EXPECTED_TAKEOVER } from './org-expected.js';

const line = (a: AccessEntry) =>
  `${a.action.slice('kms:'.length)} ${a.via}${a.services ? ` ${a.services.join('|')}` : ''}${a.grantId ? ` ${a.grantId.slice(0, 6)}` : ''}${a.conditions.length > 0 ? ` if ${a.conditions.join('&')}` : ''}`;

describe('the synthetic organization, every export given', () => {
  const r = whoCan(orgInput());

  test('access: exactly the expected entries, principal by principal', () => {
    const got: Record<string, string[]> = {};
    for (const a of r.access) (got[a.principal] ??= []).push(line(a));
    for (const list of Object.values(got)) list.sort();
    expect(got).toEqual(EXPECTED_ACCESS);
  });

  test('takeover: exactly the expected paths', () => {
    expect(r.takeover.map((t) => `${t.principal} ${t.action}`).sort()).toEqual([...EXPECTED_TAKEOVER].sort());
  });

  test('no principal of an exported account is marked external; the outside ones never appear', () => {
    expect(r.access.filter((a) => a.external)).toEqual([]);
    for (const outside of ['arn:aws:iam::444444444444:role/Partner', 'arn:aws:iam::555555555555:role/Vendor', 'arn:aws:iam::111111111111:role/OrgAdmin']) {
      expect(r.access.filter((a) => a.principal === outside)).toEqual([]);
    }
  });

  test('without the RCP the management account\'s OrgAdmin decrypts, and no SCP is on its path (SCPs do not apply to the management account)', () => {
    const noRcp = whoCan(orgInput(['rcp']));
    const org = noRcp.access.filter((a) => a.principal === 'arn:aws:iam::111111111111:role/OrgAdmin');
    expect(org.map(line)).toEqual(['Decrypt direct']);
    expect(org[0]!.path.some((p) => p.startsWith('SCP'))).toBe(false);
    const auditor = noRcp.access.find((a) => a.principal === 'arn:aws:iam::666666666666:role/Auditor' && a.action === 'kms:Decrypt')!;
    expect(auditor.path.filter((p) => p.startsWith('SCP'))).toHaveLength(3);
  });
});
