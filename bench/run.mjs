// `npm run bench`: every start-up and throughput ratio the project tracks,
// measured in one run on this machine, printed as one table. Prints ratios
// against their targets; asserts nothing (timings depend on the machine).
//
//   npm run bench                                  (builds dist/, then measures it)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/run.mjs (a private build)
//   node bench/scaling.mjs                         (only the scaling rows, printed last)
//   BENCH_RUNS=41 node bench/run.mjs                (more runs per measure; default 21)
//
// Process timings: wall time of spawnSync, every command once per round,
// rounds interleaved so machine drift hits all alike; the median is reported.
// Terminal timings: the CLI in a real pseudo-terminal (@lydell/node-pty),
// timed until a marker text shows up in its output.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { buildInkHello, quiet, strip } from './lib/pty.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const ptyRuns = Math.max(5, Math.round(runs / 2));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'kms-wizard-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const fixture = (...p) => resolve(root, 'test/fixtures', ...p);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The compile cache (src/compile-cache.ts, Node 20) in a directory of this
// run: each command's untimed first run writes it, the timed runs read it, as
// every run after a user's first does. The "first run" rows time without it.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', KMS_WIZARD_CONFIG_DIR: join(work, 'config'), KMS_WIZARD_CACHE_DIR: join(work, 'compile-cache'), KMS_WIZARD_COMPILE_CACHE: '1' };
const NO_CACHE = { KMS_WIZARD_NO_COMPILE_CACHE: '1' };

if (!existsSync(bin)) {
  console.error(`bench: ${bin} does not exist; run npm run build (or set KMS_WIZARD_BIN)`);
  process.exit(2);
}

// ------------------------------------------------------------ process start-up

