// stepsFor/withProgram (issue 20): printed or copied files get a first step
// that writes them, in every format; `npx kms-wizard` replaces only the
// command word, never the kms-wizard-<id> policy names.
import { describe, expect, test } from 'vitest';
import { FORMAT_NAMES } from '../../../src/output/formats/index.js';
import { stepsFor, withProgram } from '../../../src/output/steps-for.js';
import { BUILT, NEW_KEY_BUILT } from './specs.js';

describe('stepsFor', () => {
  test.each(FORMAT_NAMES)('%s, files not written: step 1 writes them, and no step before it reads a file', (format) => {
    for (const { result } of [...BUILT, ...NEW_KEY_BUILT]) {
      const steps = stepsFor(format, result, '.', { written: false });
      expect(steps[0]!.title).toMatch(/^The files were not written/);
      expect(steps[0]!.commands.join('\n')).not.toContain('file://');
      expect(steps[0]!.commands[0]).toMatch(format === 'json' ? /^kms-wizard generate (?!.*--format)/ : new RegExp(`^kms-wizard generate .*--format ${format}$`));
    }
  });

  test('files written: the format\'s own steps, unchanged', () => {
    expect(stepsFor('json', BUILT[0]!.result, '.')[0]!.title).not.toMatch(/not written/);
  });
});

test('withProgram rewrites the command word only', () => {
  const steps = [{ title: 'run kms-wizard again (policy kms-wizard-1234abcd, "kms-wizard: key")', commands: ['kms-wizard generate --key-arn X', 'aws iam create-policy --policy-name kms-wizard-1234abcd'] }];
  expect(withProgram(steps, 'npx kms-wizard')).toEqual([
    { title: 'run npx kms-wizard again (policy kms-wizard-1234abcd, "kms-wizard: key")', commands: ['npx kms-wizard generate --key-arn X', 'aws iam create-policy --policy-name kms-wizard-1234abcd'] },
  ]);
});
