// The "why" panel's "More: … learn <id>" line is a command for the user to run: under npx
// (npm sets npm_command=exec) kms-wizard is not on PATH, so it says `npx kms-wizard learn` (issue 20).
import { afterEach, describe, expect, test } from 'vitest';
import { lineText } from '../../src/terminal/lines.js';
import { whyPanel } from '../../src/ui/frame.js';

const saved = process.env.npm_command;
afterEach(() => {
  if (saved === undefined) delete process.env.npm_command;
  else process.env.npm_command = saved;
});

const panelText = (height: number) => whyPanel('services', 60, height).map(lineText).join('\n');

describe('why panel: the learn command as the user ran kms-wizard', () => {
  test('under npx, the full panel says npx kms-wizard learn', () => {
    process.env.npm_command = 'exec';
    expect(panelText(200)).toMatch(/More: npx kms-wizard learn \S+/);
  });
  test('under npx, a cut panel says npx kms-wizard learn too', () => {
    process.env.npm_command = 'exec';
    expect(panelText(3)).toMatch(/… more: npx kms-wizard learn \S+/);
  });
  test('run directly, it says kms-wizard learn', () => {
    delete process.env.npm_command;
    const text = panelText(200);
    expect(text).toMatch(/More: kms-wizard learn \S+/);
    expect(text).not.toContain('npx');
  });
});
