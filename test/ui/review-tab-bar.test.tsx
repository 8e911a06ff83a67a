// The Review tab bar at 80 columns: one line (it wrapped to two), the active tab always on it,
// and what is left out counted, so the content keeps its rows.
import { afterEach, expect, test } from 'vitest';
import type { PolicySpec } from '../../src/core/spec.js';
import { KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

const ALL: Partial<PolicySpec> = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [], actions: [] };

let h: Harness | undefined;
afterEach(() => h?.unmount());

/** The frame's tab bar: the row after the header and the blank line under it. */
const bar = (frame: string) => frame.split('\n')[2]!;

test('80 columns: the tab bar is one line, and every tab shows in it as it becomes the active one', async () => {
  h = await startWizard({ answers: ALL, columns: 80, rows: 24 });
  expect(bar(h.frame())).toMatch(/^1 Overview │ 2 Findings \(0\) │ .* │ 2 more ›$/);
  expect(h.frame().split('\n')[3]).toBe('How this pair works');
  const titles = ['Overview', 'Findings (0)', 'Access', 'In plain words', 'key-policy.json', 'iam-policy.json'];
  for (const [i, title] of titles.entries()) {
    await h.press(String(i + 1));
    expect(bar(h.frame())).toContain(`${i + 1} ${title}`);
    expect([...bar(h.frame())].length).toBeLessThanOrEqual(80);
  }
  expect(bar(h.frame())).toMatch(/^‹ \d more │ .* │ 6 iam-policy\.json$/);
});

test('a wide terminal shows every tab, with nothing left out', async () => {
  h = await startWizard({ answers: ALL, columns: 140, rows: 30 });
  await h.press('?'); // the why panel, beside the body at this width, closed: the body has every column
  expect(bar(h.frame())).toBe('1 Overview │ 2 Findings (0) │ 3 Access │ 4 In plain words │ 5 key-policy.json │ 6 iam-policy.json');
});
