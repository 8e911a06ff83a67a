import { describe, expect, it } from 'vitest';
import { allReplicasArn, parseKeyArn, parsePrincipalArn, rootArn } from '../../../src/core/arn.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MRK = 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab';

describe('parseKeyArn', () => {
  it.each([
    [KEY, { partition: 'aws', region: 'us-east-1', account: '111122223333', keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', multiRegion: false }],
    [MRK, { partition: 'aws', region: 'eu-west-1', multiRegion: true, keyId: 'mrk-1234abcd12ab34cd56ef1234567890ab' }],
    ['arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', { partition: 'aws-cn', region: 'cn-north-1' }],
    ['arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', { partition: 'aws-us-gov', region: 'us-gov-west-1' }],
    [`  ${KEY}  `, { arn: KEY }],
  ])('accepts %s', (input, expected) => {
    const r = parseKeyArn(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it('accepts a well-formed Region it does not know, flagged as unknown', () => {
    const r = parseKeyArn('arn:aws:kms:xx-south-9:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(r.ok && r.value.knownRegion).toBe(false);
  });

  // [cmks-in-iam-policies]: IAM policies need the key ARN, not a key id, alias name or alias ARN.
  it.each([
    ['', 'arn', /empty/],
    ['1234abcd-12ab-34cd-56ef-1234567890ab', 'arn', /key id, not a key ARN/],
    ['mrk-1234abcd12ab34cd56ef1234567890ab', 'arn', /key id/],
    ['alias/my-key', 'arn', /alias name/],
    ['arn:aws:kms:us-east-1:111122223333:alias/my-key', 'resource', /alias ARN/],
    ['arn:aws:kms:us-east-1:111122223333', 'arn', /not an ARN/],
    ['arn:aws-eu:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'partition', /unknown partition "aws-eu"/],
    ['arn:aws:iam:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'service', /"iam", not "kms"/],
    ['arn:aws:kms:useast1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'region', /not a Region code/],
    ['arn:aws:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'region', /belongs to partition "aws-cn"/],
    ['arn:aws-cn:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'region', /belongs to partition "aws"/],
    ['arn:aws:kms:us-east-1:11112222333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'account', /12-digit/],
    ['arn:aws:kms:us-east-1:111122223333:1234abcd-12ab-34cd-56ef-1234567890ab', 'resource', /key\/<key-id>/],
    ['arn:aws:kms:us-east-1:111122223333:key/not-a-key', 'key-id', /not a KMS key id/],
    ['arn:aws:kms:us-east-1:111122223333:key/1234ABCD-12AB-34CD-56EF-1234567890AB', 'key-id', /lower-case/],
    ['arn:aws:kms:us-east-1:111122223333:key/mrk-123', 'key-id', /not a KMS key id/],
  ])('refuses %j (%s)', (input, part, message) => {
    const r = parseKeyArn(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.part).toBe(part);
      expect(`${r.error.message} ${r.error.hint}`).toMatch(message);
      expect(r.error.hint.length).toBeGreaterThan(10);
    }
  });

  it('tells how to find the key ARN for an alias', () => {
    const r = parseKeyArn('alias/my-key');
    expect(!r.ok && r.error.hint).toContain('aws kms describe-key --key-id alias/my-key');
  });
});

describe('parsePrincipalArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:root', 'root', '111122223333'],
    ['arn:aws:iam::111122223333:role/app', 'role', 'app'],
    ['arn:aws:iam::111122223333:role/path/to/app', 'role', 'app'],
    ['arn:aws:iam::111122223333:user/John', 'user', 'John'],
    ['arn:aws:sts::111122223333:assumed-role/app/session-1', 'assumed-role', 'app'],
    ['arn:aws-us-gov:iam::111122223333:role/app', 'role', 'app'],
  ])('parses %s', (input, kind, name) => {
    const r = parsePrincipalArn(input);
    expect(r.ok && r.value.kind).toBe(kind);
    expect(r.ok && r.value.name).toBe(name);
  });

  it.each([
    ['arn:aws:iam::111122223333:group/devs', /groups are never valid principals/],
    ['arn:aws:iam::111122223333:policy/ReadOnly', /managed policy ARN/],
    ['arn:aws:s3:::bucket', /not an IAM principal/],
    ['arn:aws:iam:us-east-1:111122223333:role/app', /no Region/],
    ['arn:aws:iam::1111:role/app', /12-digit/],
    ['John', /not an IAM principal ARN/],
  ])('refuses %s', (input, message) => {
    const r = parsePrincipalArn(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });
});

describe('formatting', () => {
  it('builds root ARNs per partition', () => {
    expect(rootArn('aws-cn', '111122223333')).toBe('arn:aws-cn:iam::111122223333:root');
  });

  // [multi-region-keys-auth]: one colon after the Region wildcard (the guide's example has a stray extra one).
  it('covers all replicas of a multi-Region key with a single colon after *', () => {
    const r = parseKeyArn(MRK);
    expect(r.ok && allReplicasArn(r.value)).toBe('arn:aws:kms:*:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab');
  });
});
