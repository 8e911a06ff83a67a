import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { specWithDefaults } from '../../src/commands/spec-flags.js';
import { buildPolicies } from '../../src/core/build.js';
import { validateSpec, type PolicySpec } from '../../src/core/spec.js';
import { FORMATS } from '../../src/output/formats/index.js';
import { whyText } from '../../src/lessons/why.js';
import { SERVICE_CHOICES } from '../../src/ui/choices.js';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

/** The files `generate` writes for these flag answers: the same chain of functions its command runs. */
function generated(answers: Partial<PolicySpec>, format = 'json') {
  const r = validateSpec(specWithDefaults(answers));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return FORMATS[format]!(buildPolicies(r.value));
}

const written = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('the whole flow', () => {
  test('answering every step by hand writes the files generate writes, then closes on Enter with exit 0', async () => {
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    expect(h.frame()).toContain('kms-wizard');
    expect(h.frame()).toContain('Step 2 of 10: Key');
    await h.burst(KEY_ARN);
    expect(h.frame()).toContain('✔ key in us-east-1, account 111122223333');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    await h.burst('arn:aws:iam::111122223333:role/KeyAdmin');
    await h.press(K.enter);
    expect(h.frame()).toContain('✔ arn:aws:iam::111122223333:role/KeyAdmin');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 4 of 10: Trust');
    await h.press(K.down, K.enter); // principals
    expect(h.frame()).toContain('Step 5 of 10: Consumers');
    await h.burst('arn:aws:iam::111122223333:role/app');
    await h.press(K.enter, K.enter);
    expect(h.frame()).toContain('Step 6 of 10: Services');
    await h.burst('secrets');
    expect(h.frame()).toContain('› [ ] secretsmanager');
    await h.press(K.space, K.enter);
    expect(h.frame()).toContain('Step 7 of 10: Regions');
    expect(h.frame()).toContain("[x] us-east-1  the key's Region");
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 8 of 10: Actions');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 9 of 10: Review');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 10 of 10: Output');
    await h.press(K.enter); // write
    expect(h.frame()).toContain('Directory to write');
    await h.press(K.enter); // "."
    await h.waitFor('Wrote into .');
    expect(h.exited()).toBeUndefined();
    await h.press(K.enter);
    expect(await h.waitForExit()).toBe(0);

    const expected = generated({
      keyArn: KEY_ARN,
      admins: ['arn:aws:iam::111122223333:role/KeyAdmin'],
      access: 'principals',
      consumers: ['arn:aws:iam::111122223333:role/app'],
      services: ['secretsmanager'],
    });
    expect(written(h.cwd)).toEqual(Object.fromEntries(expected.map((f) => [f.name, f.content])));
  });

  test('flags pre-answer their steps, which show as answered; Enter on every other step writes the defaults into the cwd', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, services: ['ebs', 'rds'] } });
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    expect(h.frame()).toMatch(/✔ Key\s+arn:aws:kms:us-east-1:111122223333:key\/1234abcd.*\(--key-arn\)/);
    await h.press(K.enter, K.enter, K.enter); // admins, trust, consumers
    expect(h.frame()).toContain('Step 7 of 10: Regions'); // services answered by --service
    expect(h.frame()).toMatch(/✔ Services\s+ebs, rds \(--service\)/);
    await h.press(K.enter, K.enter, K.enter, K.enter, K.enter); // regions, actions, review, output: write, dir "."
    await h.waitFor('Wrote into .');
    await h.press(K.enter);
    expect(await h.waitForExit()).toBe(0);
    const expected = generated({ keyArn: KEY_ARN, services: ['ebs', 'rds'] });
    expect(written(h.cwd)).toEqual(Object.fromEntries(expected.map((f) => [f.name, f.content])));
  });

  test('with every question and --out answered, the first screen is the review and Enter writes', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: ['us-east-1'], actions: ['kms:Decrypt'] };
    h = await startWizard({ answers, output: { choice: 'write', dir: 'out' } });
    expect(h.frame()).toContain('Step 9 of 10: Review');
    await h.press(K.enter);
    await h.waitFor('Wrote into out');
    expect(written(join(h.cwd, 'out'))).toEqual(Object.fromEntries(generated(answers).map((f) => [f.name, f.content])));
  });

  test('a flag with an invalid answer is asked, prefilled, with the problem shown', async () => {
    h = await startWizard({ answers: { keyArn: 'alias/my-key', services: ['secretsmanager'] } });
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expect(h.frame()).toContain('> alias/my-key');
    expect(h.frame()).toContain('"alias/my-key" is an alias name, not a key ARN');
  });
});

