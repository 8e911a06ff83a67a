// A key that does not exist yet: validateSpec resolves it without an ARN,
// build() writes its key policy and plans its IAM policies without naming it.
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/core/build.js';
import { matrixInputFromBuild } from '../../../src/core/evaluate/matrix-from-build.js';
import { accessMatrix, meetsExpectation } from '../../../src/core/evaluate/matrix.js';
import type { NewKeySpec } from '../../../src/core/key-target.js';
import type { PolicySpec } from '../../../src/core/spec.js';
import { specChecks } from '../../helpers/spec-checks.js';

const NEW: NewKeySpec = { account: '111122223333', region: 'us-east-1', multiRegion: false };
const base: PolicySpec = { newKey: NEW, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: ['us-east-1'] };

const { errors, resolved } = specChecks(base);

describe('validateSpec: a new key', () => {
  it('resolves to a key with no ARN and no id, in the given account and Region', () => {
    const { key } = resolved({});
    expect(key).toEqual({ isNew: true, partition: 'aws', region: 'us-east-1', account: '111122223333', multiRegion: false, knownRegion: true });
    expect(key.arn).toBeUndefined();
    expect(key.keyId).toBeUndefined();
  });

  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['eu-west-1', 'aws'],
  ])('takes the partition from the Region (%s is in %s), so principals are checked against it', (region, partition) => {
    const s = resolved({ newKey: { ...NEW, region }, regions: [region] });
    expect(s.key.partition).toBe(partition);
    expect(s.admins).toEqual([`arn:${partition}:iam::111122223333:root`]);
  });

  it('an existing key is still resolved from its ARN', () => {
    const r = resolved({ newKey: undefined, keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(r.key.isNew).toBe(false);
    expect(r.key.arn).toBe('arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
  });

  it.each<[string, Partial<NewKeySpec>, string, RegExp]>([
    ['an empty account', { account: '' }, 'account', /needs the account/],
    ['an 11-digit account', { account: '11112222333' }, 'account', /12-digit.*11 digits/],
    ['a non-numeric account', { account: 'my-account' }, 'account', /12-digit/],
    ['an empty Region', { region: '' }, 'keyRegion', /needs the Region/],
    ['a malformed Region', { region: 'us-east' }, 'keyRegion', /not a Region code/],
    ['a misspelt Region', { region: 'us-eats-1' }, 'keyRegion', /unknown Region/],
  ])('refuses %s, naming the flag and a fix', (_, patch, field, message) => {
    const e = errors({ newKey: { ...NEW, ...patch } });
    expect(e).toHaveLength(1);
    expect(e[0]!.field).toBe(field);
    expect(e[0]!.message).toMatch(message);
    expect(e[0]!.hint).toBeTruthy();
  });

  it('suggests the Region meant', () => {
    expect(errors({ newKey: { ...NEW, region: 'us-eats-1' } })[0]!.hint).toBe('Did you mean us-east-1?');
  });

  it('warns about a well-formed Region it does not know, and uses it', () => {
    const s = resolved({ newKey: { ...NEW, region: 'us-north-7' }, regions: ['us-north-7'] });
    expect(s.key.region).toBe('us-north-7');
    expect(s.warnings.map((w) => w.field)).toContain('keyRegion');
  });

  it('refuses a key ARN and a new key together, saying which to drop', () => {
    const e = errors({ keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(e.map((i) => i.field)).toEqual(['keyArn']);
    expect(e[0]!.hint).toMatch(/Drop --key-arn.*or drop --new-key/);
  });

  it('refuses neither a key ARN nor a new key', () => {
    expect(errors({ newKey: undefined }).map((i) => i.field)).toEqual(['keyArn']);
  });
});

describe('build(): a new key', () => {
  const existing = (patch: Partial<PolicySpec> = {}) =>
    build({ ...base, newKey: undefined, keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', ...patch });

  it('writes the same key policy as for an existing key in that account and Region (its Resource is "*")', () => {
    const spec = { consumers: ['444455556666', 'arn:aws:iam::111122223333:role/app'], services: ['secretsmanager', 'ebs'] };
    expect(build({ ...base, ...spec }).keyPolicy).toStrictEqual(existing(spec).keyPolicy);
  });

  it('writes no IAM policy (it would name the ARN) but plans the same ones, which name whatever the format passes', () => {
    const spec = { consumers: ['444455556666', 'arn:aws:iam::111122223333:role/app'] };
    const r = build({ ...base, ...spec });
    const e = existing(spec);
    expect(r.iamPolicies).toEqual([]);
    expect(r.iamPlans.map((p) => [p.account, p.fileName, p.attachTo])).toEqual(e.iamPolicies.map((p) => [p.account, p.fileName, p.attachTo]));
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    r.iamPlans.forEach((p, i) => expect(p.naming(arn)).toStrictEqual(e.iamPolicies[i]!.policy));
    const ref = { ref: 'the created key' };
    expect(r.iamPlans[0]!.naming(ref).Statement.every((s) => s.Resource === ref)).toBe(true);
  });

  it('a multi-Region new key gets the multi-Region administrator actions', () => {
    const r = build({ ...base, newKey: { ...NEW, multiRegion: true }, regions: ['us-east-1', 'eu-west-1'] });
    expect(r.keyPolicy.Statement[0]!.Action).toContain('kms:ReplicateKey');
    expect(r.explanation.join(' ')).toMatch(/Multi-Region key/);
  });

  it('says plainly that it is a new key and that the IAM policy waits for the ARN', () => {
    const text = build(base).explanation.join(' ');
    expect(text).toMatch(/New key: this is the key policy for a key not created yet, in account 111122223333, Region us-east-1/);
    expect(text).toMatch(/IAM policy names the key's ARN/);
  });

  it.each(['iam', 'principals', 'account'] as const)('the simulated access matrix (%s) matches the intent, for a single- and a multi-Region new key', (access) => {
    for (const multiRegion of [false, true]) {
      const r = build({
        ...base,
        newKey: { ...NEW, multiRegion },
        access,
        consumers: access === 'principals' ? ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::444455556666:role/app'] : ['111122223333', '444455556666'],
        regions: ['us-east-1', 'us-west-2'],
      });
      const rows = accessMatrix(matrixInputFromBuild(r));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => !meetsExpectation(row))).toEqual([]);
    }
  });
});
