// The accessible wizard: the same questions as plain prompts. The prompt
// function is scripted here (the e2e test drives the real one in a pty).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { specWithDefaults } from '../../src/commands/spec-flags.js';
import { makeStyle } from '../../src/cli/style.js';
import { buildPolicies } from '../../src/core/build.js';
import { validateSpec, type PolicySpec } from '../../src/core/spec.js';
import { FORMATS } from '../../src/output/formats/index.js';
import { BACK_HINT, withHint, type Ask } from '../../src/ui/accessible/questions.js';
import { runAccessible } from '../../src/ui/accessible/run.js';
import type { OutputPreset } from '../../src/ui/state.js';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Answers questions in order; an empty answer takes the default, as the real prompt does; refused answers are recorded. */
function scripted(replies: string[]) {
  const asked: string[] = [];
  const refused: string[] = [];
  /** Each accepted answer as the prompt shows it once answered (a numbered choice in words). */
  const shown: string[] = [];
  /** The hint each question says while it waits. */
  const hints: (string | undefined)[] = [];
  const ask: Ask = async (q) => {
    asked.push(q.message);
    hints.push(q.hint);
    for (;;) {
      const reply = replies.shift();
      if (reply === undefined) throw new Error(`no scripted answer for "${q.message}"`);
      const value = reply === '' ? (q.default ?? '') : reply;
      const ok = q.validate ? q.validate(value) : true;
      if (ok === true) {
        shown.push(q.answerText ? q.answerText(value) : value);
        return value;
      }
      refused.push(ok);
    }
  };
  return { ask, asked, refused, shown, hints };
}

function run(replies: string[], answers: Partial<PolicySpec> = {}, output: Partial<OutputPreset> = {}, cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'))) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const s = scripted(replies);
  const io = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd };
  const done = runAccessible({ answers, output: { format: 'json', force: false, ...output } }, io, makeStyle(false), s.ask);
  return { done, cwd, out: () => text, ...s };
}

