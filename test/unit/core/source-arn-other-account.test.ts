// A --source-arn in an account that is neither the key's nor a consumer's was only warned about,
// then build() threw its internal self-check error (generate: "This is a bug in kms-wizard"; the
// wizard's Review: a stack trace): no statement it generates is scoped to that account.
import { expect, test } from 'vitest';
import { build } from '../../../src/core/build.js';
import { validateSpec, type PolicySpec } from '../../../src/core/spec.js';
import { inWizardWords } from '../../../src/ui/field-words.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TRAIL = 'arn:aws:cloudtrail:us-east-1:444455556666:trail/org';
const spec = (consumers: string[]): PolicySpec => ({ keyArn: KEY_ARN, admins: [], consumers, access: 'iam', services: ['cloudtrail'], regions: [], sourceArns: [TRAIL] });

test('refused with the fix (add the account as a consumer), before any policy is built', () => {
  const r = validateSpec(spec([]));
  expect(r.ok).toBe(false);
  const issue = !r.ok ? r.error.find((i) => i.field === 'sourceArns') : undefined;
  expect(issue?.message).toBe("the ARN is in account 444455556666, which is neither the key's account nor a consumer account");
  expect(issue?.hint).toBe('Add --consumer 444455556666 if that account\'s resources should use the key, or drop this --source-arn');
  expect(inWizardWords(issue!.hint!)).toBe("Add 444455556666 on the Consumers step if that account's resources should use the key, or drop it from the source ARN field");
});

test('with that account as a consumer, the pair is built and names the trail', () => {
  const result = build(spec(['111122223333', '444455556666']));
  expect(JSON.stringify(result.keyPolicy)).toContain(TRAIL);
});
