// The wizard's first question (a new key / an existing key / an existing key
// and its current policy), the current policy's file step, its pre-answers
// and the review's Changes tab, driven through the real App.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { specWithDefaults } from '../../src/commands/spec-flags.js';
import { buildPolicies } from '../../src/core/build.js';
import { fromCurrentPolicy, readCurrentPolicy, statementFates, type FateOverrides } from '../../src/core/current-policy/index.js';
import { validateSpec, type PolicySpec } from '../../src/core/spec.js';
import { whyText } from '../../src/lessons/why.js';
import { FORMATS } from '../../src/output/formats/index.js';
import { EMPTY_ANSWERS } from '../../src/ui/answers.js';
import type { Answers } from '../../src/ui/answer-types.js';
import { lineText } from '../../src/terminal/lines.js';
import { reviewTabs } from '../../src/ui/steps/review.js';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

const flat = (frame: string) => frame.replace(/\s+/g, ' ');

const FIXTURES = join(import.meta.dirname, '../fixtures/current-policy');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const written = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('current')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** What `generate --from FILE` writes for these flag answers: the chain of core functions it runs. */
function generatedFrom(answers: Partial<PolicySpec>, file: string, text: string, overrides: FateOverrides = {}) {
  const spec = validateSpec(specWithDefaults(answers));
  if (!spec.ok) throw new Error(JSON.stringify(spec.error));
  const current = readCurrentPolicy(file, text);
  if (!current.ok) throw new Error(current.error.message);
  if (spec.value.key.isNew) throw new Error('a current policy belongs to an existing key');
  const fates = statementFates(current.value, spec.value.key, overrides);
  if (!fates.ok) throw new Error(fates.error.join('\n'));
  const merged = fromCurrentPolicy(buildPolicies(spec.value), current.value, fates.value);
  if (!merged.ok) throw new Error(merged.error.join('\n'));
  return Object.fromEntries(FORMATS.json!(merged.value.result).map((f) => [f.name, f.content]));
}

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('the first question', () => {
  test('offers the three starts, explains the highlighted one, and its why panel comes from the lessons', async () => {
    h = await startWizard();
    expect(h.frame()).toContain('Step 1 of 10: Start');
    expect(h.frame()).toContain('a new key: it does not exist yet');
    expect(h.frame()).toMatch(/› an existing key\n/); // the default: today's flow
    expect(h.frame()).toContain('an existing key and its current policy');
    expect(h.frame()).toContain("replaces the key's WHOLE current policy");
    await h.press(K.down);
    expect(h.frame()).toContain('Statements kms-wizard does not own');
    await h.press('?');
    const why = whyText('start');
    expect(why.lessonId).not.toBe('');
    expect(h.frame()).toContain(`── Why: ${why.title} ──`);
  });

  test('an existing key: the key ARN step as before, and the start shows as answered', async () => {
    h = await startWizard();
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expect(h.frame()).toContain('Paste the ARN');
    await h.burst(KEY_ARN);
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    expect(h.frame()).toMatch(/✔ Start\s+an existing key\n/);
  });

  test('--key-arn answers it as an existing key, shown with the flag', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN } });
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    expect(h.frame()).toMatch(/✔ Start\s+an existing key \(--key-arn\)/);
  });
});