const generated = (a: Partial<PolicySpec>, format = 'json') => {
  const r = validateSpec(specWithDefaults(a));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return Object.fromEntries(FORMATS[format]!(buildPolicies(r.value)).map((f) => [f.name, f.content]));
};
const written = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('accessible wizard', () => {
  test('asks every question in order, refuses bad answers with the fix, and writes what generate writes', async () => {
    const r = run([
      '', // start: an existing key (the default)
      'alias/app', KEY_ARN, // key: refused, then accepted
      'arn:aws:iam::111122223333:group/admins', 'arn:aws:iam::111122223333:role/KeyAdmin', // admins
      '5', '2', // trust: refused number, then principals
      'arn:aws:iam::111122223333:role/app', // consumers
      'list', 'alb', 'ebs, secretsmanager', // services: the list, a refusal (ALB logs are SSE-S3 only), then two
      '', // regions: the key's
      '', // actions: defaults
      '1', // write
      '', // format: json
      '', // directory "."
    ]);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Key', 'Administrator', 'Choose', 'Role', 'Services:', 'Services:', 'Regions,', 'Press', 'Choose', 'Format,', 'Directory']);
    expect(r.refused[0]).toContain('is an alias name, not a key ARN');
    expect(r.refused[1]).toContain('IAM groups are never valid principals');
    expect(r.refused[2]).toBe('type a number from 1 to 3');
    expect(r.out()).toContain('Step 1 of 10, Start. What is this key policy for?');
    expect(r.out()).toContain('3. an existing key and its current policy');
    expect(r.out()).toContain("Warning: put-key-policy replaces the key's WHOLE policy");
    expect(r.refused[3]).toContain('Application Load Balancer access logs is not generated: AWS documents that ALB access logs support only SSE-S3');
    expect(r.out()).toContain('1. iam: the key policy trusts the account');
    expect(r.out()).toContain('Note: EBS is named "ec2" in kms:ViaService');
    expect(r.out()).toContain('secretsmanager: AWS Secrets Manager'); // the list
    expect(r.out()).toContain('Lint: no findings.');
    expect(r.out()).toMatch(/denied: .*calling KMS directly\. denied: /);
    expect(r.out()).not.toContain('NOT the intended decision');
    const expected = generated({ keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KeyAdmin'], access: 'principals', consumers: ['arn:aws:iam::111122223333:role/app'], services: ['ebs', 'secretsmanager'] });
    expect(r.out()).toContain(`Wrote into .: ${Object.keys(expected).join(', ')}.`);
    expect(written(r.cwd)).toEqual(expected);
  });

  test('"back" returns to the previous question, its answer offered again; the files are as if it was never typed', async () => {
    const r = run([
      '', KEY_ARN, // start (an existing key), key
      'back', '', // admins: back to the key, whose ARN is the default now
      '', '1', '', 'ebs', // admins, trust iam, consumers, services
      '', '', '1', '', '', // regions, actions, write, json, "."
    ]);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Key', 'Administrator', 'Key', 'Administrator', 'Choose', 'Account', 'Services:', 'Regions,', 'Press', 'Choose', 'Format,', 'Directory']);
    expect(r.out()).toContain('Back to Step 2 of 10, Key.');
    expect(r.refused).toEqual([]);
    expect(written(r.cwd)).toEqual(generated({ keyArn: KEY_ARN, services: ['ebs'] }));
  });

  test('"back" at the first question asked (start and key answered by --key-arn) says so and asks it again', async () => {
    const answers = { keyArn: KEY_ARN, services: ['s3'] };
    const r = run(['back', '', '1', '', '', '', '1', '', ''], answers);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('This is the first question.');
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Administrator', 'Administrator', 'Choose', 'Account', 'Regions,', 'Press', 'Choose', 'Format,', 'Directory']);
    expect(written(r.cwd)).toEqual(generated(answers));
  });

  test('"back" at the source ARNs returns to the services of the same step', async () => {
    const r = run(['', KEY_ARN, '', '1', '', 'cloudtrail', 'back', 'ebs', '', '', '1', '', '']);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Key', 'Administrator', 'Choose', 'Account', 'Services:', 'Source', 'Services:', 'Regions,', 'Press', 'Choose', 'Format,', 'Directory']);
    expect(written(r.cwd)).toEqual(generated({ keyArn: KEY_ARN, services: ['ebs'] }));
  });

  test('"back" after the review: from the output choice to the last question, from the directory to the format, from the format to the output choice', async () => {
    const answers = { keyArn: KEY_ARN, services: ['s3'] };
    const r = run([
      '', '1', '', '', '', // admins, trust iam, consumers, regions, actions
      'back', '', // output: back to the actions, kept
      '1', '2', // write, terraform
      'back', 'back', // directory: back to the format; format: back to the output choice
      '', '', 'out', // write and terraform, offered again; the directory
    ], answers);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Administrator', 'Choose', 'Account', 'Regions,', 'Press', 'Choose', 'Press', 'Choose', 'Format,', 'Directory', 'Format,', 'Choose', 'Format,', 'Directory']);
    expect(r.out()).toContain('Back to Step 8 of 10, Actions.');
    expect(r.out().split('Step 9 of 10, Review.').length - 1).toBe(2); // the review is said again after the questions
    expect(r.out()).toContain('Back to the format.');
    expect(r.out()).toContain('Back to Step 10 of 10, Output.');
    expect(r.refused).toEqual([]);
    expect(written(join(r.cwd, 'out'))).toEqual(generated(answers, 'terraform'));
  });

  test('every question, the output, format, directory and overwrite ones too, says how to go back and cancel, once', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    writeFileSync(join(cwd, 'key-policy.json'), 'mine\n');
    const r = run(['', KEY_ARN, '', '1', '', 'cloudtrail', '', '', '', '1', '', '', 'yes'], {}, {}, cwd);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Key', 'Administrator', 'Choose', 'Account', 'Services:', 'Source', 'Regions,', 'Press', 'Choose', 'Format,', 'Directory', 'Overwrite']);
    expect(r.hints).toEqual(r.asked.map(() => BACK_HINT));
    // Nothing else says it: not the questions' own words, not the text around them.
    for (const m of r.asked) expect(m).not.toMatch(/\bback\b|Ctrl-C/);
    expect(r.out()).not.toMatch(/\bback\b|Ctrl-C/i);
  });

  test('the hint goes before the closing colon, and never twice', () => {
    expect(withHint('Choose 1 to 3:', BACK_HINT)).toBe('Choose 1 to 3 (type back to go back, Ctrl-C to cancel):');
    expect(withHint(withHint('Services:', BACK_HINT), BACK_HINT)).toBe('Services (type back to go back, Ctrl-C to cancel):');
    expect(withHint('Overwrite them?', BACK_HINT)).toBe('Overwrite them? (type back to go back, Ctrl-C to cancel)');
    expect(withHint('Services:', undefined)).toBe('Services:');
  });

  test('"back" at the format offers the output choice made before (print), not the first one', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const r = run(['3', 'back', '', ''], answers);
    expect(await r.done).toBe(0);
    expect(r.shown).toEqual(['Print them in the terminal', 'back', 'Print them in the terminal', 'json']);
    expect(r.out()).toContain(generated(answers)['iam-policy.json']);
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  test('"back" at the output choice when flags answered every question says so and asks it again', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const r = run(['back', '1', '', ''], answers);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('This is the first question.');
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Choose', 'Format,', 'Directory']);
    expect(written(r.cwd)).toEqual(generated(answers));
  });

  test('"back" at the overwrite question returns to the directory, the one typed offered again', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', 'key-policy.json'), 'mine\n');
    const r = run(['1', '', 'out', 'back', '', 'yes'], answers, {}, cwd);
    expect(await r.done).toBe(0);
    expect(r.asked.map((m) => m.split(' ')[0])).toEqual(['Choose', 'Format,', 'Directory', 'Overwrite', 'Directory', 'Overwrite']);
    expect(written(join(cwd, 'out'))).toEqual(generated(answers));
  });

  test('a new key: "back" at the Region returns to the account id', async () => {
    const r = run(['1', '111122223333', 'back', '444455556666', 'eu-west-1', 'no', '', '1', '', 'ebs', '', '', '1', '', '']);
    expect(await r.done).toBe(0);
    expect(r.asked.slice(1, 5).map((m) => m.split(' ')[0])).toEqual(['Account', 'Region', 'Account', 'Region']);
    expect(r.out()).not.toContain('111122223333:');
  });

  test('a numbered choice, once answered, is shown in words, not as the number typed', async () => {
    const r = run(['2', KEY_ARN, '', '2', 'arn:aws:iam::111122223333:role/app', 'ebs', '', '', '3', '1']);
    expect(await r.done).toBe(0);
    expect(r.shown[0]).toBe('an existing key');
    expect(r.shown[3]).toBe('principals: the key policy names the roles and users itself');
    expect(r.shown.slice(-2)).toEqual(['Print them in the terminal', 'json']);
  });

  test('a service named as a screen reader reads it ("Secrets Manager") is one choice, not two', async () => {
    const r = run([
      '', KEY_ARN, '', '1', '', // start (an existing key), key, admins, trust iam, consumers
      'Secrets Manager, ebs', // services, by their spoken names
      '', '', '1', '', '', // regions, actions, write, json, "."
    ]);
    expect(await r.done).toBe(0);
    expect(r.refused).toEqual([]);
    expect(written(r.cwd)).toEqual(generated({ keyArn: KEY_ARN, services: ['secretsmanager', 'ebs'] }));
  });

  test('a service acting as itself: the default scope is said, then source ARNs are asked (a wrong one refused) and land in the files', async () => {
    const trail = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main';
    const r = run([
      '', KEY_ARN, '', '1', '', // start (an existing key), key, admins, trust iam, consumers
      'cloudtrail, secretsmanager', // services: one as itself, one via
      'arn:aws:sns:us-east-1:111122223333:t', trail, // source ARNs: refused (no chosen service uses it), then the trail
      '', '', '1', '', '', // regions, actions, write, json, "."
    ]);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('cloudtrail: only for trails of account 111122223333');
    expect(r.refused.join('\n')).toContain('not among the services');
    const expected = generated({ keyArn: KEY_ARN, services: ['cloudtrail', 'secretsmanager'], sourceArns: [trail] });
    expect(written(r.cwd)).toEqual(expected);
    expect(expected['key-policy.json']).toContain(trail);
  });

  test('flags answer their questions; --out writes without asking where', async () => {
    const answers = { keyArn: KEY_ARN, services: ['s3'] };
    const r = run(['', '', '', '', '', ''], answers, { choice: 'write', dir: 'out' });
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('start: answered by --key-arn.');
    expect(r.out()).toContain('key: answered by --key-arn.');
    expect(r.out()).toContain('services: answered by --service.');
    expect(written(join(r.cwd, 'out'))).toEqual(generated(answers));
  });

  test('existing files: overwritten only after "yes"', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    writeFileSync(join(cwd, 'key-policy.json'), 'mine\n');
    // Write, ".", refuse ("no"), ".", accept ("yes").
    const r = run(['1', '', '', 'no', '', 'yes'], answers, {}, cwd);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('These files exist and would be overwritten: key-policy.json.');
    expect(r.asked.filter((m) => m.startsWith('Overwrite')).length).toBe(2);
    expect(written(cwd)).toEqual(generated(answers));
  });

  test('with --out, refusing to overwrite writes nothing and exits 1', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    writeFileSync(join(cwd, 'key-policy.json'), 'mine\n');
    const r = run(['', ''], answers, { choice: 'write', dir: '.' }, cwd);
    expect(await r.done).toBe(1);
    expect(r.out()).toContain('Nothing written.');
    expect(readdirSync(cwd)).toEqual(['key-policy.json']);
    expect(readFileSync(join(cwd, 'key-policy.json'), 'utf8')).toBe('mine\n');
  });

  test('print writes the policies to stdout and nothing to disk', async () => {
    const answers = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam' as const, services: ['s3'], regions: [], actions: [] };
    const r = run(['3', ''], answers);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('// ==> key-policy.json <==');
    expect(r.out()).toContain(generated(answers)['iam-policy.json']);
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  test('Ctrl-C (the prompt library\'s ExitPromptError) cancels with 130 and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (d: Buffer) => (text += d.toString()));
    const ask: Ask = async () => {
      throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    };
    const code = await runAccessible({ answers: {}, output: { format: 'json', force: false } }, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd }, makeStyle(false), ask);
    expect(code).toBe(130);
    expect(text).toContain('Cancelled: nothing was written.');
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a new key: the account, Region and multi-Region questions, checked as generate checks them', async () => {
    const r = run(['1', '1234', '111122223333', 'mars-1', 'eu-west-1', 'maybe', 'no', '', '', '', 's3', '', '', '3', '']);
    expect(await r.done).toBe(0);
    expect(r.asked.slice(0, 4)).toEqual(['Choose 1 to 3:', 'Account id that will own the key (12 digits):', 'Region the key will live in (like us-east-1):', 'A multi-Region key? yes or no:']);
    expect(r.refused[0]).toContain('"1234" is not a 12-digit AWS account id');
    expect(r.refused[1]).toContain('mars-1');
    expect(r.refused[2]).toBe('type yes or no');
    expect(r.out()).toContain('Step 2 of 10, Key. The key does not exist yet');
    expect(r.out()).toContain('aws kms create-key'); // the new key's next steps
  });

  test('an existing key and its current policy: a bad file is refused with the reason, a good one pre-answers, and the changes are listed', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kms-wizard-acc-'));
    writeFileSync(join(cwd, 'broken.json'), '{"Statement": [}');
    writeFileSync(join(cwd, 'current-key-policy.json'), readFileSync(join(import.meta.dirname, '../fixtures/current-policy/console-default.json'), 'utf8'));
    const r = run(['3', KEY_ARN, 'missing.json', 'broken.json', '', '', '', '', 'secretsmanager', '', '', '1', '', ''], {}, {}, cwd);
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('Step 3 of 11, Current policy.');
    expect(r.out()).toContain(`aws kms get-key-policy --key-id ${KEY_ARN} --policy-name default --query Policy --output text > current-key-policy.json`);
    expect(r.out()).toContain('cannot read missing.json: no such file');
    expect(r.out()).toMatch(/broken\.json:1:\d+: invalid JSON/);
    expect(r.out()).toContain('Read current-key-policy.json (4 statements).');
    // The administrators question offers the file's administrator as its default.
    expect(r.asked).toContain("Administrator role or user ARNs, or account ids, separated by commas (press Enter for the key's account root):");
    expect(r.out()).toContain('What happens to each statement of current-key-policy.json:');
    expect(r.out()).toMatch(/replaced #1 "Enable IAM User Permissions"/);
    expect(r.out()).toContain("key-policy.json holds the statements kept from current-key-policy.json (4 statements)");
    const kp = JSON.parse(readFileSync(join(cwd, 'key-policy.json'), 'utf8')) as { Statement: { Sid: string; Principal: { AWS: string } }[] };
    expect(kp.Statement.find((x) => x.Sid === 'KeyAdministrators')?.Principal.AWS).toBe('arn:aws:iam::111122223333:role/KMSAdminRole');
  });
});
