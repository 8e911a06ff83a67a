// Hostile and oversized input (issues 21 and 22): a YAML alias bomb, YAML
// nested a million levels deep, a key written twice in a template, files far
// larger than any policy. Every command that reads files refuses each of them
// with exit 2 (lint: a KW903 finding, exit 1), a message naming the limit and
// how to raise it, in bounded memory: each run has a 400 MB heap cap (a
// runaway ends in a crash, failing the test) and, where /usr/bin/time exists,
// its peak RSS is checked loosely. No timing assertions.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_BIN } from '../helpers/cli.js';

const TIME = '/usr/bin/time';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const MAX_RSS_KB = 500 * 1024;

interface BoundedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory in KB, when /usr/bin/time is there to measure it. */
  rssKb?: number;
}

/** Runs the built CLI with a heap cap, measuring its peak RSS when it can. */
function runBounded(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<BoundedRun> {
  const node = [process.execPath, '--max-old-space-size=400', CLI_BIN, ...args];
  const measured = existsSync(TIME);
  const [cmd, ...rest] = measured ? [TIME, '-f', 'RSS_KB=%M', ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, rest, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /RSS_KB=(\d+)\s*$/.exec(stderr);
      const clean = stderr.replace(/(Command exited with non-zero status \d+\n)?RSS_KB=\d+\s*$/, '');
      resolve({ code, stdout, stderr: clean, ...(rss ? { rssKb: Number(rss[1]) } : {}) });
    });
  });
}

function expectBounded(r: BoundedRun): void {
  expect(r.stderr).not.toMatch(/heap out of memory|Maximum call stack|at .*\.cjs:\d+/);
  if (r.rssKb !== undefined) expect(r.rssKb).toBeLessThan(MAX_RSS_KB);
}

let dir: string;