describe('a new key', () => {
  test('asks the account, then the Region from a list, then multi-Region; Esc steps back through them', async () => {
    h = await startWizard();
    await h.press(K.up, K.enter);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expect(h.frame()).toContain('Account that will own the key');
    await h.press('?');
    expect(h.frame()).toContain(`── Why: ${whyText('new-key').title} ──`);
    await h.press('?');
    await h.burst('12345');
    await h.press(K.enter);
    expect(h.frame()).toContain('"12345" is not a 12-digit AWS account id (it has 5 digits)');
    await h.burst('6789012');
    await h.press(K.enter);
    expect(h.frame()).toContain('✔ Account: 123456789012');
    await h.burst('eu-west');
    expect(h.frame()).toContain('› eu-west-1');
    await h.press(K.down, K.enter);
    expect(h.frame()).toContain('✔ Region: eu-west-2');
    expect(h.frame()).toContain('A multi-Region key?');
    await h.press(K.esc);
    expect(h.frame()).toMatch(/› eu-west-2/); // back on the Region list, at the Region chosen
    await h.press(K.esc);
    expect(h.frame()).toContain('> 123456789012');
    await h.press(K.enter, K.enter, K.down, K.enter);
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    expect(h.frame()).toMatch(/✔ Key\s+a new multi-Region key in eu-west-2, account 123456789012/);
  });

  test('answered through to the end, it writes what generate --new-key writes (the key policy only) and says to create the key with it', async () => {
    h = await startWizard({ rows: 40 });
    await h.press(K.up, K.enter);
    await h.burst('123456789012');
    await h.press(K.enter);
    await h.burst('eu-west-1');
    await h.press(K.enter, K.enter); // the Region, then "no" to multi-Region
    await h.press(K.enter, K.enter, K.enter); // admins, trust, consumers
    await h.burst('s3');
    await h.press(K.space, K.enter);
    expect(h.frame()).toContain('Step 7 of 10: Regions');
    expect(h.frame()).toContain("[x] eu-west-1  the key's Region");
    await h.press(K.enter, K.enter); // regions, actions
    expect(h.frame()).toContain('Step 9 of 10: Review');
    await h.press(K.enter);
    expect(h.frame()).not.toContain('put-key-policy replaces'); // a new key has no policy to replace
    await h.press(K.enter, K.enter);
    await h.waitFor('Wrote into .');
    expect(flat(h.frame())).toContain('aws kms create-key');
    const spec = validateSpec(specWithDefaults({ newKey: { account: '123456789012', region: 'eu-west-1', multiRegion: false }, services: ['s3'] }));
    if (!spec.ok) throw new Error(JSON.stringify(spec.error));
    const expected = Object.fromEntries(FORMATS.json!(buildPolicies(spec.value)).map((f) => [f.name, f.content]));
    expect(Object.keys(expected)).toEqual(['key-policy.json']);
    expect(written(h.cwd)).toEqual(expected);
  });

  test('a Region typed that is not a Region code is refused', async () => {
    h = await startWizard();
    await h.press(K.up, K.enter);
    await h.burst('123456789012');
    await h.press(K.enter);
    await h.burst('moon');
    expect(h.frame()).toContain('use "moon"');
    await h.press(K.enter);
    expect(h.frame()).toContain('"moon" is not a Region code');
    expect(h.frame()).toContain('Step 2 of 10: Key');
  });
});

