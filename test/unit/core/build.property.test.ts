import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKeyArn } from '../../../src/core/arn.js';
import { build } from '../../../src/core/build.js';
import { CRYPTOGRAPHIC_ACTIONS, expandKmsActions } from '../../../src/core/catalog/actions.js';
import { asArray, serializePolicy, type PolicyDocument } from '../../../src/core/policy.js';
import { validSpec } from '../../helpers/spec-arbitrary.js';

const ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

function checkDocument(doc: PolicyDocument, kind: 'key' | 'iam') {
  const parsed = JSON.parse(serializePolicy(doc)) as PolicyDocument;
  expect(parsed).toEqual(doc);
  expect(Object.keys(parsed)).toEqual(['Version', 'Statement']);
  expect(parsed.Version).toBe('2012-10-17');
  for (const s of parsed.Statement) {
    for (const k of Object.keys(s)) expect(ELEMENTS.has(k), `element ${k}`).toBe(true);
    expect(s.Effect).toBe('Allow');
    expect(s.Action).toBeDefined();
    expect(s.Resource).toBeDefined();
    expect('Principal' in s).toBe(kind === 'key');
    for (const a of asArray(s.Action)) expect(expandKmsActions(a).length, a).toBeGreaterThan(0);
    if (kind === 'iam') expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
  }
}

describe('build() over random valid specs (property)', () => {
  it('parses, uses valid actions and element names, keeps an administrator, never leaves cryptographic use unconditioned', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const r = build(spec);
        checkDocument(r.keyPolicy, 'key');
        for (const p of r.iamPolicies) checkDocument(p.policy, 'iam');

        const canPutPolicy = r.keyPolicy.Statement.some((s) => !s.Condition && asArray(s.Action).some((a) => expandKmsActions(a).includes('kms:PutKeyPolicy')));
        expect(canPutPolicy).toBe(true);

        for (const s of r.keyPolicy.Statement) {
          const actions = asArray(s.Action).flatMap(expandKmsActions);
          expect(asArray(s.Action)).not.toContain('kms:*');
          if (actions.some((a) => CRYPTOGRAPHIC_ACTIONS.includes(a) || a === 'kms:CreateGrant')) {
            const keys = Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block));
            const service = s.Principal !== undefined && s.Principal !== '*' && s.Principal.Service !== undefined;
            if (service) {
              // A service acting as itself: tied to your resources by source keys, the encryption context,
              // or (Route 53 DNSSEC's CreateGrant) kms:GrantIsForAWSResource.
              expect(keys.some((k) => /^(aws:SourceArn|aws:SourceAccount|kms:EncryptionContext:.+|kms:GrantIsForAWSResource)$/.test(k)), s.Sid).toBe(true);
            } else {
              const cond = s.Condition?.StringEquals ?? {};
              // Callers: through a service, or (CloudTrail log readers) only for data under a trail's encryption context.
              expect(cond['kms:ViaService'] !== undefined || keys.includes('kms:EncryptionContext:aws:cloudtrail:arn'), s.Sid).toBe(true);
              expect(cond['kms:CallerAccount'], s.Sid).toMatch(/^\d{12}$/);
            }
          }
          if (asArray(s.Action).includes('kms:CreateGrant')) expect(s.Condition?.Bool).toEqual({ 'kms:GrantIsForAWSResource': true });
        }
        // ViaService values always carry the Region and the .amazonaws.com suffix.
        for (const s of r.keyPolicy.Statement) {
          for (const v of asArray(s.Condition?.StringEquals?.['kms:ViaService'] as string | string[] | undefined)) {
            expect(v).toMatch(/^[a-z0-9-]+\.[a-z]{2}(-gov)?-[a-z]+-\d\.amazonaws\.com$/);
          }
        }
        // Deterministic.
        expect(serializePolicy(build(spec).keyPolicy)).toBe(serializePolicy(r.keyPolicy));
      }),
      { numRuns: 300 },
    );
    // Each build() now simulates every request its spec asks for (core/self-check.ts): random specs with
    // several accounts, roles, services and Regions take a few hundred evaluations each.
  }, 120_000);
});

describe('build() for a new key over random valid specs (property)', () => {
  it('the key policy is the one the existing key in that account and Region would get; IAM policies are planned, never written', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const arn = parseKeyArn(spec.keyArn!);
        if (!arn.ok) throw new Error(arn.error.message);
        const { account, region, multiRegion } = arn.value;
        const existing = build(spec);
        const created = build({ ...spec, keyArn: undefined, newKey: { account, region, multiRegion } });
        expect(created.spec.key.isNew).toBe(true);
        expect(serializePolicy(created.keyPolicy)).toBe(serializePolicy(existing.keyPolicy));
        expect(created.iamPolicies).toEqual([]);
        expect(created.iamPlans.map((p) => p.fileName)).toEqual(existing.iamPolicies.map((p) => p.fileName));
        // Given the ARN(s) the key gets, the planned documents are the existing key's, statement for statement.
        created.iamPlans.forEach((p, i) => {
          const policy = existing.iamPolicies[i]!.policy;
          expect(p.naming(policy.Statement[0]!.Resource)).toStrictEqual(policy);
        });
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
