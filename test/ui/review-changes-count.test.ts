import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EMPTY_ANSWERS } from '../../src/ui/answers.js';
import type { Answers } from '../../src/ui/answer-types.js';
import { lineText } from '../../src/terminal/lines.js';
import { reviewTabs } from '../../src/ui/steps/review.js';
import { KEY_ARN } from './wizard-harness.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/current-policy', name), 'utf8');

describe('the review Changes tab', () => {
  test('its title counts the changes it lists, not the requests behind them', () => {
    const answers: Answers = {
      ...EMPTY_ANSWERS,
      start: 'current',
      current: { file: 'current-key-policy.json', text: fixture('console-default.json') },
      keyArn: KEY_ARN,
      admins: ['arn:aws:iam::111122223333:role/KMSAdminRole'],
      consumers: ['arn:aws:iam::111122223333:role/app'],
      services: ['secretsmanager'],
    };
    const tab = reviewTabs(answers, 200).find((t) => t.title.startsWith('Changes'))!;
    const lines = tab.lines.map(lineText);
    const from = lines.findIndex((l) => l.startsWith('Access removed'));
    const listed = lines.slice(from).filter((l) => /^ {2}- /.test(l)).length;
    expect(listed).toBeGreaterThan(0);
    expect(tab.title).toBe(`Changes (${listed})`);
  });
});
