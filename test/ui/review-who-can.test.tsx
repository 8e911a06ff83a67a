// The review's "Who can" tab (issue 19, "Also"): with the accounts' exports, who among their real
// principals gains and loses access with the new key policy, in the words diff and generate --from print.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadAnalysis } from '../../src/ui/analysis-loader.js';
import { EMPTY_ANSWERS } from '../../src/ui/answers.js';
import type { Answers } from '../../src/ui/answer-types.js';
import { lineText } from '../../src/terminal/lines.js';
import { reviewTabs } from '../../src/ui/steps/review.js';
import { KEY, keyPolicyDocument, orgInput } from '../unit/who-can/fixtures.js';
import { K, startWizard, type Harness } from './wizard-harness.js';

const { keyPolicy: _unused, ...exports } = orgInput(['scp', 'rcp']);
const current = { file: 'key-policy.json', text: JSON.stringify(keyPolicyDocument()) };
const answers: Answers = { ...EMPTY_ANSWERS, start: 'current', current, keyArn: KEY, admins: ['arn:aws:iam::222222222222:role/KeyAdmin'], services: ['s3'] };
const text = (lines: readonly Parameters<typeof lineText>[0][]) => lines.map(lineText).join('\n');

beforeAll(() => loadAnalysis());

describe('reviewTabs with the exports', () => {
  test('a "Who can (N)" tab after Changes, counting the principals it lists, each with what it gains and loses', () => {
    const tabs = reviewTabs(answers, 100, exports);
    const titles = tabs.map((t) => t.title);
    const at = titles.findIndex((t) => t.startsWith('Who can'));
    expect(titles[at - 1]).toMatch(/^Changes \(/);
    const tab = tabs[at]!;
    const body = text(tab.lines);
    const principals = tab.lines.map(lineText).filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  Assumed'));
    expect(principals.length).toBeGreaterThan(0);
    expect(tab.title).toBe(`Who can (${principals.length})`);
    // App had only the key policy statement naming it, which the new policy replaces.
    expect(body).toMatch(/ {2}role\/App in 222222222222\n(.*\n)*? {6}loses Decrypt, DescribeKey, Encrypt/);
    // bob's group allows Decrypt: the new policy lets IAM decide through S3 only.
    expect(body).toMatch(/ {2}user\/bob in 222222222222\n {6}gains Decrypt through s3\.eu-west-1\.amazonaws\.com/);
    // A short label: the tab bar stays narrow (another tab bar fix wraps the rest).
    expect(tab.title.length).toBeLessThanOrEqual(13);
  });

  test('no tab without the exports', () => {
    expect(reviewTabs(answers, 100).some((t) => t.title.startsWith('Who can'))).toBe(false);
  });

  test('without a current policy everything is compared with a policy that allows nothing, and says so', () => {
    const tab = reviewTabs({ ...answers, start: 'existing' }, 100, exports).find((t) => t.title.startsWith('Who can'))!;
    const body = text(tab.lines);
    expect(body).toMatch(/^No current policy was given \(--from\)/);
    expect(body).not.toContain('loses');
  });

  test('exports of another key: the tab says so instead of a wrong answer', () => {
    const other = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const tab = reviewTabs({ ...answers, keyArn: other }, 100, exports).find((t) => t.title.startsWith('Who can'))!;
    expect(tab.title).toBe('Who can');
    expect(text(tab.lines).replace(/\s+/g, ' ')).toContain(`were read for ${KEY}, but the answers are for ${other}`);
  });
});

describe('the wizard with the exports', () => {
  let h: Harness | undefined;
  afterEach(() => h?.unmount());

  test('the Review screen shows the Who can tab (key 3), within 80 columns', async () => {
    h = await startWizard({ columns: 80, rows: 40, answers: { keyArn: KEY, services: ['s3'], admins: ['arn:aws:iam::222222222222:role/KeyAdmin'], consumers: [], regions: [], access: 'iam' }, current, exports });
    for (let i = 0; i < 12 && !h.frame().includes('Review'); i++) await h.press(K.enter);
    await h.waitFor(/Step \d+ of \d+: Review/);
    await h.press('3');
    await h.waitFor(/3 Who can \(\d+\)/);
    expect(h.frame()).toMatch(/Who can use the key: \d+ principals? of the exports gain or lose access:/);
    expect(h.frame().split('\n').every((l) => l.length <= 80)).toBe(true);
  });
});
