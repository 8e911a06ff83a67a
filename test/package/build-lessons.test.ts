// `npm run build` compiles the lessons: a broken lesson stops the build with
// its file and line, before dist/ is touched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run build with a broken lesson', () => {
  it('fails with the file and line of the mistake and writes no dist/', () => {
    const work = mkdtempSync(join(tmpdir(), 'kmsw-build-lessons-'));
    const lessons = join(work, 'lessons');
    cpSync(join(ROOT, 'lessons'), lessons, { recursive: true });
    const file = join(lessons, '06-grants.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('kind: ')) + 1;
    lines[at - 1] = 'kind: predict\nkindd: predict';
    writeFileSync(file, lines.join('\n'));

    const outdir = join(work, 'dist');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LESSONS_DIR: lessons, OUTDIR: outdir },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`build: a lesson is broken: ${file}:`);
    expect(r.stderr).toMatch(/unknown field "kindd" \(did you mean "kind"\?\)/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(outdir)).toBe(false);
  });
});
