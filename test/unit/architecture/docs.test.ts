// The README is the page npm shows: it must open with the two set-up commands,
// link only to what a reader on npm can open (absolute URLs, its own headings,
// files the package ships), and show every command. The rest lives in docs/,
// which does not ship; these tests keep docs/ complete and its links working.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS, GLOBAL_FLAGS, WIZARD } from '../../../src/cli/commands-table.js';
import { build } from '../../../src/core/build.js';
import { compileLessons, readLessonFiles } from '../../../src/lessons/compile.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');
const pkg = JSON.parse(read('package.json')) as { files: string[] };
const DOCS = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);

/** The text outside fenced code blocks (a `[x](y)` in a shell example is not a link). */
const prose = (md: string) => md.replace(/^```[\s\S]*?^```/gm, '');

/** Every markdown link target in the prose: `[text](target)`. */
const links = (md: string) => [...prose(md).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const anchors = (md: string) => new Set([...prose(md).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!.trim())));

/** The fenced code blocks of a markdown text, without their fences. */
const codeBlocks = (md: string) => [...md.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

describe('README.md, as npm shows it', () => {
  it('opens, right after the title, with the two set-up commands: the wizard from a clone, and the CI test command', () => {
    const m = /^# kms-wizard\n\n```sh\n([^\n]*)\n([^\n]*)\n```\n/.exec(readme);
    expect(m, 'README.md must start with "# kms-wizard" and then the set-up code block').not.toBeNull();
    const command = (line: string) => line.replace(/\s+#.*$/, '');
    expect(command(m![1]!)).toBe('npm ci && npm run build && npm start');
    expect(m![1]).toContain('npx kms-wizard');
    expect(command(m![2]!)).toBe('bash scripts/install-system-deps.sh && npm ci && npm test');
  });

  it('runs, in CI, exactly the test command it shows', () => {
    const ci = read('.ci/run');
    const lines = ci.split('\n');
    for (const step of ['bash scripts/install-system-deps.sh', 'npm ci', 'npm test']) expect(lines.some((l) => l === step || l.startsWith(`${step} `)), step).toBe(true);
  });

  it('links only to absolute https URLs, its own headings, or files the package ships', () => {
    const own = anchors(readme);
    const bad = links(readme).filter((target) => {
      if (target.startsWith('https://')) return false;
      if (target.startsWith('#')) return !own.has(target.slice(1));
      const path = normalize(target.split('#')[0]!);
      return !pkg.files.some((f) => path === f || path.startsWith(`${f}/`)) || !existsSync(join(ROOT, path));
    });
    expect(bad).toEqual([]);
  });

  it('has no placeholder where a repository owner or URL should be', () => {
    expect(readme).not.toMatch(/<owner>|\bOWNER\/|<repo(sitory)?>/i);
  });

  it('shows one example of every command, run the way a user runs it (npx kms-wizard ...)', () => {
    const examples = codeBlocks(readme).join('\n');
    expect(examples).toMatch(/^npx kms-wizard$/m);
    for (const c of COMMANDS) expect(examples, c.name).toMatch(new RegExp(`^npx kms-wizard ${c.name} `, 'm'));
  });

  it('shows the statement its generate example really writes', () => {
    const blocks = codeBlocks(readme);
    const command = blocks.find((b) => b.startsWith('npx kms-wizard generate'))!.replace(/\s*\\\n\s*/g, ' ');
    const key = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const john = 'arn:aws:iam::111122223333:user/John';
    expect(command.trim()).toBe(`npx kms-wizard generate --key-arn ${key} --service secretsmanager --consumer ${john}`);
    const shown = JSON.parse(blocks.find((b) => b.includes('"Sid": "AllowUseThroughServices"'))!) as { Sid: string };
    const written = build({ keyArn: key, admins: [], consumers: [john], access: 'iam', services: ['secretsmanager'], regions: [] });
    expect(written.keyPolicy.Statement.find((st) => st.Sid === shown.Sid)).toStrictEqual(shown);
  });

  it("shows who-can's read-only AWS CLI commands exactly as docs/who-can.md does", () => {
    const block = (md: string) => codeBlocks(md).find((b) => b.includes('aws iam get-account-authorization-details'));
    expect(block(readme)).toBeDefined();
    expect(block(readme)).toBe(block(read('docs/who-can.md')));
    // Read-only: every AWS CLI call in it is a get, list or describe.
    const calls = [...block(readme)!.matchAll(/\baws (\S+) (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls.length).toBeGreaterThan(4);
    for (const call of calls) expect(call).toMatch(/ (get|list|describe)-/);
  });
});

describe('docs/', () => {
  it('has the commands reference, the rules, the lessons, the architecture, the contributor guide and who-can', () => {
    expect(DOCS.sort()).toEqual(['docs/architecture.md', 'docs/commands.md', 'docs/contributing.md', 'docs/lessons.md', 'docs/rules.md', 'docs/who-can.md']);
  });

  it.each(DOCS)('%s links only to files and headings that exist', (doc) => {
    const bad = links(read(doc)).filter((target) => {
      if (/^(https?|mailto):/.test(target)) return false;
      const [path, anchor] = target.split('#');
      const file = path ? join(dirname(join(ROOT, doc)), path) : join(ROOT, doc);
      if (!existsSync(file)) return true;
      return anchor !== undefined && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor);
    });
    expect(bad).toEqual([]);
  });

  it('docs/commands.md names every flag of every command (learn: docs/lessons.md)', () => {
    const commands = read('docs/commands.md');
    const lessons = read('docs/lessons.md');
    const missing = [WIZARD, ...COMMANDS].flatMap((c) =>
      c.flags.filter((f) => !(c.name === 'learn' ? lessons : commands).includes(`--${f.name}`)).map((f) => `${c.name} --${f.name}`),
    );
    expect(missing).toEqual([]);
    for (const f of GLOBAL_FLAGS) expect(commands, `--${f.name}`).toContain(`--${f.name}`);
  });

  it('docs/lessons.md lists every lesson with its number, id, title and minutes', () => {
    const rows = [...read('docs/lessons.md').matchAll(/^\| (\d+) \| `([a-z0-9-]+)` \| (.+?) \| (\d+) \| .+ \|$/gm)].map((m) => ({ order: Number(m[1]), id: m[2], title: m[3], minutes: Number(m[4]) }));
    const { lessons } = compileLessons(readLessonFiles(join(ROOT, 'lessons')));
    expect(rows).toEqual(lessons.map((l) => ({ order: l.order, id: l.id, title: l.title, minutes: l.minutes })));
  });

  it("docs/commands.md's local pre-commit hook is the repository's kms-wizard-lint hook", () => {
    type Hook = { id: string; entry: string; language: string; files: string; types_or: string[]; additional_dependencies?: string[] };
    const hook = (parse(read('.pre-commit-hooks.yaml')) as Hook[]).find((h) => h.id === 'kms-wizard-lint')!;
    const config = codeBlocks(read('docs/commands.md')).find((b) => b.startsWith('# .pre-commit-config.yaml'));
    const local = (parse(config!) as { repos: { repo: string; hooks: Hook[] }[] }).repos[0]!;
    expect(local.repo).toBe('local');
    const { additional_dependencies, ...same } = local.hooks[0]!;
    expect(same).toEqual({ id: hook.id, name: 'kms-wizard lint', entry: hook.entry, language: hook.language, files: hook.files, types_or: hook.types_or });
    expect(additional_dependencies).toEqual([`kms-wizard@${(JSON.parse(read('package.json')) as { version: string }).version}`]);
  });
});
