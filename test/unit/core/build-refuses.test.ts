// build() refuses a pair its self-check finds wrong, instead of returning it
// (issue 18): the CloudWatch Logs statement is made to carry the console's
// ":*" form of the log group (the bug issue 18 reports), and build() throws
// GeneratedPairError naming the denied request.
import { expect, test, vi } from 'vitest';

vi.mock('../../../src/core/service-principal-statements.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/service-principal-statements.js')>();
  return {
    ...real,
    servicePrincipalStatements: (...args: Parameters<typeof real.servicePrincipalStatements>) => {
      const out = real.servicePrincipalStatements(...args);
      return { ...out, keyPolicy: JSON.parse(JSON.stringify(out.keyPolicy).replace(/(:log-group:[^"*:]+)"/g, '$1:*"')) };
    },
  };
});

const { build, GeneratedPairError } = await import('../../../src/core/build.js');

test('a generated pair that denies CloudWatch Logs is refused with an internal error, not returned', () => {
  const spec = { keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', admins: [], consumers: [], access: 'iam' as const, services: ['logs'], regions: [], sourceArns: ['arn:aws:logs:us-east-1:111122223333:log-group:app'] };
  let thrown: unknown;
  try {
    build(spec);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(GeneratedPairError);
  expect((thrown as Error).message).toMatch(/^internal error: the generated policies would deny 3 requests the answers ask for, so nothing is written/);
  expect((thrown as InstanceType<typeof GeneratedPairError>).unmet[0]!.scenario).toBe('logs.us-east-1.amazonaws.com kms:Encrypt for arn:aws:logs:us-east-1:111122223333:log-group:app');
});
