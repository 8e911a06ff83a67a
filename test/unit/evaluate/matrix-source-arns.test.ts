// The access matrix of a pair narrowed with --source-arn asks about the resources named, not made-up
// ones: a log group or trail the narrowed policy rightly refuses was reported as "not the intended
// decision" (issue 20). A pattern is asked about as one resource it matches.
import { describe, expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import { matrixInputFromBuild } from '../../../src/core/evaluate/matrix-from-build.js';
import { accessMatrix, meetsExpectation } from '../../../src/core/evaluate/matrix.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function rowsFor(sourceArns: string[], extra: { consumers?: string[] } = {}) {
  const result = build({ keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'], access: 'iam', consumers: [], regions: [], services: ['logs', 'cloudtrail'], sourceArns, ...extra });
  return accessMatrix(matrixInputFromBuild(result));
}
const serviceRows = (rows: ReturnType<typeof rowsFor>) => rows.filter((r) => /^(logs|cloudtrail)\./.test(r.request.principal));

describe('service rows of a pair narrowed to named resources', () => {
  test.each([
    ['a log group pattern', ['arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/*'], 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/example'],
    ['a trail pattern', ['arn:aws:cloudtrail:us-east-1:111122223333:trail/prod-*'], 'arn:aws:cloudtrail:us-east-1:111122223333:trail/prod-example'],
    ['a trail in any Region', ['arn:aws:cloudtrail:*:111122223333:trail/audit'], 'arn:aws:cloudtrail:us-east-1:111122223333:trail/audit'],
  ])('%s: asked about a resource it matches, and every row gets the intended decision', (_, sourceArns, asked) => {
    const rows = rowsFor(sourceArns);
    const wrong = rows.filter((r) => !meetsExpectation(r));
    expect(wrong.map((r) => `${r.scenario}: ${r.reason}`)).toEqual([]);
    const own = serviceRows(rows).filter((r) => r.expected === 'Allow').map((r) => r.scenario);
    expect(own.some((s) => s.includes(`for ${asked}, a resource of 111122223333`)), own.join('\n')).toBe(true);
  });

  test('each named log group gets its own row; the confused deputy asks about the first one in another account', () => {
    const groups = ['arn:aws:logs:us-east-1:111122223333:log-group:a', 'arn:aws:logs:us-east-1:111122223333:log-group:b'];
    const logs = serviceRows(rowsFor(groups)).filter((r) => r.request.principal.startsWith('logs.'));
    expect(logs.map((r) => [r.request.encryptionContext?.['aws:logs:arn'], r.decision])).toEqual([
      [groups[0], 'Allow'],
      [groups[1], 'Allow'],
      ['arn:aws:logs:us-east-1:999988887777:log-group:a', 'ImplicitDeny'],
    ]);
  });

  test("a named trail of a consumer account is asked about in that account's name", () => {
    const trail = 'arn:aws:cloudtrail:us-east-1:444455556666:trail/org';
    const rows = rowsFor([trail], { consumers: ['111122223333', '444455556666'] });
    const own = serviceRows(rows).find((r) => r.request.principal === 'cloudtrail.amazonaws.com' && r.expected === 'Allow')!;
    expect(own.scenario).toContain(`for ${trail}, a resource of 444455556666`);
    expect(own.request.context?.['aws:SourceAccount']).toBe('444455556666');
    expect(rows.filter((r) => !meetsExpectation(r)).map((r) => r.scenario)).toEqual([]);
  });
});
