import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EMPTY_ANSWERS, buildFromAnswers } from '../../src/ui/answers.js';
import type { Answers } from '../../src/ui/answer-types.js';
import { changesSummaryLines } from '../../src/ui/changes-lines.js';
import { mergedWithCurrent } from '../../src/ui/current-policy.js';
import { lineText } from '../../src/terminal/lines.js';
import { reviewTabs } from '../../src/ui/steps/review.js';
import { KEY_ARN } from './wizard-harness.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/current-policy', name), 'utf8');

describe('the review Changes tab', () => {
  const answers: Answers = {
    ...EMPTY_ANSWERS,
    start: 'current',
    current: { file: 'current-key-policy.json', text: fixture('console-default.json') },
    keyArn: KEY_ARN,
    admins: ['arn:aws:iam::111122223333:role/KMSAdminRole'],
    consumers: ['arn:aws:iam::111122223333:role/app'],
    services: ['secretsmanager'],
  };

  test('its title counts the changes it lists, not the requests behind them', () => {
    const tab = reviewTabs(answers, 200).find((t) => t.title.startsWith('Changes'))!;
    const lines = tab.lines.map(lineText);
    const from = lines.findIndex((l) => l.startsWith('Access removed'));
    const listed = lines.slice(from).filter((l) => /^ {2}- /.test(l)).length;
    expect(listed).toBeGreaterThan(0);
    expect(tab.title).toBe(`Changes (${listed})`);
  });

  test("speaks of the wizard's steps, not generate's flags: the console's administrators stay unless changed on the Administrators step", () => {
    const text = reviewTabs(answers, 200).find((t) => t.title.startsWith('Changes'))!.lines.map(lineText).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('become the administrators unless changed on the Administrators step');
    expect(text).not.toMatch(/--(admin|consumer|service|account|region)\b/);
  });

  test('the Overview counts in words: "0 statements kept", "1 request loses access", never "(s)"', () => {
    const merged = mergedWithCurrent(answers, buildFromAnswers(answers)!)!;
    expect(merged.ok).toBe(true);
    const summary = changesSummaryLines(merged.ok ? merged.value : (undefined as never), 200).map(lineText).join(' ');
    expect(summary).toMatch(/^Current policy: 0 statements kept, 3 replaced, 1 merged; \d+ requests? (lose|loses) access, 0 gain it, see Changes$/);
    expect(summary).not.toContain('(s)');
  });
});