/** The commands timed as processes; a command whose inputs are missing is left out (n/a). */
const commands = {
  node: { args: ['-e', '0'], node: true },
  version: { args: ['--version'] },
  generate: { args: ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout'] },
  lint: {
    args: ['lint', '--key-arn', KEY, fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
    needs: [fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
  },
  simulate: {
    args: ['simulate', '--key-policy', fixture('evaluate/key-policy-root-via-secrets.json'), '--iam-policy', fixture('evaluate/iam-john.json'), '--key-arn', KEY, '--principal', 'arn:aws:iam::111122223333:user/John', '--action', 'kms:Decrypt', '--via-service', 'secretsmanager.us-east-1.amazonaws.com'],
    needs: [fixture('evaluate/key-policy-root-via-secrets.json'), fixture('evaluate/iam-john.json')],
  },
  explain: {
    args: ['explain', '--key-arn', KEY, fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
    needs: [fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
  },
  learnList: { args: ['learn', '--list'] },
  matrix: {
    args: ['simulate', '--matrix', '--key-policy', fixture('evaluate/key-policy-root-via-secrets.json'), '--iam-policy', fixture('evaluate/iam-john.json'), '--key-arn', KEY],
    needs: [fixture('evaluate/key-policy-root-via-secrets.json'), fixture('evaluate/iam-john.json')],
  },
  // generate --from on a key in use, against plain generate: what the fates and the access comparison add.
  from: {
    args: ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout', '--from', fixture('current-policy/logs-deny-cross-account.json')],
    needs: [fixture('current-policy/logs-deny-cross-account.json')],
  },
  // A user's first run of a command: nothing compiled yet.
  generateFirst: { args: ['generate', '--key-arn', KEY, '--service', 'secretsmanager', '--stdout'], env: NO_CACHE },
  lintFirst: {
    args: ['lint', '--key-arn', KEY, fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
    needs: [fixture('lint/corrected-key-policy.json'), fixture('lint/corrected-iam-policy.json')],
    env: NO_CACHE,
  },
  // A policy against itself: every request is still evaluated against both (and exit 0, which the timing needs).
  diff: {
    args: ['diff', fixture('current-policy/logs-deny-cross-account.json'), fixture('current-policy/logs-deny-cross-account.json'), '--key-arn', KEY],
    needs: [fixture('current-policy/logs-deny-cross-account.json')],
  },
};

function timeProcess({ args, node, env: extra }) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, node ? args : [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return r.status === 0 ? ms : { failed: `exit ${r.status}: ${String(r.stderr).trim().split('\n')[0]}` };
}

const wall = {};
const unavailable = {};
for (const [name, c] of Object.entries(commands)) {
  const missing = (c.needs ?? []).find((f) => !existsSync(f));
  if (missing) {
    unavailable[name] = `n/a (no ${missing.slice(root.length)})`;
    continue;
  }
  const warm = timeProcess(c); // also warms the file cache
  if (typeof warm !== 'number') unavailable[name] = `n/a (${warm.failed})`;
  else wall[name] = [];
}
for (let i = 0; i < runs; i++) {
  for (const name of Object.keys(wall)) {
    const ms = timeProcess(commands[name]);
    if (typeof ms === 'number') wall[name].push(ms);
  }
}
const ms = (name) => (wall[name]?.length ? median(wall[name]) : undefined);

// ------------------------------------------------------------ terminal timings

/**
 * Starts `args` in a pty; resolves with the milliseconds until `marker` shows
 * in its output, and the running terminal (for keypress timing) if `keep`.
 */
function firstFrame(file, args, marker, keep = false) {
  return new Promise((resolvePromise, reject) => {
    const ptyEnv = { ...env, TERM: 'xterm-256color' };
    delete ptyEnv.NO_COLOR; // the wizard as users see it
    const start = performance.now();
    const t = pty.spawn(file, args, { cols: 100, rows: 30, cwd: work, env: ptyEnv });
    let out = '';
    let done = false;
    const timer = setTimeout(() => {
      t.kill();
      reject(new Error(`no "${marker}" within 10 s; output: ${strip(out).slice(-300)}`));
    }, 10_000);
    const sub = t.onData((d) => {
      out += d;
      if (!done && strip(out).includes(marker)) {
        done = true;
        clearTimeout(timer);
        const elapsed = performance.now() - start;
        if (keep) {
          sub.dispose();
          resolvePromise({ elapsed, term: t });
        } else {
          t.kill();
          resolvePromise({ elapsed });
        }
      }
    });
  });
}

/** Milliseconds from a key written to the first output after it, for `keys` alternating keystrokes. */
async function keypressLatencies(t, keys) {
  const out = [];
  await quiet(t, 200);
  for (let i = 0; i < keys; i++) {
    // Down, then Up in the first step's list (a new key / an existing key / ...): each changes the frame.
    const key = i % 2 === 0 ? '\u001B[B' : '\u001B[A';
    const latency = await new Promise((r, reject) => {
      const start = performance.now();
      const timer = setTimeout(() => reject(new Error(`no frame within 2 s after key ${JSON.stringify(key)}`)), 2000);
      const sub = t.onData(() => {
        clearTimeout(timer);
        sub.dispose();
        r(performance.now() - start);
      });
      t.write(key);
    });
    out.push(latency);
    await quiet(t, 60);
  }
  return out;
}

const WIZARD_MARKER = 'Step 1 of';
const terminal = { hello: [], wizard: [], keys: [] };
let terminalNote;
try {
  const hello = await buildInkHello(root, work);
  const wizardHelp = spawnSync(process.execPath, [bin, 'wizard', '--help'], { env, encoding: 'utf8' }).stdout ?? '';
  if (/not available in this build/.test(wizardHelp)) throw new Error('wizard not built');
  // Warm both, then interleave.
  await firstFrame(process.execPath, [hello], 'Hello, world');
  await firstFrame(process.execPath, [bin], WIZARD_MARKER);
  for (let i = 0; i < ptyRuns; i++) {
    terminal.hello.push((await firstFrame(process.execPath, [hello], 'Hello, world')).elapsed);
    const last = i === ptyRuns - 1;
    const w = await firstFrame(process.execPath, [bin], WIZARD_MARKER, last);
    terminal.wizard.push(w.elapsed);
    if (last) {
      terminal.keys = await keypressLatencies(w.term, 2 * runs);
      w.term.kill();
    }
  }
} catch (err) {
  terminalNote = `n/a (${err.message})`;
}

// ------------------------------------------------------------ package size

/** Packs a staging copy of the package (dist = the measured build) and installs it into an empty project. */
function packageSizes() {
  const stage = join(work, 'stage');
  mkdirSync(stage);
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  for (const f of pkg.files) cpSync(f === 'dist' ? dirname(bin) : join(root, f), join(stage, f), { recursive: true });
  // --ignore-scripts: dist is the measured build; "prepare" (the build for a git checkout) has no sources here.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, env, encoding: 'utf8' }));
  const sizes = { packed: packed.size, unpacked: packed.unpackedSize };
  try {
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"bench-install","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, env, stdio: 'pipe', timeout: 180_000 });
    sizes.installed = bytesUnder(join(project, 'node_modules'));
    sizes.installedPackages = countPackages(join(project, 'node_modules'));
  } catch (err) {
    sizes.installedNote = `n/a (npm install failed: ${String(err.message).split('\n')[0]})`;
  }
  return sizes;
}

/** Installed packages: every node_modules/<name> or node_modules/@scope/<name> with a package.json, nested ones too. */
function countPackages(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
    (e) => e.isFile() && e.name === 'package.json' && /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*$/.test(e.parentPath),
  ).length;
}

function bytesUnder(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

let sizes;
try {
  sizes = packageSizes();
} catch (err) {
  sizes = { note: `n/a (${String(err.message).split('\n')[0]})` };
}

// ------------------------------------------------------------ the table

const fmtMs = (x) => `${x.toFixed(1)} ms`;
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const rows = [];
/** A ratio row: measured a/b, with the medians it came from. */
function ratioRow(what, a, b, aName, bName, max) {
  if (a === undefined || b === undefined) {
    rows.push([what, unavailable[aName] ?? unavailable[bName] ?? terminalNote ?? 'n/a', `<= ${max}x`, '']);
    return;
  }
  const r = a / b;
  rows.push([what, `${r.toFixed(2)}x  (${fmtMs(a)} / ${fmtMs(b)})`, `<= ${max}x`, r <= max ? 'meets' : 'misses']);
}

ratioRow('kms-wizard --version vs node -e 0', ms('version'), ms('node'), 'version', 'node', 1.5);
// Issue 13: every non-interactive command within 1.3x of a bare node start.
ratioRow('generate --stdout vs node -e 0', ms('generate'), ms('node'), 'generate', 'node', 1.3);
ratioRow('lint (key + IAM policy) vs node -e 0', ms('lint'), ms('node'), 'lint', 'node', 1.3);
ratioRow('simulate (one request) vs node -e 0', ms('simulate'), ms('node'), 'simulate', 'node', 1.3);
ratioRow('explain (key + IAM policy) vs node -e 0', ms('explain'), ms('node'), 'explain', 'node', 1.3);
ratioRow('learn --list vs node -e 0', ms('learnList'), ms('node'), 'learnList', 'node', 1.3);
ratioRow('generate --stdout, first run (nothing cached) vs node -e 0', ms('generateFirst'), ms('node'), 'generateFirst', 'node', 1.3);
ratioRow('lint, first run (nothing cached) vs node -e 0', ms('lintFirst'), ms('node'), 'lintFirst', 'node', 1.3);
ratioRow('lint (key + IAM policy) vs --version', ms('lint'), ms('version'), 'lint', 'version', 1.1);
ratioRow('simulate --matrix vs --version', ms('matrix'), ms('version'), 'matrix', 'version', 1.1);
ratioRow('generate --from (fates + access comparison) vs generate', ms('from'), ms('generate'), 'from', 'generate', 1.3);
ratioRow('diff (access comparison) vs --version', ms('diff'), ms('version'), 'diff', 'version', 1.3);
ratioRow('wizard first frame vs Ink hello-world (pty)', terminal.wizard.length ? median(terminal.wizard) : undefined, terminal.hello.length ? median(terminal.hello) : undefined, 'wizard', 'hello', 1.15);
if (terminal.keys.length) {
  const m = median(terminal.keys);
  rows.push(['wizard keypress to frame, median (pty)', `${fmtMs(m)}  (${terminal.keys.length} keys, max ${fmtMs(Math.max(...terminal.keys))})`, '< 16 ms', m < 16 ? 'meets' : 'misses']);
} else {
  rows.push(['wizard keypress to frame, median (pty)', terminalNote ?? 'n/a', '< 16 ms', '']);
}
if (sizes.packed !== undefined) {
  rows.push(['packed size (npm pack)', `${kB(sizes.packed)}  (unpacked ${kB(sizes.unpacked)})`, '<= 400 kB', sizes.packed <= 400_000 ? 'meets' : 'misses']);
  rows.push([
    'installed size of npx kms-wizard (node_modules)',
    sizes.installed !== undefined ? `${kB(sizes.installed)}  (${sizes.installedPackages} packages)` : sizes.installedNote,
    'as small as possible',
    '',
  ]);
} else {
  rows.push(['packed size (npm pack)', sizes.note, '<= 400 kB', '']);
}

const header = ['measure', 'result', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
const cacheKind = typeof (await import('node:module')).default.enableCompileCache === 'function' ? "Node's module.enableCompileCache()" : "kms-wizard's own (src/compile-cache.ts)";
console.log(`kms-wizard ${pkg.version} bench: ${bin.startsWith(root) ? bin.slice(root.length) : bin}, node ${process.version}; medians of ${runs} interleaved runs (${ptyRuns} in the pty)`);
console.log(`compile cache: ${cacheKind}, written by an untimed first run of each command`);
console.log('');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));

// ------------------------------------------------------------ scaling rows (issue 21)
// How the access comparison and IaC lint grow with their input: bench/scaling.mjs.
console.log('');
spawnSync(process.execPath, [join(root, 'bench/scaling.mjs')], { stdio: 'inherit', env: process.env });