/** A key policy statement that, as a template, is fine: only the file's shape is hostile. */
const KEY_HEAD = `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root'}
            Action: kms:*
            Resource: '*'
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kmsw-hostile-'));
  // Billion laughs: 10 values, each level 10 aliases of the one below; 7 levels expand to 10^8 values.
  let bomb = `${KEY_HEAD}            Sid: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i <= 7; i++) bomb += `            X${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]\n`;
  writeFileSync(join(dir, 'bomb.yaml'), bomb);
  // Few aliases, each copying a large value: the size limit, not the count, stops it.
  const wide = `[${Array.from({ length: 5000 }, (_, i) => `v${i}`).join(', ')}]`;
  writeFileSync(join(dir, 'wide-alias.yaml'), `${KEY_HEAD}            Sid: &w ${wide}\n            Copies: [${Array(50).fill('*w').join(', ')}]\n`);
  // !Join over aliases of one long string: few values, but 20 MB of text once joined.
  writeFileSync(join(dir, 'join-alias.yaml'), `${KEY_HEAD}            Sid: !Join ['', [&s ${'x'.repeat(200_000)}, ${Array(100).fill('*s').join(', ')}]]\n`);
  // The same statement reused a few dozen times, as real templates do: read.
  writeFileSync(join(dir, 'reuse.yaml'), `${KEY_HEAD.replace("          - Effect: Allow", '          - &stmt\n            Effect: Allow')}${Array(40).fill('          - *stmt\n').join('')}`);
  writeFileSync(join(dir, 'self-alias.yaml'), `${KEY_HEAD}            Condition: &c {StringEquals: {x: *c}}\n`);
  // 10^6 levels in 2 MB: flow brackets, and compact block sequences ("- - - x").
  writeFileSync(join(dir, 'deep-flow.yaml'), `Resources:\n  K: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`);
  writeFileSync(join(dir, 'deep-block.yaml'), `Resources:\n  K:\n    ${'- '.repeat(1_000_000)}x\n`);
  // A JSON template nested deeper than the nesting limit.
  writeFileSync(join(dir, 'deep.template.json'), `{"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`);
  // A decoy key policy first, the one CloudFormation deploys (the last copy) second.
  writeFileSync(
    join(dir, 'dup-keypolicy.yaml'),
    `${KEY_HEAD}      KeyPolicy:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: kms:*\n            Resource: '*'\n`,
  );
  writeFileSync(join(dir, 'dup-nested.yaml'), `${KEY_HEAD}            Effect: Deny\n`);
  // A "current key policy" of 13 MB: no key policy is over 32 KB.
  const statement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' };
  writeFileSync(join(dir, 'huge-policy.json'), JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 100_000 }, (_, i) => ({ Sid: `S${i}`, ...statement })) }));
  writeFileSync(join(dir, 'small-policy.json'), JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
  // 1.2 KB: an Fn::Sub whose variable is an Fn::Sub naming its own variable 10 times, 12 deep (10^12 characters; lint ran past 60 s).
  let sub = JSON.stringify('x');
  for (let i = 12; i > 0; i--) sub = `{"Fn::Sub": [${JSON.stringify('${v}'.repeat(10))}, {"v": ${sub}}]}`;
  writeFileSync(join(dir, 'sub-bomb.yaml'), `${KEY_HEAD}            Sid: ${sub}\n`);
  // !Join and Fn::Sub in turn, 20 deep, no aliases: each !Sub names its variable, an !Join of the level below, 10 times (10^10 characters from 1 KB).
  let joined = "'x'";
  for (let i = 20; i > 0; i--) joined = i % 2 ? `!Join ['-', [${joined}, y]]` : `!Sub ['${'${v}'.repeat(10)}', {v: ${joined}}]`;
  // The same Fn::Sub bomb in a policy file's Principal (a KeyPolicy copied out of a template), 1 KB.
  let policySub: unknown = 'x';
  for (let i = 12; i > 0; i--) policySub = { 'Fn::Sub': ['${v}'.repeat(10), { v: policySub }] };
  writeFileSync(join(dir, 'sub-bomb-policy.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Principal: { AWS: policySub } }] }));
  writeFileSync(join(dir, 'join-bomb.yaml'), `${KEY_HEAD}            Sid: ${joined}\n`);
});

const simulate = (file: string) => ['simulate', '--key-policy', file, '--key-arn', KEY, '--principal', '123456789012', '--action', 'kms:Decrypt'];
const everyReader = (file: string): [string, string[]][] => [
  ['explain', ['explain', file]],
  ['simulate', simulate(file)],
  ['diff', ['diff', file, 'small-policy.json', '--key-arn', KEY]],
  ['generate --from', ['generate', '--from', file, '--key-arn', KEY, '--service', 's3', '--stdout']],
  ['wizard --from', ['--from', file, '--key-arn', KEY]],
];

describe('YAML alias expansion is bounded in count and size (the limits yaml and other YAML libraries put on aliases)', () => {
  test('a 10^8-value alias bomb: lint gives KW903 naming the alias count limit and its variable', async () => {
    const r = await runBounded(['lint', 'bomb.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bomb\.yaml:\d+:\d+ +error +KW903 +This CloudFormation template \(YAML\) cannot be read: it reads aliases more than 1,000 times \(the alias count limit; raise it with KMS_WIZARD_YAML_MAX_ALIASES\)/);
    expectBounded(r);
  });

  test.each(everyReader('bomb.yaml'))('%s refuses the alias bomb: exit 2, the limit named', async (_, args) => {
    const r = await runBounded(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml:\d+:\d+: This CloudFormation template \(YAML\) cannot be read: it reads aliases more than 1,000 times \(the alias count limit; raise it with KMS_WIZARD_YAML_MAX_ALIASES\)/);
    expectBounded(r);
  });

  test('a few aliases that copy a large value: the alias size limit; raising it reads the file', async () => {
    const r = await runBounded(['lint', 'wide-alias.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/its aliases expand to more than 100,000 values \(the alias size limit; raise it with KMS_WIZARD_YAML_MAX_ALIAS_NODES\)/);
    expectBounded(r);
    const raised = await runBounded(['lint', 'wide-alias.yaml'], dir, { KMS_WIZARD_YAML_MAX_ALIAS_NODES: '300000' });
    expect(raised.stdout).not.toMatch(/KW903/);
    expect(raised.stdout).toMatch(/wide-alias\.yaml Key|wide-alias\.yaml:\d+:\d+ +Key/);
  });

  test.each([['lint'], ['explain'], ['simulate']])('%s: an !Join over aliases of one long string is refused by the alias text limit', async (command) => {
    const args = command === 'simulate' ? simulate('join-alias.yaml') : [command, 'join-alias.yaml'];
    const r = await runBounded(args, dir);
    expect(r.code).toBe(command === 'lint' ? 1 : 2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/its aliases copy more than 4,194,304 characters of text \(the alias text limit; raise it with KMS_WIZARD_YAML_MAX_ALIAS_CHARS\)/);
    expectBounded(r);
  });

  test('a statement reused through an anchor, as real templates do, is read; the count limit can be lowered below it', async () => {
    const r = await runBounded(['explain', 'reuse.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/reuse\.yaml Key \(key policy\)\n(.*\n)*\s+41\. /);
    const lowered = await runBounded(['lint', 'reuse.yaml'], dir, { KMS_WIZARD_YAML_MAX_ALIASES: '10' });
    expect(lowered.stdout).toMatch(/it reads aliases more than 10 times/);
  });

  test('an alias inside the value it names is refused, not expanded', async () => {
    const r = await runBounded(['lint', 'self-alias.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/KW903 .*the alias \*c refers to a value that holds it/);
  });

  test('a limit that is not a count is a usage error', async () => {
    const r = await runBounded(['lint', 'reuse.yaml'], dir, { KMS_WIZARD_YAML_MAX_ALIASES: 'lots' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('KMS_WIZARD_YAML_MAX_ALIASES must be a whole number above 0, not "lots"');
  });
});

describe('intrinsic expansion is bounded in text and values per template (Fn::Sub, Fn::Join, Fn::Split)', () => {
  test.each(['sub-bomb.yaml', 'join-bomb.yaml'])('%s: lint gives KW903 naming the text limit, the resource and its variable', async (file) => {
    const started = Date.now();
    const r = await runBounded(['lint', file], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/:\d+:\d+ +error +KW903 +This CloudFormation template \(YAML\) cannot be read: the intrinsic functions of resource Key expand to more than 10,485,760 characters of text \(the intrinsic text limit; raise it with KMS_WIZARD_INTRINSIC_MAX_CHARS\)/);
    expectBounded(r);
  });

  test.each(everyReader('sub-bomb.yaml'))('%s refuses the Fn::Sub bomb: exit 2, the limit named', async (_, args) => {
    const r = await runBounded(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sub-bomb\.yaml:\d+:\d+: This CloudFormation template \(YAML\) cannot be read: the intrinsic functions of resource Key expand to more than 10,485,760 characters/);
    expectBounded(r);
  });

  // lint and explain evaluate a policy file's intrinsics (simulate, diff and --from read the policy as written).
  test.each([['lint'], ['explain']])('%s: the bomb in a policy file is refused as larger than any policy', async (command) => {
    const args = [command, 'sub-bomb-policy.json'];
    const r = await runBounded(args, dir);
    expect(r.code).toBe(args[0] === 'lint' ? 1 : 2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/sub-bomb-policy\.json:1:\d+:? .*The policy's intrinsic functions expand to more than 10,485,760 characters of text; the largest policy AWS accepts is a 32,768-byte key policy/);
    expectBounded(r);
  });

  test('a real template is far under both limits; lowering the step limit below it names that limit, and a bad value is a usage error', async () => {
    expect((await runBounded(['lint', 'reuse.yaml'], dir)).stdout).not.toMatch(/KW903/);
    const lowered = await runBounded(['lint', 'reuse.yaml'], dir, { KMS_WIZARD_INTRINSIC_MAX_STEPS: '50' });
    expect(lowered.code).toBe(1);
    expect(lowered.stdout).toMatch(/KW903 .*the intrinsic functions of resource Key expand to more than 50 values \(the intrinsic step limit; raise it with KMS_WIZARD_INTRINSIC_MAX_STEPS\)/);
    const bad = await runBounded(['lint', 'reuse.yaml'], dir, { KMS_WIZARD_INTRINSIC_MAX_CHARS: '-1' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('KMS_WIZARD_INTRINSIC_MAX_CHARS must be a whole number above 0, not "-1"');
  });
});

describe('nesting: refused before the parser recurses, with the nesting limit named', () => {
  test.each(['deep-flow.yaml', 'deep-block.yaml'])('%s (10^6 levels, 2 MB): KW903 naming the limit', async (file) => {
    const r = await runBounded(['lint', file], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/KW903 +This CloudFormation template \(YAML\) cannot be read: it nests more than 256 levels deep \(the nesting limit/);
    expectBounded(r);
  });

  test.each(everyReader('deep-block.yaml'))('%s refuses 10^6 levels of YAML: exit 2, the limit named', async (_, args) => {
    const r = await runBounded(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep-block\.yaml:\d+:\d+: This CloudFormation template \(YAML\) cannot be read: it nests more than 256 levels deep/);
    expectBounded(r);
  });

  test('a JSON template nested too deep is described as a template that cannot be read, not as "not a policy"', async () => {
    const r = await runBounded(['explain', 'deep.template.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.template\.json:\d+:\d+: This CloudFormation template \(JSON\) cannot be read: nested more than 256 levels deep/);
    expect(r.stderr).not.toMatch(/not a policy|is not one/);
  });
});

describe('a key written twice in a YAML template is an error (CloudFormation, like PyYAML, keeps the last copy)', () => {
  test('a decoy KeyPolicy before the deployed Principal "*" one: lint fails naming the duplicate (it said "No problems found")', async () => {
    const r = await runBounded(['lint', 'dup-keypolicy.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dup-keypolicy\.yaml:12:7 +error +KW903 +.*a key is written twice in the same map \(CloudFormation keeps the last copy/);
    expect(r.stdout).not.toMatch(/No problems found/);
  });

  test('a duplicate deep inside a statement is an error too, in every reader', async () => {
    const r = await runBounded(['lint', 'dup-nested.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dup-nested\.yaml:12:13 +error +KW903 +.*a key is written twice/);
    for (const [, args] of everyReader('dup-nested.yaml')) {
      const e = await runBounded(args, dir);
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(/dup-nested\.yaml:12:13: .*a key is written twice/);
    }
  });
});

describe('every reader applies the same size limits', () => {
  test.each(everyReader('huge-policy.json'))('%s refuses a 13 MB "current policy" as far over the policy limit, in bounded memory', async (_, args) => {
    const r = await runBounded(args, dir);
    expect(r.code).toBe(2);
    if (args[0] === 'explain') expect(r.stderr).toMatch(/huge-policy\.json:1:1: The file has 1[\d,]+ characters; the largest policy AWS accepts is a 32,768-byte key policy/);
    else expect(r.stderr).toMatch(/huge-policy\.json: the policy has 1[\d,]+ characters, over the 131,072-character policy limit\. The largest policy AWS accepts is a 32,768-byte key policy/);
    expectBounded(r);
  });

  test.each([['lint', ['lint', 'small-policy.json']] as [string, string[]], ...everyReader('small-policy.json')])('%s: KMS_WIZARD_MAX_INPUT_BYTES lowers the file limit, and the refusal says how to raise it', async (_, args) => {
    const r = await runBounded(args, dir, { KMS_WIZARD_MAX_INPUT_BYTES: '64' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read small-policy\.json: it is \d+ bytes, over the 64-byte input limit \(raise it with KMS_WIZARD_MAX_INPUT_BYTES=BYTES\)/);
  });

  test('each reading command documents the limits in --help', async () => {
    for (const command of ['lint', 'explain', 'simulate', 'diff', 'generate', 'wizard']) {
      const r = await runBounded([command, '--help'], dir);
      expect(r.stdout, command).toMatch(/KMS_WIZARD_MAX_INPUT_BYTES=N +largest file read \(default 67,108,864 bytes\)/);
      expect(r.stdout, command).toContain('KMS_WIZARD_YAML_MAX_ALIASES=N');
      expect(r.stdout, command).toMatch(/KMS_WIZARD_INTRINSIC_MAX_CHARS=N .*\(default 10,485,760\)/);
      expect(r.stdout, command).toMatch(/KMS_WIZARD_INTRINSIC_MAX_STEPS=N .*\(default 1,000,000\)/);
    }
  });
});
