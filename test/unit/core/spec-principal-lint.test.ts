// generate must not write a key policy its own lint rejects (issue 22): the
// principals of --admin and --consumer go through lint's Principal rule
// (KW404; "AWS JSON policy elements: Principal", docs.aws.amazon.com: exact
// ARNs only, a wildcard only as "*" alone).
import { describe, expect, test } from 'vitest';
import { buildPolicies, lintPolicy, PolicySpecError } from '../../../src/api/index.js';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const PRINCIPALS = [
  'arn:aws:iam::111122223333:role/app',
  'arn:aws:iam::111122223333:role/app*',
  'arn:aws:iam::111122223333:role/a?b',
  'arn:aws:iam::111122223333:user/*',
  'arn:aws:iam::444455556666:role/path/to/app',
  'arn:aws:iam::111122223333:role/app name',
  'arn:aws:iam::111122223333:root',
];

const spec = (field: 'admins' | 'consumers', value: string) => ({
  keyArn: KEY,
  admins: field === 'admins' ? [value] : [],
  consumers: field === 'consumers' ? [value] : [],
  access: 'principals' as const,
  services: ['secretsmanager'],
  regions: [],
});

describe.each(['admins', 'consumers'] as const)('%s: what generate accepts, lint accepts', (field) => {
  test.each(PRINCIPALS)('%s', (value) => {
    let built;
    try {
      built = buildPolicies(spec(field, value));
    } catch (err) {
      expect(err).toBeInstanceOf(PolicySpecError);
      return;
    }
    const kw404 = lintPolicy(built.keyPolicy, { type: 'key' }).findings.filter((f) => f.code === 'KW404');
    expect(kw404).toEqual([]);
  });

  test.each(['arn:aws:iam::111122223333:role/app*', 'arn:aws:iam::111122223333:role/a?b'])('a wildcard ARN (%s) is refused, naming the flag value and why', (value) => {
    expect(() => buildPolicies(spec(field, value))).toThrow(PolicySpecError);
    try {
      buildPolicies(spec(field, value));
    } catch (err) {
      const issue = (err as PolicySpecError).issues.find((i) => i.value === value)!;
      expect(issue.field).toBe(field);
      expect(issue.message).toContain('wildcard');
    }
  });
});
