// The package as users get it: build into a staging copy of the package,
// `npm pack` it, install the tarball into an empty project (runtime
// dependencies only, no devDependencies), and run `npx kms-wizard` there.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/core/build.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; dependencies?: Record<string, string> };
/**
 * Issue 6 set 300 kB (npm's kB: 1000 bytes); issue 11 allows up to 350 kB for
 * the YAML parser that reads CloudFormation templates (its own lazy chunk).
 * Issues 18, 19 and 21 add the who-can engine, the one input reader, two dozen
 * lint rules and the decision-only evaluator: 389 kB packed when they landed,
 * so the budget is 400 kB. Issue 20 moved the README's reference into docs/ (not
 * shipped): 49.5 kB of README became 15.6 kB, 378 kB packed.
 */
const MAX_PACKED_BYTES = 400_000;
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

let work: string;
let project: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] };
/** npm and the CLI run with a clean environment: nothing from the vitest run's own npm (npm_config_*, CI). */
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kms-wizard-pack-'));
  env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', KMS_WIZARD_CONFIG_DIR: join(work, 'config') };

  // A staging copy of the package: the files `files` names, with a fresh private build as dist/.
  const stage = join(work, 'stage');
  mkdirSync(stage);
  cpSync(join(ROOT, 'package.json'), join(stage, 'package.json'));
  for (const f of pkg.files.filter((f) => f !== 'dist')) cpSync(join(ROOT, f), join(stage, f), { recursive: true });
  await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, env: { ...env, OUTDIR: join(stage, 'dist') } });

  // --ignore-scripts: dist is built above; "prepare" (which builds a git checkout) has no sources here.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, env });
  packed = JSON.parse(stdout)[0];

  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'kms-wizard-install-check', version: '1.0.0', private: true }));
  await run('npm', ['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, env, timeout: 150_000 });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `npx kms-wizard ...` in the project, as a user would (--no: never install; --: the flags are the CLI's, not npx's). */
async function npx(args: string[], opts: { input?: string } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile('npx', ['--no', '--', 'kms-wizard', ...args], { cwd: project, env, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(opts.input ?? '');
  });
}

describe('npm pack', () => {
  it(`is at most ${MAX_PACKED_BYTES / 1000} kB packed`, () => {
    expect(packed.size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
  });

  it('holds only dist, README.md, LICENSE and package.json (the lessons and templates are compiled into dist)', () => {
    const top = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect(packed.files.map((f) => f.path)).toContain('dist/cli.cjs');
    expect(packed.files.filter((f) => /\.map$|\.tsx?$/.test(f.path) && !/^dist\/[\w-]+\.d\.ts$/.test(f.path))).toEqual([]);
    // The library API's declarations: the entry and its self-contained types, nothing of the core.
    expect(packed.files.map((f) => f.path).filter((p) => p.endsWith('.d.ts')).sort()).toEqual(['dist/api-types.d.ts', 'dist/index.d.ts']);
  });
});

describe('installed from the tarball into an empty project', () => {
  it('brings only the runtime dependencies, none of the bundled ones', () => {
    const installed = readdirSync(join(project, 'node_modules')).flatMap((d) => (d.startsWith('@') ? readdirSync(join(project, 'node_modules', d)).map((s) => `${d}/${s}`) : [d]));
    for (const dep of Object.keys(pkg.dependencies ?? {})) expect(installed).toContain(dep);
    for (const bundled of ['ink', 'react', '@inquirer/prompts', 'yaml', 'jsonc-parser', 'typescript', 'esbuild']) expect(installed).not.toContain(bundled);
  });

  it('npx kms-wizard --version prints the package version', async () => {
    const r = await npx(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('generate --stdout --json gives the same policies as the core', async () => {
    const r = await npx(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const expected = build({ keyArn: KEY, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [] });
    const out = JSON.parse(r.stdout) as { keyPolicy: unknown; iamPolicies: { policy: unknown }[] };
    expect(out.keyPolicy).toStrictEqual(expected.keyPolicy);
    expect(out.iamPolicies.map((p) => p.policy)).toStrictEqual(expected.iamPolicies.map((p) => p.policy));
  });

  it('generate --format terraform fills the templates compiled into the installed package', async () => {
    const r = await npx(['generate', '--key-arn', KEY, '--service', 'ebs', '--format', 'terraform', '--out', 'infra']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(project, 'infra/kms-policy.tf'), 'utf8')).toContain('resource "aws_kms_key_policy" "this"');
  });

  it('lint checks the files generate wrote', async () => {
    const g = await npx(['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--out', 'policies']);
    expect(g.code, g.stderr).toBe(0);
    const r = await npx(['lint', 'policies/key-policy.json', 'policies/iam-policy.json']);
    expect(r.stderr).not.toContain('not available in this build');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no problems/i);
  });

  it('learn --list lists every lesson of lessons/, with no lessons/ folder in the package', async () => {
    expect(existsSync(join(project, 'node_modules', pkg.name, 'lessons'))).toBe(false);
    const r = await npx(['learn', '--list', '--json']);
    expect(r.stderr).not.toContain('not available in this build');
    expect(r.code, r.stderr).toBe(0);
    const lessons = readdirSync(join(ROOT, 'lessons')).filter((f) => /^\d+-.*\.md$/.test(f));
    expect((JSON.parse(r.stdout) as { lessons: { id: string }[] }).lessons.map((l) => l.id)).toEqual(lessons.map((f) => f.slice(3, -3)));
    expect(lessons.length).toBeGreaterThanOrEqual(10);
  });

  it('completion prints a script', async () => {
    const r = await npx(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('complete -F _kms_wizard kms-wizard');
  });

  it('the bin is executable through node_modules/.bin', () => {
    expect(existsSync(join(project, 'node_modules/.bin/kms-wizard'))).toBe(true);
  });
});

describe('the library API from the installed package', () => {
  const TEMPLATE = 'Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Version: 2012-10-17\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: kms:Decrypt\n            Resource: "*"\n';

  it('import { buildPolicies, lintPolicies, lintFile, evaluate, explain } from "kms-wizard" works in Node', async () => {
    writeFileSync(join(project, 'use-api.mjs'), `
      import { buildPolicies, lintPolicies, lintFile, evaluate, explain, PolicySpecError } from 'kms-wizard';
      const built = buildPolicies({ keyArn: ${JSON.stringify(KEY)}, admins: [], consumers: [], access: 'iam', services: ['secretsmanager'], regions: [] });
      const lint = lintPolicies([{ name: 'key', policy: built.keyPolicy }, ...built.iamPolicies.map((p) => ({ name: p.fileName, policy: p.policy }))], { keyArn: ${JSON.stringify(KEY)} });
      const template = await lintFile('template.yaml', ${JSON.stringify(TEMPLATE)});
      const direct = evaluate({ principal: 'arn:aws:iam::111122223333:role/app', action: 'kms:Decrypt', keyArn: ${JSON.stringify(KEY)} }, { keyPolicy: built.keyPolicy, iamPolicies: built.iamPolicies.map((p) => p.policy) });
      let invalid;
      try { buildPolicies({ keyArn: 'alias/x', admins: [], consumers: [], access: 'iam', services: [], regions: [] }); } catch (e) { invalid = e instanceof PolicySpecError && e.issues.length > 0; }
      console.log(JSON.stringify({
        findings: lint.flatMap((r) => r.findings).length,
        template: template.map((r) => [r.resource, r.findings.map((f) => f.code + '@' + f.line + ':' + f.column)]),
        direct: direct.decision,
        explained: explain(built.keyPolicy).statements.length > 0,
        invalid,
      }));
    `);
    const { stdout } = await run(process.execPath, ['use-api.mjs'], { cwd: project, env });
    expect(JSON.parse(stdout)).toEqual({ findings: 0, template: [['K', ['KW601@8:11', 'KW401@9:24']]], direct: 'ImplicitDeny', explained: true, invalid: true });
  }, 60_000);

  it('a TypeScript consumer type-checks against the shipped declarations with tsc', async () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['consumer.ts'] }));
    writeFileSync(join(project, 'consumer.ts'), `
      import { buildPolicies, lintPolicies, type BuiltPolicies, type LintResult, type PolicySpec } from 'kms-wizard';
      const spec: PolicySpec = { keyArn: 'arn:aws:kms:us-east-1:111122223333:key/k', admins: [], consumers: [], access: 'iam', services: ['s3'], regions: [] };
      const built: BuiltPolicies = buildPolicies(spec);
      const created = buildPolicies({ newKey: { account: '111122223333', region: 'us-east-1' }, admins: [], consumers: [], access: 'iam', services: ['s3'], regions: [] });
      export const planned: string = JSON.stringify(created.iamPlans.map((p) => p.policyFor('\${Token[TOKEN.1]}')));
      const results: LintResult[] = lintPolicies([{ policy: built.keyPolicy, type: 'key' }]);
      export const errors: number = results.flatMap((r) => r.findings).filter((f) => f.severity === 'error').length;
    `);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const ok = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, env }).then(() => 'ok', (e: { stdout: string }) => e.stdout);
    expect(ok).toBe('ok');
    // And a misuse is an error: the types are really there, not any.
    writeFileSync(join(project, 'consumer.ts'), `import { buildPolicies } from 'kms-wizard';\nbuildPolicies({ keyArn: 1 });\n`);
    const bad = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, env }).then(() => '', (e: { stdout: string }) => e.stdout);
    expect(bad).toMatch(/error TS2/);
  }, 120_000);
});
