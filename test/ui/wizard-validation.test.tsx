// Every answer is checked as it is typed, with the message and fix that
// validateSpec / parseKeyArn give `generate` (the wizard shows them, never
// its own variants), and a refused Enter stays on the step.
import { afterEach, describe, expect, test } from 'vitest';
import { parseKeyArn } from '../../src/core/arn.js';
import { validateSpec, type PolicySpec } from '../../src/core/spec.js';
import type { SpecIssue } from '../../src/core/spec-types.js';
import { inWizardWords } from '../../src/ui/field-words.js';
import { K, KEY_ARN, startWizard, type Harness } from './wizard-harness.js';

/** Frames wrap at the terminal width: compare with all white space collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const BASE: PolicySpec = { keyArn: KEY_ARN, admins: [], consumers: [], access: 'iam', services: ['s3'], regions: [] };

/** The issue validateSpec reports for a spec (the source of the wizard's words). */
function issueFor(spec: Partial<PolicySpec>, field: SpecIssue['field'], kind: 'error' | 'warning' = 'error'): SpecIssue {
  const r = validateSpec({ ...BASE, ...spec });
  const list = r.ok ? (kind === 'warning' ? r.value.warnings : []) : r.error;
  const issue = list.find((i) => i.field === field);
  if (!issue) throw new Error(`no ${kind} for ${field} in ${JSON.stringify(r)}`);
  return issue;
}

function expectIssue(h: Harness, issue: { message: string; hint?: string }) {
  expect(flat(h.frame())).toContain(flat(issue.message));
  // The fix is generate's, said in the wizard's words: the field on screen, not the flag.
  if (issue.hint) expect(flat(h.frame())).toContain(flat(inWizardWords(issue.hint)));
}

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('key step', () => {
  test.each([
    ['a key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['an alias name', 'alias/app'],
    ['an alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/app'],
    ['another service', 'arn:aws:s3:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['not an ARN', 'my-key'],
    ['a bad Region', 'arn:aws:kms:us-east:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a Region of another partition', 'arn:aws-cn:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a short account id', 'arn:aws:kms:us-east-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a bad key id', 'arn:aws:kms:us-east-1:111122223333:key/nope'],
    ['an unknown partition', 'arn:aws-xx:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('%s is refused as typed and on Enter', async (_, value) => {
    const parsed = parseKeyArn(value);
    if (parsed.ok) throw new Error('test value must be invalid');
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    await h.burst(value);
    expectIssue(h, parsed.error);
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expectIssue(h, parsed.error);
  });

  test('an empty key is refused on Enter', async () => {
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 2 of 10: Key');
    expectIssue(h, issueFor({ keyArn: '' }, 'keyArn'));
  });

  test('a Region newer than the tool is accepted with a warning', async () => {
    const arn = 'arn:aws:kms:xx-newplace-9:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    await h.burst(arn);
    expectIssue(h, issueFor({ keyArn: arn }, 'keyArn', 'warning'));
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
  });

  test('Backspace and Ctrl-U edit the field', async () => {
    h = await startWizard();
    await h.press(K.enter); // the first question: an existing key (the default)
    await h.burst(`${KEY_ARN}x`);
    expect(flat(h.frame())).toContain('is not a KMS key id');
    await h.press(K.backspace);
    expect(h.frame()).toContain('✔ key in us-east-1');
    await h.press('\u0015');
    expect(h.frame()).toContain('Find it with:');
  });
});

describe('administrators and consumers', () => {
  test.each([
    ['an IAM group', 'arn:aws:iam::111122223333:group/devs'],
    ['an assumed-role session', 'arn:aws:sts::111122223333:assumed-role/Admin/me'],
    ['a short account id', '1111222233'],
    ['another partition', 'arn:aws-cn:iam::111122223333:role/admin'],
    ['an S3 ARN', 'arn:aws:s3:::bucket'],
  ])('administrator: %s is refused with the fix', async (_, value) => {
    h = await startWizard({ answers: { keyArn: KEY_ARN } });
    await h.burst(value);
    const issue = issueFor({ admins: [value] }, 'admins');
    expectIssue(h, issue);
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 3 of 10: Administrators');
    expectIssue(h, issue);
    expect(h.frame()).toContain('(none yet');
  });

  test('an administrator from another account is added with its warning', async () => {
    const admin = 'arn:aws:iam::444455556666:role/Admin';
    h = await startWizard({ answers: { keyArn: KEY_ARN } });
    await h.burst(admin);
    expectIssue(h, issueFor({ admins: [admin] }, 'admins', 'warning'));
    await h.press(K.enter);
    expect(h.frame()).toContain(`✔ ${admin}`);
    await h.press(K.backspace);
    expect(h.frame()).toContain('(none yet');
  });

  test('several values pasted at once are each checked and added', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN } });
    await h.burst('arn:aws:iam::111122223333:role/A, arn:aws:iam::111122223333:role/B');
    await h.press(K.enter);
    expect(h.frame()).toContain('✔ arn:aws:iam::111122223333:role/A');
    expect(h.frame()).toContain('✔ arn:aws:iam::111122223333:role/B');
  });

  test.each([
    ['principals', '111122223333'],
    ['account', 'arn:aws:iam::111122223333:role/app'],
    ['principals', 'arn:aws:iam::111122223333:root'],
  ] as const)('consumer with trust %s: %s is refused', async (access, value) => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access } });
    await h.burst(value);
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 5 of 10: Consumers');
    expectIssue(h, issueFor({ access, consumers: [value] }, 'consumers'));
  });

  test('trust principals needs at least one role or user', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'principals' } });
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 5 of 10: Consumers');
    expectIssue(h, issueFor({ access: 'principals', consumers: [] }, 'consumers'));
  });

  test('a consumer account other than the key\'s gets the cross-account warning', async () => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam' } });
    await h.burst('444455556666');
    expectIssue(h, issueFor({ consumers: ['444455556666'] }, 'consumers', 'warning'));
  });
});

