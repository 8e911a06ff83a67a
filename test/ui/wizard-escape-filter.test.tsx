import { afterEach, expect, test } from 'vitest';
import { pickKeys, pickState } from '../../src/ui/pick-list.js';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

test('pickKeys: Esc clears a typed filter, and is left to the step when there is none', () => {
  expect(pickKeys({ filter: 'sec', cursor: 2 }, { kind: 'escape' }, 5, 5, true)).toEqual({ state: { filter: '', cursor: 0 } });
  expect(pickKeys(pickState(), { kind: 'escape' }, 5, 5, true)).toBeUndefined();
});

test('Esc with a filter typed on the Services step clears the filter first; a second Esc goes back', async () => {
  h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam' } });
  await h.press(K.enter); // Consumers: the key's account
  expect(h.frame()).toContain('Step 6 of 10: Services');
  await h.burst('secrets');
  expect(h.frame()).toContain('Search: secrets');
  await h.press(K.esc);
  expect(h.frame()).toContain('Step 6 of 10: Services');
  expect(h.frame()).toContain('(type to filter)');
  await h.press(K.esc);
  expect(h.frame()).toContain('Step 5 of 10: Consumers');
});