describe('back navigation', () => {
  test('Esc goes back a step with every answer kept, and forward again keeps them', async () => {
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    await h.burst(KEY_ARN);
    await h.press(K.enter);
    await h.burst('111122223333');
    await h.press(K.enter); // adds the account as administrator
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expect(h.frame()).toContain(`> ${KEY_ARN}`);
    await h.press(K.enter);
    expect(h.frame()).toContain('✔ 111122223333');
    await h.press(K.enter, K.down, K.down, K.enter); // trust: account
    expect(h.frame()).toContain('Step 5 of 10: Consumers');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 4 of 10: Trust');
    expect(h.frame()).toMatch(/› account: .*\(current\)/);
    await h.press(K.esc, K.esc);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 1 of 10: Start');
    expect(h.frame()).toMatch(/› an existing key\n/);
    await h.press(K.esc); // nothing before the first step
    expect(h.frame()).toContain('Step 1 of 10: Start');
    expect(h.exited()).toBeUndefined();
  });

  test('Esc skips steps answered by flags on the way back', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [] } });
    expect(h.frame()).toContain('Step 6 of 10: Services');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 6 of 10: Services');
  });

  test('selections survive going back and forth', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [] } });
    await h.burst('sqs');
    await h.press(K.space, K.enter);
    expect(h.frame()).toContain('Step 7 of 10: Regions');
    await h.press(K.esc);
    expect(h.frame()).toContain('1 selected');
    await h.burst('sqs');
    expect(h.frame()).toContain('› [x] sqs');
  });
});

describe('Ctrl-C', () => {
  test('cancels at a middle step: exit 130, nothing written', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, services: ['secretsmanager'] } });
    await h.press(K.enter, K.enter);
    await h.press(K.ctrlC);
    expect(await h.waitForExit()).toBe(130);
    // Ink flushes the closing frame on its own schedule (throttled), possibly after onExit.
    await h.waitFor('cancelled, nothing was written');
    expect(h.writes).toEqual([]);
    expect(readdirSync(h.cwd)).toEqual([]);
  });

  test('cancels on the overwrite question without touching the existing file', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'], regions: [], actions: [] } });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(h.cwd, 'key-policy.json'), 'mine\n');
    await h.press(K.enter, K.enter, K.enter);
    await h.waitFor('would be overwritten');
    await h.press(K.ctrlC);
    expect(await h.waitForExit()).toBe(130);
    expect(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')).toBe('mine\n');
    expect(readdirSync(h.cwd)).toEqual(['key-policy.json']);
  });
});

describe('fast keys', () => {
  test('a burst of keys in one chunk lands exactly as if typed slowly', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [] } });
    // Down, Down, Space, Down, Space, Enter: the third and fourth services, then the next step; one read.
    await h.burst('\u001B[B\u001B[B \u001B[B \r');
    expect(h.frame()).toContain('Step 7 of 10: Regions');
    const [third, fourth] = SERVICE_CHOICES.slice(2, 4).map((c) => c.id);
    expect(h.frame()).toMatch(new RegExp(`✔ Services\\s+${third}, ${fourth}\\n`));
  });

  test('Down, Down, Space, Enter at once on the trust list picks the third option', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [] } });
    expect(h.frame()).toContain('Step 4 of 10: Trust');
    await h.burst('\u001B[B\u001B[B\r');
    expect(h.frame()).toContain('Step 5 of 10: Consumers');
    expect(h.frame()).toMatch(/✔ Trust\s+account/);
  });

  test('keys typed while files are being written are applied after, in order', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'], regions: [], actions: [] } });
    // Review Enter, output Enter (write), dir Enter (plan + write start), then Enter for the done screen: one chunk.
    await h.burst('\r\r\r\r');
    expect(await h.waitForExit()).toBe(0);
    expect(readdirSync(h.cwd).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
  });
});

describe('why panel', () => {
  test('? toggles the explanation from the lessons for the current step', async () => {
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    expect(h.frame()).not.toContain('── Why:');
    await h.press('?');
    const why = whyText('key');
    expect(why.lessonId).not.toBe(''); // the lessons have a section for this step
    expect(h.frame()).toContain(`── Why: ${why.title} ──`);
    expect(h.frame()).toContain(`kms-wizard learn ${why.lessonId}`);
    await h.press('?');
    expect(h.frame()).not.toContain('── Why:');
  });

  test('on a wide terminal it starts open, beside the step', async () => {
    h = await startWizard({ columns: 140 });
    await h.press(K.enter); // an existing key
    expect(h.frame()).toMatch(/Paste the ARN.*│ ── Why:/);
  });

  test('the trust step explains the highlighted option', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [] } });
    await h.press('?');
    const first = h.frame().split('── Why:')[1];
    await h.press(K.down, K.down);
    const third = h.frame().split('── Why:')[1];
    expect(first).toBeTruthy();
    expect(third).not.toEqual(first);
  });
});

describe('layout', () => {
  test.each([
    [80, 24],
    [120, 24],
    [140, 30],
    [60, 20],
  ])('every step fits %ix%i, with and without the why panel', async (columns, rows) => {
    h = await startWizard({ columns, rows, answers: { keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/A'] } });
    const check = () => {
      const lines = h!.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const l of lines) expect([...l].length, `${l}\n---\n${h!.frame()}`).toBeLessThanOrEqual(columns);
      // From 80 columns the key help is whole, not cut.
      if (columns >= 80) expect(lines[lines.length - 1]).toMatch(/Ctrl-C cancel$/);
    };
    for (const keys of [[], [K.enter], [K.enter], ['s3', K.space, K.enter], [K.enter], [K.enter], [K.enter], [K.enter]]) {
      await h.press(...keys);
      check();
      await h.press('?');
      check();
      await h.press('?');
    }
    expect(h.frame()).toContain('Directory to write');
  });
});
