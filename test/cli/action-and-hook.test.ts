// The GitHub Action's script (action/lint.sh) and the pre-commit hook
// (.pre-commit-hooks.yaml) run against the built binary instead of the
// published package (KW_COMMAND), on copies of the IaC fixtures.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { CLI_BIN, runCli } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'action/lint.sh');

/** A checkout with templates in nested directories. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kms-wizard-action-'));
  cpSync(join(ROOT, 'test/fixtures/iac/cfn-findings.yaml'), join(dir, 'infra/app/template.yaml'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/iac/cfn-clean.yaml'), join(dir, 'infra/clean/template.yaml'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/iac/cdk-app.template.json'), join(dir, 'cdk.out/App.template.json'), { recursive: true });
  return dir;
}

function action(cwd: string, inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, KW_COMMAND: `${process.execPath} ${CLI_BIN}`, GITHUB_OUTPUT: join(cwd, 'github-output'), ...inputs };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, reject) => {
    const child = spawn('bash', [SCRIPT], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

interface Sarif {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
}

describe('action.yml', () => {
  test('declares the inputs paths, format and strict and runs action/lint.sh with them from the environment', () => {
    const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: { run?: string; env?: Record<string, string> }[] } };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'strict']));
    expect(manifest.runs.using).toBe('composite');
    const step = manifest.runs.steps.find((s) => s.run)!;
    expect(step.run).toBe('bash "$GITHUB_ACTION_PATH/action/lint.sh"');
    expect(step.env).toMatchObject({ KW_PATHS: '${{ inputs.paths }}', KW_FORMAT: '${{ inputs.format }}', KW_STRICT: '${{ inputs.strict }}' });
  });
});

describe('action/lint.sh', () => {
  test('expands globs, writes SARIF on the template lines, names the report, prints text, exits 1 on errors', async () => {
    const dir = checkout();
    const r = await action(dir, { KW_PATHS: 'infra/**/template.yaml\ncdk.out/*.template.json' });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'kms-wizard.sarif'), 'utf8')) as Sarif;
    const where = sarif.runs[0]!.results.map((x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`);
    expect(where).toEqual(expect.arrayContaining(['KW401 infra/app/template.yaml:24', 'KW704 cdk.out/App.template.json:29']));
    expect(readFileSync(join(dir, 'github-output'), 'utf8')).toBe('report=kms-wizard.sarif\n');
    expect(r.stdout).toMatch(/^infra\/app\/template\.yaml:24:26 {2}DataKey {2}error/m);
  });

  test('a clean template exits 0; strict: true fails on warnings', async () => {
    const dir = checkout();
    expect((await action(dir, { KW_PATHS: 'infra/clean/template.yaml' })).code).toBe(0);
    writeFileSync(join(dir, 'warn.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }));
    expect((await action(dir, { KW_PATHS: 'warn.json' })).code).toBe(0);
    expect((await action(dir, { KW_PATHS: 'warn.json', KW_STRICT: 'true' })).code).toBe(1);
  });

  test('format json writes the JSON report to output', async () => {
    const dir = checkout();
    const r = await action(dir, { KW_PATHS: 'infra/clean/template.yaml', KW_FORMAT: 'json', KW_OUTPUT: 'report.json' });
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: { resource: string }[] }).files.map((f) => f.resource)).toEqual(['SecretsKey', 'AppPolicy']);
  });

  test('a pattern matching nothing, a bad format, or no paths: an ::error:: line and exit 2', async () => {
    const dir = checkout();
    const none = await action(dir, { KW_PATHS: 'nowhere/**/*.yaml' });
    expect(none).toMatchObject({ code: 2 });
    expect(none.stdout).toContain('::error::kms-wizard lint: no file matches "nowhere/**/*.yaml"');
    expect((await action(dir, { KW_PATHS: 'infra/clean/template.yaml', KW_FORMAT: 'xml' })).stdout).toContain('::error::kms-wizard lint: format must be sarif, json or text');
    expect((await action(dir, { KW_PATHS: '' })).code).toBe(2);
    expect(existsSync(join(dir, 'kms-wizard.sarif'))).toBe(false);
  });

  test('a path that looks like a flag or holds $(...) stays a file name', async () => {
    const dir = checkout();
    const r = await action(dir, { KW_PATHS: '--json $(touch${IFS}pwned)' });
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(r.stdout + r.stderr).toMatch(/cannot read --json: no such file/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const hook = hooks.find((h) => h.id === 'kms-wizard-lint')!;

  test('kms-wizard-lint is a node hook whose entry is the lint command', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'kms-wizard lint' });
  });

  test('its files pattern takes policy JSON, templates and plans, and leaves other files alone', () => {
    // pre-commit's patterns are Python regexes; (?i) at the start is the one construct JS spells as a flag.
    const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), 'i');
    for (const f of ['policies/key-policy.json', 'iam-policy.json', 'cdk.out/AppStack.template.json', 'template.yaml', 'infra/sam-app.yml', 'infra/cfn/network.yaml', 'tfplan.json', 'plan.json'])
      expect(f, f).toMatch(files);
    for (const f of ['package.json', 'tsconfig.json', '.github/workflows/ci.yml', 'README.md', 'docker-compose.yaml']) expect(f, f).not.toMatch(files);
  });

  test('its entry, given the files pre-commit passes, lints them all', async () => {
    const [command, ...args] = hook.entry.split(' ');
    expect(command).toBe('kms-wizard');
    const r = await runCli([...args, 'test/fixtures/iac/cfn-findings.yaml', 'test/fixtures/lint/corrected-key-policy.json'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cfn-findings\.yaml:24:26 {2}DataKey {2}error/);
    expect(r.stdout).toContain('corrected-key-policy.json: no problems');
  });
});
