import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { specWithDefaults } from '../../src/commands/spec-flags.js';
import { buildPolicies } from '../../src/core/build.js';
import { validateSpec, type PolicySpec } from '../../src/core/spec.js';
import { filesAsText } from '../../src/output/files-text.js';
import { FORMATS } from '../../src/output/formats/index.js';
import { programName } from '../../src/output/steps-for.js';
import { reviewFindings, reviewMatrix } from '../../src/ui/review-analysis.js';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

const flat = (s: string) => s.replace(/\s+/g, ' ');
const ALL: Partial<PolicySpec> = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [], actions: [] };
const build = (a: Partial<PolicySpec>) => {
  const r = validateSpec(specWithDefaults(a));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return buildPolicies(r.value);
};

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('review', () => {
  test('lists every lint finding with file, line and fix', async () => {
    // Encrypt is never called by Secrets Manager: the linter says so (info findings).
    const answers = { ...ALL, actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'] };
    const findings = reviewFindings(build(answers));
    expect(findings.length).toBeGreaterThan(0);
    h = await startWizard({ answers, rows: 40 });
    expect(h.frame()).toContain('Step 9 of 10: Review');
    expect(h.frame()).toContain(`Findings (${findings.length})`);
    await h.press('2');
    for (const f of findings) {
      expect(flat(h.frame())).toContain(flat(`${f.severity} ${f.code} ${f.file}:${f.line}:${f.column} ${f.message}`));
    }
  });

  test('no findings is said plainly', async () => {
    h = await startWizard({ answers: ALL });
    expect(reviewFindings(build(ALL))).toEqual([]);
    expect(h.frame()).toContain('Checks: no lint findings');
    await h.press(K.right);
    expect(h.frame()).toContain('No findings: both policies pass every lint rule.');
  });

  test('shows the access matrix: allowed through the service, denied directly, with the reason', async () => {
    const rows = reviewMatrix(build(ALL));
    h = await startWizard({ answers: ALL, rows: 60, columns: 100 });
    await h.press(K.right, K.right);
    expect(h.frame()).toContain('What the simulator decides');
    const direct = rows.find((r) => r.scenario.includes('calling KMS directly'))!;
    expect(direct.decision).not.toBe('Allow');
    expect(flat(h.frame())).toContain(flat(`✘ denied ${direct.scenario}`));
    expect(flat(h.frame())).toContain(flat(direct.reason).slice(0, 60));
    const through = rows.find((r) => r.decision === 'Allow')!;
    expect(flat(h.frame())).toContain(flat(`✔ allowed ${through.scenario}`));
    expect(h.frame()).not.toContain('(intended:');
  });

  test('the overview says whether every simulated request gets the intended decision', async () => {
    h = await startWizard({ answers: ALL });
    const rows = reviewMatrix(build(ALL));
    expect(h.frame()).toContain(`all ${rows.length} simulated requests get the intended decision`);
  });

  test('both policies are shown as written, scrollable', async () => {
    const files = FORMATS.json!(build(ALL));
    h = await startWizard({ answers: ALL, rows: 24 });
    await h.press('5');
    expect(h.frame()).toContain(' 1 {');
    expect(h.frame()).toContain('"Sid": "KeyAdministrators"');
    const lines = files[0]!.content.trimEnd().split('\n');
    await h.press('\u001B[F'); // End
    expect(h.frame()).toContain(`${String(lines.length).padStart(2)} ${lines[lines.length - 1]}`);
    expect(h.frame()).toContain(`of ${lines.length + 1}`); // the description line above the JSON
    await h.press('6');
    expect(h.frame()).toContain('IAM policy for account 111122223333');
    expect(h.frame()).toContain('"Sid": "UseThroughServices"');
  });

  test('the plain-language view explains each statement', async () => {
    h = await startWizard({ answers: ALL, rows: 50 });
    await h.press('4');
    expect(h.frame()).toContain('key-policy.json');
    expect(h.frame()).toMatch(/• KeyAdministrators: /);
    expect(h.frame()).toContain('not allowed: direct calls to KMS');
  });

  test('fits 80x24: no frame line is wider than 80 or the frame taller than 23 lines', async () => {
    h = await startWizard({ answers: ALL, columns: 80, rows: 24 });
    for (const key of ['1', '2', '3', '4', '5', '6', '?']) {
      await h.press(key);
      const lines = h.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('output', () => {
  const atOutput = (extra: Parameters<typeof startWizard>[0] = {}) => startWizard({ answers: ALL, ...extra }).then(async (x) => {
    await x.press(K.enter);
    expect(x.frame()).toContain('Step 10 of 10: Output');
    return x;
  });

  test('existing files are listed and only overwritten after an explicit y', async () => {
    h = await atOutput();
    writeFileSync(join(h.cwd, 'key-policy.json'), 'mine\n');
    await h.press(K.enter, K.enter);
    await h.waitFor('would be overwritten');
    expect(h.frame()).toContain('! key-policy.json');
    expect(h.frame()).not.toContain('! iam-policy.json');
    await h.press(K.enter); // Enter is not a yes
    expect(h.frame()).toContain('Directory to write');
    expect(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')).toBe('mine\n');
    await h.press(K.enter);
    await h.waitFor('would be overwritten');
    await h.press('n');
    expect(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')).toBe('mine\n');
    await h.press(K.enter);
    await h.waitFor('would be overwritten');
    await h.press('y');
    await h.waitFor('Wrote into .');
    const files = FORMATS.json!(build(ALL));
    expect(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')).toBe(files[0]!.content);
    expect(h.writes).toEqual([{ dir: '.', force: true }]);
  });

  test('another directory can be typed; it is created', async () => {
    h = await atOutput();
    await h.press(K.enter);
    await h.press('\u0015');
    await h.burst('policies/prod');
    await h.press(K.enter);
    await h.waitFor('Wrote into policies/prod');
    expect(readdirSync(join(h.cwd, 'policies/prod')).sort()).toEqual(['iam-policy.json', 'key-policy.json']);
    expect(h.frame()).toContain('file://policies/prod/key-policy.json');
  });

  test('a directory that cannot be written is reported and nothing is written', async () => {
    h = await atOutput();
    writeFileSync(join(h.cwd, 'afile'), '');
    await h.press(K.enter, '\u0015');
    await h.burst('afile/sub');
    await h.press(K.enter);
    await h.waitFor('✘');
    expect(h.frame()).toMatch(/nothing written|cannot use afile\/sub/);
    expect(h.frame()).toContain('Directory to write');
    expect(readdirSync(h.cwd)).toEqual(['afile']);
  });

  test('the format can be changed with ←/→ and the files of that format are written', async () => {
    h = await atOutput();
    await h.press(K.right);
    expect(h.frame()).toMatch(/Format: json · terraform/);
    await h.press(K.enter, K.enter);
    await h.waitFor('Wrote into .');
    const files = FORMATS.terraform!(build(ALL));
    expect(readdirSync(h.cwd).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(readFileSync(join(h.cwd, f.name), 'utf8')).toBe(f.content);
  });

  test('copy puts both files on the clipboard and says so', async () => {
    h = await atOutput();
    await h.press(K.down, K.enter);
    await h.waitFor('Copied the policies to the clipboard of the test.');
    expect(h.copies).toEqual([filesAsText(FORMATS.json!(build(ALL)))]);
    expect(readdirSync(h.cwd)).toEqual([]);
    await h.press(K.enter);
    const s = await h.waitForExit();
    expect(s).toBe(0);
    expect(h.exited()?.finished).toEqual({ kind: 'copied', how: 'of the test' });
  });

  test('when no clipboard can be reached, the reason is shown and the policies are printed instead', async () => {
    h = await atOutput({ copy: async () => ({ ok: false, reason: 'no display server (xsel: Can\'t open display)' }) });
    await h.press(K.down, K.enter);
    await h.waitFor('Could not copy to the clipboard');
    expect(flat(h.frame())).toContain("no display server (xsel: Can't open display)");
    expect(h.frame()).toContain('printed below when the wizard closes');
    await h.press(K.enter);
    expect(await h.waitForExit()).toBe(0);
    expect(h.exited()?.finished).toEqual({ kind: 'printed', reason: "no display server (xsel: Can't open display)" });
  });

  test.each([
    ['copied', [K.down, K.enter]],
    ['printed', [K.down, K.down, K.enter]],
  ])('%s, not written: the next steps first write the files, and no file:// comes before that', async (_, keys) => {
    h = await atOutput({ rows: 60 });
    await h.press(...keys);
    await h.waitFor('Next steps');
    const text = flat(h.frame());
    const write = text.indexOf('1. The files were not written: write them first');
    expect(write).toBeGreaterThan(-1);
    // The program as this process was started (vitest under npx says npx kms-wizard).
    expect(text).toContain(`$ ${programName(process.env)} generate --key-arn ${KEY_ARN} --service secretsmanager 2.`);
    expect(text.indexOf('file://')).toBeGreaterThan(write);
  });

  test('print ends at the done screen without writing', async () => {
    h = await atOutput();
    await h.press(K.down, K.down, K.enter);
    expect(h.frame()).toContain('printed below when the wizard closes');
    await h.press(K.enter);
    expect(await h.waitForExit()).toBe(0);
    expect(h.exited()?.finished).toEqual({ kind: 'printed' });
    expect(readdirSync(h.cwd)).toEqual([]);
  });

  test('--force writes over existing files without asking', async () => {
    h = await startWizard({ answers: ALL, output: { choice: 'write', dir: '.', force: true } });
    writeFileSync(join(h.cwd, 'key-policy.json'), 'mine\n');
    await h.press(K.enter);
    await h.waitFor('Wrote into .');
    expect(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')).not.toBe('mine\n');
  });

  test('--stdout answers the output step: Enter on the review goes to the done screen', async () => {
    h = await startWizard({ answers: ALL, output: { choice: 'print' } });
    await h.press(K.enter);
    expect(h.frame()).toContain('printed below when the wizard closes');
  });

  test('the done screen lists the next steps and scrolls', async () => {
    h = await atOutput({ rows: 16 });
    await h.press(K.enter, K.enter);
    await h.waitFor('Wrote into .');
    expect(h.frame()).toContain('Next steps');
    expect(h.frame()).toContain('more lines');
    const before = h.frame();
    // Down to the last page (scrolling stops there): the last step checks the policy in place.
    await h.press(...Array<string>(80).fill(K.down));
    expect(h.frame()).not.toEqual(before);
    expect(h.frame()).toContain('get-key-policy --key-id');
    expect(h.frame()).not.toContain('more lines');
  });
});