describe('an existing key and its current policy', () => {
  async function toFileStep(): Promise<Harness> {
    const w = await startWizard({ rows: 40 });
    await w.press(K.down, K.enter);
    await w.burst(KEY_ARN);
    await w.press(K.enter);
    return w;
  }

  test('the file step explains get-key-policy with the key ARN, and bad files are refused without losing answers', async () => {
    h = await toFileStep();
    expect(h.frame()).toContain('Step 3 of 11: Current policy');
    expect(flat(h.frame())).toContain(`aws kms get-key-policy --key-id ${KEY_ARN} --policy-name default --query Policy --output text > current-key-policy.json`);
    // No file: Enter reads the default name, which is not there.
    await h.press(K.enter);
    await h.waitFor('cannot read current-key-policy.json: no such file');
    writeFileSync(join(h.cwd, 'broken.json'), '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}\n');
    await h.burst('broken.json');
    await h.press(K.enter);
    await h.waitFor(/broken\.json:4:\d+: invalid JSON/);
    writeFileSync(join(h.cwd, 'iam.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }));
    await h.press(K.ctrlU);
    await h.burst('iam.json');
    await h.press(K.enter);
    await h.waitFor('not a key policy: no statement names a Principal');
    expect(h.frame()).toContain('Step 3 of 11: Current policy');
    await h.press(K.esc);
    expect(h.frame()).toContain(`> ${KEY_ARN}`); // the key answer is kept
    await h.press(K.enter);
    expect(h.frame()).toContain('> iam.json'); // and so is the path typed
  });

  test('a control character in the file name or a Sid is shown escaped, never sent to the terminal', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Evil\u001b]0;pwned\u0007', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] });
    h = await startWizard({ rows: 40, answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'], regions: [], actions: [] }, current: { file: 'evil\u001b[2J.json', text } });
    expect(h.frame()).toContain('Step 10 of 11: Review');
    await h.press('2');
    expect(h.frame()).toContain('#1 "Evil\\u001b]0;pwned\\u0007"');
    await h.press(K.enter);
    expect(h.frame()).toContain('evil\\u001b[2J.json (1 statement)');
    expect(h.frame()).not.toContain('\u001b');
  });

  test('the console default policy pre-answers the administrators, offers the direct users, shows the Changes tab, and writes what generate --from writes', async () => {
    h = await toFileStep();
    writeFileSync(join(h.cwd, 'current-key-policy.json'), fixture('console-default.json'));
    await h.press(K.enter);
    await h.waitFor('Step 4 of 11: Administrators');
    expect(h.frame()).toMatch(/✔ Current policy\s+current-key-policy\.json \(4 statements\)/);
    expect(h.frame()).toContain('✔ arn:aws:iam::111122223333:role/KMSAdminRole'); // pre-answered, still editable
    expect(h.frame()).toContain('read from current-key-policy.json');
    await h.press(K.enter, K.enter); // admins, trust
    expect(h.frame()).toContain('Step 6 of 11: Consumers');
    expect(h.frame()).toContain('arn:aws:iam::111122223333:role/app used the key directly');
    await h.press(K.tab);
    expect(h.frame()).toContain('✔ arn:aws:iam::111122223333:role/app');
    await h.press(K.enter);
    await h.burst('secretsmanager');
    await h.press(K.space, K.enter, K.enter, K.enter); // services, regions, actions
    expect(h.frame()).toContain('Step 10 of 11: Review');
    expect(h.frame()).toContain('Current policy: 0 statements kept, 3 replaced, 1 merged');
    await h.press('2');
    expect(h.frame()).toMatch(/2 Changes \(\d+\)/);
    expect(h.frame()).toMatch(/replaced\s+#1 "Enable IAM User Permissions": the account root with kms:\*/);
    expect(h.frame()).toMatch(/merged\s+#2 "Allow access for Key Administrators"/);
    expect(h.frame()).toContain('Access removed');
    // The whole tab (it scrolls): the app role's direct Decrypt goes, as the console's "Allow use of the key" is replaced.
    const answers: Answers = {
      ...EMPTY_ANSWERS,
      start: 'current',
      current: { file: 'current-key-policy.json', text: fixture('console-default.json') },
      keyArn: KEY_ARN,
      admins: ['arn:aws:iam::111122223333:role/KMSAdminRole'],
      consumers: ['arn:aws:iam::111122223333:role/app'],
      services: ['secretsmanager'],
    };
    const tab = reviewTabs(answers, 100).find((t) => t.title.startsWith('Changes'))!;
    const text = tab.lines.map(lineText).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('What happens to each statement of current-key-policy.json:');
    const removed = text.slice(text.indexOf('Access removed'), text.indexOf('Access added'));
    // The app role keeps Decrypt through Secrets Manager (it is a consumer) and loses it directly and through other services.
    expect(removed).toContain('- role/app in 111122223333: kms:Decrypt, kms:GenerateDataKey, directly, through s3.us-east-1.amazonaws.com: Allow -> ImplicitDeny');
    await h.press(K.enter); // review done
    expect(h.frame()).toContain('key-policy.json holds the statements kept from current-key-policy.json');
    await h.press(K.enter, K.enter); // write, into "."
    await h.waitFor('Wrote into .');
    const expected = generatedFrom(
      { keyArn: KEY_ARN, admins: ['arn:aws:iam::111122223333:role/KMSAdminRole'], consumers: ['arn:aws:iam::111122223333:role/app'], services: ['secretsmanager'] },
      'current-key-policy.json',
      fixture('console-default.json'),
    );
    expect(written(h.cwd)).toEqual(expected);
  });

  test('--from pre-answers the first question and the file; kept statements stay byte-for-byte and the Changes tab lists them', async () => {
    const text = fixture('logs-deny-cross-account.json');
    h = await startWizard({ rows: 40, answers: { keyArn: KEY_ARN, services: ['secretsmanager'] }, current: { file: 'current.json', text } });
    expect(h.frame()).toContain('Step 4 of 11: Administrators');
    expect(h.frame()).toMatch(/✔ Start\s+an existing key and its current policy \(--from\)/);
    expect(h.frame()).toMatch(/✔ Current policy\s+current\.json \(5 statements\) \(--from\)/);
    await h.press(K.enter, K.enter, K.enter, K.enter, K.enter); // admins, trust, consumers, regions, actions
    expect(h.frame()).toContain('Step 10 of 11: Review');
    await h.press('2');
    expect(h.frame()).toMatch(/kept\s+#2 "AllowCloudWatchLogs"/);
    expect(h.frame()).toMatch(/kept\s+#3 "DenyOutsideOrganization"/);
    expect(h.frame()).toMatch(/kept\s+#5 \(no Sid\)/);
    await h.press(K.enter, K.enter, K.enter);
    await h.waitFor('Wrote into .');
    const keyPolicy = JSON.parse(readFileSync(join(h.cwd, 'key-policy.json'), 'utf8')) as { Statement: unknown[] };
    const original = JSON.parse(text) as { Statement: unknown[] };
    for (const i of [1, 2, 3, 4]) expect(keyPolicy.Statement).toContainEqual(original.Statement[i]);
    expect(written(h.cwd)).toEqual(generatedFrom({ keyArn: KEY_ARN, services: ['secretsmanager'] }, 'current.json', text));
  });

  test('--keep and --drop decide those statements as for generate: the Changes tab says so, and the files are the same bytes', async () => {
    const text = fixture('logs-deny-cross-account.json');
    const overrides = { keep: ['Enable IAM User Permissions'], drop: ['AllowCloudWatchLogs'] };
    h = await startWizard({ rows: 40, answers: { keyArn: KEY_ARN, services: ['secretsmanager'] }, current: { file: 'current.json', text, ...overrides } });
    await h.press(K.enter, K.enter, K.enter, K.enter, K.enter); // admins, trust, consumers, regions, actions
    expect(h.frame()).toContain('Review');
    await h.press('2');
    expect(h.frame()).toMatch(/kept\s+#1 "Enable IAM User Permissions": kept as it is \(--keep\)/);
    expect(h.frame()).toMatch(/replaced\s+#2 "AllowCloudWatchLogs": left out \(--drop\)/);
    // And what that costs, in the same words as generate: the Logs service loses access, the kept root statement bypasses ViaService.
    expect(h.frame()).toContain('service principal logs.us-east-1.amazonaws.com loses');
    expect(h.frame()).toContain('KW602');
    await h.press(K.enter, K.enter, K.enter);
    await h.waitFor('Wrote into .');
    expect(written(h.cwd)).toEqual(generatedFrom({ keyArn: KEY_ARN, services: ['secretsmanager'] }, 'current.json', text, overrides));
    // Dropping the Logs statement is not what the defaults write.
    expect(written(h.cwd)).not.toEqual(generatedFrom({ keyArn: KEY_ARN, services: ['secretsmanager'] }, 'current.json', text));
  });

  test('a kept statement whose Sid the generated policy uses: the review says why and Enter goes to the file step, nothing is written', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'KeyAdministrators', Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }] });
    h = await startWizard({ rows: 40, answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'], regions: [], actions: [] }, current: { file: 'current.json', text } });
    expect(h.frame()).toContain('Step 10 of 11: Review');
    expect(flat(h.frame())).toContain('statement #1 "KeyAdministrators" is kept, but the generated policy has a statement with the same Sid');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 3 of 11: Current policy');
    expect(flat(h.frame())).toContain('the same Sid');
    expect(readdirSync(h.cwd)).toEqual([]);
  });

  test('going back from the first pre-answered step walks the file step, the key and the start', async () => {
    h = await toFileStep();
    writeFileSync(join(h.cwd, 'current-key-policy.json'), fixture('console-default.json'));
    await h.press(K.enter);
    await h.waitFor('Step 4 of 11: Administrators');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 3 of 11: Current policy');
    expect(h.frame()).toContain('read current-key-policy.json (4 statements)');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 2 of 11: Key');
    await h.press(K.esc);
    expect(h.frame()).toContain('Step 1 of 11: Start');
    await h.press(K.up, K.enter); // an existing key: the file step leaves the run
    expect(h.frame()).toContain('Step 2 of 10: Key');
  });
});

describe('layout', () => {
  test.each([
    [80, 24],
    [60, 20],
    [140, 30],
  ])('the new screens fit %ix%i, with and without the why panel', async (columns, rows) => {
    h = await startWizard({ columns, rows });
    const check = async () => {
      for (const why of [false, true]) {
        if (why) await h!.press('?');
        const lines = h!.frame().split('\n');
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const l of lines) expect([...l].length, `${l}\n---\n${h!.frame()}`).toBeLessThanOrEqual(columns);
        if (why) await h!.press('?');
      }
    };
    await check(); // start
    await h.press(K.up, K.enter);
    await check(); // new key: account
    await h.burst('123456789012');
    await h.press(K.enter);
    await check(); // new key: Region
    await h.press(K.enter);
    await check(); // new key: multi-Region
    await h.press(K.esc, K.esc, K.esc, K.esc); // back to the start
    expect(h.frame()).toContain('Step 1 of 10: Start');
    await h.press(K.down, K.down, K.enter);
    await h.burst(KEY_ARN);
    await h.press(K.enter);
    await check(); // current policy file
    writeFileSync(join(h.cwd, 'current-key-policy.json'), fixture('logs-deny-cross-account.json'));
    await h.press(K.enter);
    await h.waitFor('Administrators');
    await h.press(K.enter, K.enter, K.enter);
    await h.burst('s3');
    await h.press(K.space, K.enter, K.enter, K.enter);
    expect(h.frame()).toContain('Review');
    await h.press('2');
    await check(); // Changes tab
  });
});
