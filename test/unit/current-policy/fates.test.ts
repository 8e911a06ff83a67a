import { describe, expect, it } from 'vitest';
import { build } from '../../../src/core/build.js';
import { mergeKeyPolicy, statementFates } from '../../../src/core/current-policy/index.js';
import { GENERATED_SID_PATTERNS, isGeneratedSid } from '../../../src/core/generated-sids.js';
import { buildFor, current, fatesOf, key, KEY_ARN } from './helpers.js';

const summary = (name: string) => fatesOf(current(name)).statements.map((f) => [f.sid ?? `#${f.index}`, f.fate]);

describe('statement fates: the console default key policy ("Default key policy", AWS KMS Developer Guide)', () => {
  const fates = fatesOf(current('console-default.json'));

  it('replaces the root kms:* statement, merges the administrators, replaces the direct-use statements', () => {
    expect(summary('console-default.json')).toEqual([
      ['Enable IAM User Permissions', 'replaced'],
      ['Allow access for Key Administrators', 'merged'],
      ['Allow use of the key', 'replaced'],
      ['Allow attachment of persistent resources', 'replaced'],
    ]);
    expect(fates.statements[0]!.reason).toMatch(/account root with kms:\* and no condition .* without kms:ViaService/);
  });

  it('takes the administrators from the console statement and reports the key users', () => {
    expect(fates.admins).toEqual(['arn:aws:iam::111122223333:role/KMSAdminRole']);
    expect(fates.directUsers).toEqual(['arn:aws:iam::111122223333:role/app']);
    expect(fates.statements[2]!.principals).toEqual(['arn:aws:iam::111122223333:role/app']);
  });
});

describe('statement fates: a key in use (CloudWatch Logs, an organisation Deny, another account, no Sid)', () => {
  it('keeps everything kms-wizard does not own', () => {
    expect(summary('logs-deny-cross-account.json')).toEqual([
      ['Enable IAM User Permissions', 'replaced'],
      ['AllowCloudWatchLogs', 'kept'],
      ['DenyOutsideOrganization', 'kept'],
      ['BackupAccountDecrypt', 'kept'],
      ['#5', 'kept'],
    ]);
  });

  it('gives each kept statement a reason that says why', () => {
    const reasons = fatesOf(current('logs-deny-cross-account.json')).statements.map((f) => f.reason);
    expect(reasons[1]).toMatch(/service principal logs\.us-east-1\.amazonaws\.com/);
    expect(reasons[2]).toMatch(/Deny/);
    expect(reasons[3]).toMatch(/account 444455556666/);
  });

  it('keeps a root statement that has conditions, and a root statement with administrative actions only', () => {
    const policy = current('p.json', JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'sec' } } },
        { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: ['kms:Describe*', 'kms:Get*'], Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    }));
    expect(fatesOf(policy).statements.map((f) => f.fate)).toEqual(['kept', 'kept', 'replaced']);
  });
});

describe('statements kms-wizard generated earlier', () => {
  it('are recognised by their Sids, and every Sid build() writes matches the list', () => {
    const r = build({ keyArn: KEY_ARN, admins: [], consumers: ['444455556666'], access: 'iam', services: ['ebs', 'secretsmanager'], regions: [] });
    for (const s of r.keyPolicy.Statement) expect(isGeneratedSid(s.Sid), s.Sid).toBe(true);
    expect(GENERATED_SID_PATTERNS.length).toBeGreaterThan(0);
    expect(isGeneratedSid('Allow use of the key')).toBe(false);
    expect(isGeneratedSid('AllowUseByBackup')).toBe(false);
  });

  it('are replaced, and the administrators of KeyAdministrators stay', () => {
    const first = fatesOf(current('console-default.json'));
    const merged = mergeKeyPolicy(buildFor(first).keyPolicy, current('console-default.json'), first);
    if (!merged.ok) throw new Error(merged.error.join());
    const again = fatesOf(current('out.json', JSON.stringify(merged.value)));
    expect(again.statements.map((f) => f.fate)).toEqual(['replaced', 'replaced']);
    expect(again.admins).toEqual(['arn:aws:iam::111122223333:role/KMSAdminRole']);
  });
});

