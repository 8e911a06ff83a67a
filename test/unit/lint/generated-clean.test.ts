// Issue 3: "A policy that generate emits must lint with no errors and no
// warnings (test this over many generated specs)". Info findings are allowed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/core/build.js';
import { lintFiles } from '../../../src/core/lint/index.js';
import { serializePolicy } from '../../../src/core/policy.js';
import { validSpec } from '../../helpers/spec-arbitrary.js';

describe('policies from build() lint clean (property)', () => {
  it('key policy and IAM policies together: no errors, no warnings, also checked against the key ARN', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const r = build(spec);
        const inputs = [
          { name: 'key-policy.json', text: serializePolicy(r.keyPolicy) },
          ...r.iamPolicies.map((p) => ({ name: p.fileName, text: serializePolicy(p.policy) })),
        ];
        const results = lintFiles(inputs, { keyArn: spec.keyArn });
        expect(results.map((f) => f.kind)).toEqual(['key', ...r.iamPolicies.map(() => 'iam')]);
        const serious = results.flatMap((f) => f.findings).filter((f) => f.severity !== 'info');
        expect(serious, JSON.stringify({ spec, serious }, null, 2)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
