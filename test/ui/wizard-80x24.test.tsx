// The wizard's screens at 80x24, the size a newcomer's terminal opens at:
// what must stay on screen however much was typed.
import { afterEach, expect, test } from 'vitest';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/my-very-long-function-name-for-production';
const TRAIL = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/organization-wide-management-events-trail';

/** From the Consumers step to the source ARNs of CloudWatch Logs and CloudTrail. */
async function toSourceArns(harness: Harness) {
  await harness.press(K.enter); // Consumers: the key's account
  await harness.waitFor('Step 6 of 10: Services');
  await harness.burst('logs');
  await harness.press(K.space, K.ctrlU);
  await harness.burst('cloudtrail');
  await harness.press(K.space, K.enter);
  await harness.waitFor('Default scope, used when no source ARN is given');
}

test('80x24: after two long source ARNs the input line is still on screen, and the frame fits the terminal', async () => {
  h = await startWizard({ answers: { keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'], access: 'iam' }, columns: 80, rows: 24 });
  await toSourceArns(h);
  await h.burst(LOG_GROUP);
  await h.press(K.enter);
  await h.burst(TRAIL);
  await h.press(K.enter);
  await h.burst('arn:aws:logs:us-east-1:1');
  const rows = h.frame().split('\n');
  expect(rows.length).toBeLessThanOrEqual(24);
  expect(rows.some((r) => r.startsWith('> arn:aws:logs:us-east-1:1')), h.frame()).toBe(true);
  expect(rows.at(-1)).toContain('Ctrl-C cancel');
});

test('the default scope under its heading stays the default once source ARNs are given (the ARNs are listed below it)', async () => {
  h = await startWizard({ answers: { keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'], access: 'iam' }, columns: 100, rows: 40 });
  await toSourceArns(h);
  await h.burst(TRAIL);
  await h.press(K.enter);
  const flat = h.frame().replace(/\s+/g, ' ');
  expect(flat).toContain('cloudtrail: only for trails of account 111122223333');
  expect(flat).toContain(`✔ ${TRAIL}`);
});

test('the footer says what Esc does once: "Esc back to the list" on the source ARNs, not also "Esc back"', async () => {
  h = await startWizard({ answers: { keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'], access: 'iam' }, columns: 100, rows: 40 });
  await toSourceArns(h);
  const footer = h.frame().split('\n').at(-1)!;
  expect(footer).toBe('Enter next, Esc back to the list, ? why, Ctrl-C cancel');
  await h.press(K.esc);
  await h.waitFor('Search:');
  expect(h.frame().split('\n').at(-1)).toBe('type to filter, Space select, Enter next, Esc back, ? why, Ctrl-C cancel');
});
