// The access change between two who-can answers (issue 19, "Also": generate --from and diff state the
// change in terms of real principals). Pure comparisons on hand-made answers, then the engine on the
// synthetic organization, whose answers come from the AWS pages the engine tests cite.
import { describe, expect, test } from 'vitest';
import { accessDelta, whoCanChange, type AccessEntry, type PrincipalChange, type WhoCanResult } from '../../../src/core/who-can/index.js';
import { keyPolicyDocument, orgInput, prodRole, prodUser } from './fixtures.js';

const S3 = 's3.eu-west-1.amazonaws.com';
const EBS = 'ec2.eu-west-1.amazonaws.com';
const APP = 'arn:aws:iam::111122223333:role/App';
const CI = 'arn:aws:iam::111122223333:role/Ci';

const entry = (principal: string, action: string, more: Partial<AccessEntry> = {}): AccessEntry => ({ principal, action, via: 'direct', conditions: [], external: false, path: ['key policy statement #1'], ...more });
const answer = (access: AccessEntry[], takeover: WhoCanResult['takeover'] = []): WhoCanResult => ({ key: 'arn:aws:kms:eu-west-1:111122223333:key/k', access, takeover, notes: [] });
const brief = (changes: readonly PrincipalChange[]) => changes.map((c) => `${c.principal.replace(/^.*:/, '')} ${c.change} ${c.action}${c.kind === 'takeover' ? ' (takeover)' : ` ${c.via}${c.kind === 'access' && c.services ? ` ${c.services.join('+')}` : ''}${c.kind === 'access' && c.grantId ? ` ${c.grantId}` : ''}`}`);

describe('accessDelta on two answers', () => {
  test('the same answer: no change', () => {
    const a = answer([entry(APP, 'kms:Decrypt'), entry(CI, 'kms:Encrypt', { via: 'service', services: [S3] })]);
    expect(accessDelta(a, a)).toEqual([]);
  });

  test("the issue's example: role/App loses kms:Decrypt; role/Ci gains kms:Encrypt via S3", () => {
    const before = answer([entry(APP, 'kms:Decrypt')]);
    const after = answer([entry(CI, 'kms:Encrypt', { via: 'service', services: [S3], path: ['key policy statement #2'] })]);
    expect(accessDelta(before, after)).toEqual([
      { kind: 'access', principal: APP, change: 'loses', action: 'kms:Decrypt', via: 'direct', conditions: [], external: false, path: ['key policy statement #1'] },
      { kind: 'access', principal: CI, change: 'gains', action: 'kms:Encrypt', via: 'service', services: [S3], conditions: [], external: false, path: ['key policy statement #2'] },
    ]);
  });

  test('one more kms:ViaService value is a gain through that service only, not a loss and a gain', () => {
    const before = answer([entry(CI, 'kms:Encrypt', { via: 'service', services: [S3] })]);
    const after = answer([entry(CI, 'kms:Encrypt', { via: 'service', services: [S3, EBS] })]);
    expect(brief(accessDelta(before, after))).toEqual([`role/Ci gains kms:Encrypt service ${EBS}`]);
    expect(brief(accessDelta(after, before))).toEqual([`role/Ci loses kms:Encrypt service ${EBS}`]);
  });

  test('direct access narrowed to one service: loses the direct call, gains the call through the service', () => {
    const before = answer([entry(APP, 'kms:Decrypt')]);
    const after = answer([entry(APP, 'kms:Decrypt', { via: 'service', services: [S3] })]);
    expect(brief(accessDelta(before, after))).toEqual(['role/App gains kms:Decrypt service s3.eu-west-1.amazonaws.com', 'role/App loses kms:Decrypt direct']);
  });

  test('services lost along the same path read as one change listing them', () => {
    const before = answer([entry(CI, 'kms:Encrypt', { via: 'service', services: [S3, EBS] })]);
    const changes = accessDelta(before, answer([]));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ change: 'loses', services: [S3, EBS] });
  });

  test('grants are told apart by their id', () => {
    const before = answer([entry(APP, 'kms:Decrypt', { via: 'grant', grantId: 'g1' })]);
    const after = answer([entry(APP, 'kms:Decrypt', { via: 'grant', grantId: 'g2' })]);
    expect(brief(accessDelta(before, after))).toEqual(['role/App gains kms:Decrypt grant g2', 'role/App loses kms:Decrypt grant g1']);
  });

  test('the same route with other conditions is a conditions change that keeps both lists', () => {
    const before = answer([entry(APP, 'kms:Decrypt')]);
    const after = answer([entry(APP, 'kms:Decrypt', { conditions: ['kms:EncryptionContext:aws:s3:arn'] })]);
    expect(accessDelta(before, after)).toEqual([expect.objectContaining({ change: 'conditions', conditions: ['kms:EncryptionContext:aws:s3:arn'], conditionsBefore: [] })]);
    // The same keys in another order are no change.
    const two = (c: string[]) => answer([entry(APP, 'kms:Decrypt', { conditions: c })]);
    expect(accessDelta(two(['a', 'b']), two(['b', 'a']))).toEqual([]);
  });

  test('takeover paths gained and lost, listed before the principal\'s access', () => {
    const before = answer([entry(APP, 'kms:Decrypt')], [{ principal: CI, action: 'kms:PutKeyPolicy', path: ['x'] }]);
    const after = answer([entry(APP, 'kms:Decrypt'), entry(APP, 'kms:CreateGrant')], [{ principal: APP, action: 'kms:CreateGrant', path: ['y'] }]);
    expect(brief(accessDelta(before, after))).toEqual(['role/App gains kms:CreateGrant (takeover)', 'role/App gains kms:CreateGrant direct', 'role/Ci loses kms:PutKeyPolicy (takeover)']);
  });
});