describe('services', () => {
  const atServices = () => startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [] } });

  test('Enter with nothing selected says a service is required', async () => {
    h = await atServices();
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 6 of 10: Services');
    expectIssue(h, issueFor({ services: [] }, 'services'));
  });

  test('ALB access logs are listed, explained (elasticloadbalancing enable-access-logging.html: SSE-S3 only), and cannot be selected', async () => {
    h = await atServices();
    await h.burst('alb');
    expect(h.frame()).toContain('[-] alb-access-logs');
    expect(flat(h.frame())).toContain('support only SSE-S3');
    await h.press(K.space);
    expectIssue(h, issueFor({ services: ['alb'] }, 'services'));
    expect(h.frame()).toContain('0 selected');
  });

  test('the list shows which services act via ViaService and which as themselves', async () => {
    h = await atServices();
    await h.burst('cloudtrail');
    expect(flat(h.frame())).toContain('as itself: cloudtrail.amazonaws.com');
    await h.press(K.ctrlU);
    await h.burst('secretsmanager');
    expect(flat(h.frame())).toMatch(/secretsmanager +AWS Secrets Manager .*via/);
  });

  test('choosing CloudTrail asks for source ARNs in the same step, with the default scope explained; a wrong ARN is refused', async () => {
    h = await atServices();
    await h.burst('cloudtrail');
    await h.press(K.space, K.enter);
    expect(h.frame()).toContain('Step 6 of 10: Services');
    expect(flat(h.frame())).toContain('cloudtrail: only for trails of account 111122223333');
    await h.burst('arn:aws:logs:us-east-1:111122223333:log-group:app');
    await h.press(K.enter);
    expectIssue(h, issueFor({ services: ['cloudtrail'], sourceArns: ['arn:aws:logs:us-east-1:111122223333:log-group:app'] }, 'sourceArns'));
    await h.press(K.ctrlU);
    await h.burst('arn:aws:cloudtrail:us-east-1:111122223333:trail/main');
    await h.press(K.enter);
    expect(flat(h.frame())).toContain('✔ arn:aws:cloudtrail:us-east-1:111122223333:trail/main');
    await h.press(K.enter);
    expect(h.frame()).toContain('Step 7 of 10: Regions');
  });

  test.each([
    ['ebs', 'EBS is named "ec2" in kms:ViaService'],
    ['elasticache', 'ElastiCache needs two ViaService names'],
    ['aurora', 'Aurora, Neptune and RDS Performance Insights all use "rds"'],
  ])('searching %s shows the quirk', async (q, quirk) => {
    h = await atServices();
    await h.burst(q);
    expect(flat(h.frame())).toContain(quirk);
  });

  test.each([
    ['a .com.cn suffix', 'secretsmanager.cn-north-1.amazonaws.com.cn'],
    ['an account id for the Region', 'secretsmanager.111122223333.amazonaws.com'],
    ['an unknown name', 'notaservice'],
  ])('a custom value with %s is refused', async (_, value) => {
    h = await atServices();
    await h.burst(value);
    const issue = issueFor({ services: [value] }, 'services');
    expectIssue(h, issue);
    await h.press(K.space);
    expectIssue(h, issue);
    expect(h.frame()).toContain('0 selected');
  });

  test('a custom value without its Region says the Region is missing, as lint and generate do', async () => {
    h = await atServices();
    await h.burst('secretsmanager.amazonaws.com');
    await h.press(K.space);
    expect(flat(h.frame())).toContain('has no Region, so it never matches');
    expect(flat(h.frame())).toContain('Give the service by name, secretsmanager on the Services step');
    // Said once: the same issue from two checks is one line on screen.
    expect(flat(h.frame()).split('has no Region, so it never matches')).toHaveLength(2);
    expect(h.frame()).toContain('0 selected');
  });

  test('a well-formed custom value is added', async () => {
    h = await atServices();
    await h.burst('myservice.us-east-1.amazonaws.com');
    expect(h.frame()).toContain('use "myservice.us-east-1.amazonaws.com" as a custom kms:ViaService value');
    await h.press(K.space);
    expect(h.frame()).toContain('1 selected');
    expect(h.frame()).toContain('[x] myservice.us-east-1.amazonaws.com  custom value');
  });
});

describe('regions and actions', () => {
  const atRegions = () => startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'] } });

  test('a mistyped Region is refused with a suggestion', async () => {
    h = await atRegions();
    await h.burst('us-east-l');
    await h.press(K.space);
    expectIssue(h, issueFor({ regions: ['us-east-l'] }, 'regions'));
  });

  test("another Region for a single-Region key is accepted with the warning that it will not match", async () => {
    h = await atRegions();
    await h.burst('eu-west-1');
    await h.press(K.space);
    expectIssue(h, issueFor({ regions: ['us-east-1', 'eu-west-1'] }, 'regions', 'warning'));
  });

  test.each([['kms:*'], ['kms:Decryp'], ['kms:ConnectCustomKeyStore'], ['s3:GetObject']])('action %s is refused', async (value) => {
    h = await startWizard({ answers: { keyArn: KEY_ARN, admins: [], access: 'iam', consumers: [], services: ['s3'], regions: [] } });
    await h.burst(value);
    await h.press('\u001B[F'); // End: the "add" row comes after the actions that match
    expect(h.frame()).toContain(`› [ ] add "${value}"`);
    await h.press(K.space);
    expectIssue(h, issueFor({ actions: [value] }, 'actions'));
  });
});