describe('--keep and --drop', () => {
  const policy = current('logs-deny-cross-account.json');

  it('override the default for one statement, by Sid or by #N', () => {
    const f = fatesOf(policy, { keep: ['Enable IAM User Permissions'], drop: ['BackupAccountDecrypt', '#5'] });
    expect(f.statements.map((s) => s.fate)).toEqual(['kept', 'kept', 'kept', 'replaced', 'replaced']);
    expect(f.statements[3]!.reason).toBe('left out (--drop)');
    expect(f.statements[0]!.reason).toBe('kept as it is (--keep)');
  });

  it('refuse a Sid that is not in the file, listing the statements and how to name one without a Sid', () => {
    const r = statementFates(policy, key(), { keep: ['Nope'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatch(/--keep Nope: no statement has that Sid\. The statements are: .*"AllowCloudWatchLogs".*#5 \(no Sid\).*'#2'/);
  });

  it('refuse a position out of range, an ambiguous Sid, and one statement both kept and dropped', () => {
    const r1 = statementFates(policy, key(), { drop: ['#9'] });
    expect(!r1.ok && r1.error[0]).toMatch(/--drop #9: the policy has 5 statements \(#1 to #5\)/);
    const twice = current('p.json', JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }, { Sid: 'A', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }] }));
    const r2 = statementFates(twice, key(), { drop: ['A'] });
    expect(!r2.ok && r2.error[0]).toMatch(/2 statements have that Sid \(#1, #2\); refer to one by its position/);
    const r3 = statementFates(policy, key(), { keep: ['#2'], drop: ['AllowCloudWatchLogs'] });
    expect(!r3.ok && r3.error[0]).toMatch(/#2 is given to both --keep and --drop/);
  });

  it('keeping a statement whose Sid the generated policy uses is refused at merge, saying how to resolve it', () => {
    const first = fatesOf(current('console-default.json'));
    const out = mergeKeyPolicy(buildFor(first).keyPolicy, current('console-default.json'), first);
    if (!out.ok) throw new Error();
    const again = current('out.json', JSON.stringify(out.value));
    const kept = fatesOf(again, { keep: ['KeyAdministrators'] });
    const r = mergeKeyPolicy(buildFor(kept).keyPolicy, again, kept);
    expect(!r.ok && r.error[0]).toMatch(/#1 "KeyAdministrators" is kept, but the generated policy has a statement with the same Sid; drop it/);
  });
});

describe('a policy of another account', () => {
  it('warns when the file never names the key\'s account', () => {
    const other = current('other.json', JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }] }));
    expect(fatesOf(other).warnings[0]).toMatch(/names account 444455556666 but never the key's account 111122223333/);
    expect(fatesOf(current('console-default.json')).warnings).toEqual([]);
  });
});

describe('a generated statement for a service principal', () => {
  it('is replaced like any generated statement (its Sid says kms-wizard wrote it)', () => {
    const policy = current('p.json', JSON.stringify({
      Statement: [{ Sid: 'AllowUseThroughServices', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 'kms:Encrypt', Resource: '*' }],
    }));
    expect(fatesOf(policy).statements[0]).toMatchObject({ fate: 'replaced', reason: expect.stringMatching(/written by kms-wizard earlier/) });
  });
});

describe('--admin given', () => {
  it('replaces the console administrators statement (its roles no longer administer the key) instead of merging it', () => {
    const f = fatesOf(current('console-default.json'), { adminsGiven: true });
    expect(f.statements[1]).toMatchObject({ fate: 'replaced', reason: expect.stringMatching(/replaced by the administrators given with --admin, so arn:aws:iam::111122223333:role\/KMSAdminRole no longer/) });
    expect(f.admins).toEqual([]);
  });
});