describe('whoCanChange: the engine on the policy before and after, over the same exports', () => {
  const { keyPolicy: before, ...exports } = orgInput();
  const statements = before.Statement as { Sid?: string }[];
  const after = {
    ...before,
    Statement: [
      ...statements.filter((s) => s.Sid !== 'Allow use of the key'),
      { Sid: 'KeyAdmin decrypts through S3', Effect: 'Allow', Principal: { AWS: prodRole('KeyAdmin') }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': S3 } } },
      { Sid: 'App creates grants', Effect: 'Allow', Principal: { AWS: prodRole('App') }, Action: 'kms:CreateGrant', Resource: '*' },
    ],
  };
  const change = whoCanChange(exports, before, after);
  const of = (principal: string) => change.changes.filter((c) => c.principal === principal);

  test('the same policy: no change', () => {
    expect(whoCanChange(exports, keyPolicyDocument(), keyPolicyDocument()).changes).toEqual([]);
  });

  test('dropping the statement that names App and eve: both lose Decrypt, which only it gave ("Default key policy", key-policy-default.html)', () => {
    expect(of(prodRole('App'))).toContainEqual(expect.objectContaining({ kind: 'access', change: 'loses', action: 'kms:Decrypt', via: 'direct', path: expect.arrayContaining(["key policy statement 'Allow use of the key'"]) }));
    expect(of(prodUser('eve')).filter((c) => c.change === 'loses').map((c) => c.action)).toContain('kms:Decrypt');
  });

  test('bob keeps Decrypt: his group policy through the root statement still allows it, so he is not listed', () => {
    expect(of(prodUser('bob'))).toEqual([]);
  });

  test('a statement naming KeyAdmin with kms:ViaService gives it Decrypt through S3 only', () => {
    expect(of(prodRole('KeyAdmin'))).toEqual([expect.objectContaining({ kind: 'access', change: 'gains', action: 'kms:Decrypt', via: 'service', services: [S3] })]);
  });

  test('CreateGrant without kms:GrantIsForAWSResource is a takeover App gains ("AWS KMS condition keys", conditions-kms.html)', () => {
    expect(of(prodRole('App'))).toContainEqual(expect.objectContaining({ kind: 'takeover', change: 'gains', action: 'kms:CreateGrant' }));
  });

  test('the notes of both answers are kept once', () => {
    expect(change.notes.filter((n) => n.startsWith('the 3 SCP levels given'))).toHaveLength(1);
    expect(new Set(change.notes).size).toBe(change.notes.length);
  });
});
