import { describe, expect, it } from 'vitest';
import { formatCurrentPolicyError, readCurrentPolicy } from '../../../src/core/current-policy/index.js';

const refused = (text: string) => {
  const r = readCurrentPolicy('p.json', text);
  if (r.ok) throw new Error('expected a refusal');
  return formatCurrentPolicyError('p.json', r.error);
};

describe('readCurrentPolicy: the text aws kms get-key-policy --output text prints', () => {
  it('reads a key policy and lists its statements', () => {
    const r = readCurrentPolicy('p.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*"}]}');
    expect(r.ok && r.value.statements).toHaveLength(1);
  });

  it('takes a single statement object as a list of one, and ignores a byte-order mark', () => {
    const r = readCurrentPolicy('p.json', '\ufeff{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}}');
    expect(r.ok && r.value.statements).toHaveLength(1);
  });

  // GetKeyPolicy answers with Policy and PolicyName (KMS API reference, GetKeyPolicy);
  // AWS's own example adds --query Policy ("Use GetKeyPolicy with an AWS SDK or CLI").
  const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]\n}';
  it('reads what --output text prints without --query Policy: the policy, a tab and the policy name', () => {
    const r = readCurrentPolicy('p.json', `${POLICY}\tdefault\n`);
    expect(r.ok && r.value.statements).toHaveLength(1);
    expect(r.ok && r.value.document).toEqual(JSON.parse(POLICY));
    // A policy saved with its own final newline before the tab reads the same.
    const saved = readCurrentPolicy('p.json', `${POLICY}\n\tdefault\n`);
    expect(saved.ok && saved.value.document).toEqual(JSON.parse(POLICY));
  });

  it('reads what --output json prints: the policy as a string in {"Policy", "PolicyName"}', () => {
    const r = readCurrentPolicy('p.json', JSON.stringify({ Policy: POLICY, PolicyName: 'default' }, null, 4));
    expect(r.ok && r.value.document).toEqual(JSON.parse(POLICY));
    expect(refused(JSON.stringify({ Policy: '{"Version": "2012-10-17"}', PolicyName: 'default' }))).toMatch(/^p\.json: the Policy member .* no Statement element/);
  });

  it('still refuses other text after the policy', () => {
    expect(refused(`${POLICY}\nextra`)).toMatch(/^p\.json:5:1: invalid JSON/);
  });

  it('refuses invalid JSON with file:line:column', () => {
    expect(refused('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}')).toBe('p.json:3:24: invalid JSON: trailing comma before a closing bracket or brace');
    expect(refused('')).toMatch(/^p\.json:1:1: invalid JSON: the file is empty/);
  });

  it('refuses a JSON value that is not a policy document', () => {
    expect(refused('[1, 2]')).toMatch(/^p\.json:1:1: a key policy is a JSON object .* not a list/);
    expect(refused('{"Version": "2012-10-17"}')).toMatch(/no Statement element/);
  });

  it('refuses an IAM policy (no Principal anywhere) as "not a key policy"', () => {
    expect(refused('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}')).toMatch(/^p\.json: not a key policy: no statement names a Principal/);
  });

  it('keeps a "__proto__" member as data, not as the object prototype', () => {
    const r = readCurrentPolicy('p.json', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","__proto__":{"x":1}}]}');
    expect(r.ok && Object.keys(r.value.statements[0] as object)).toContain('__proto__');
  });
});
