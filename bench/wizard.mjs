// The wizard's terminal timings in detail (bench/run.mjs has the headline
// rows): time to the first frame against a bundled Ink hello-world, and
// keypress-to-frame latency on each kind of screen, in a real pty. Prints
// numbers; asserts nothing.
//
//   node bench/wizard.mjs                                (dist/cli.cjs)
//   KMS_WIZARD_BIN=.tmp/x/cli.js BENCH_RUNS=21 node bench/wizard.mjs
//
// The wizard's first frame starts with the title "kms-wizard" and the step,
// e.g. "kms-wizard  Step 1 of 10: Start": the marker here is "Step 1 of".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { buildInkHello, quiet, strip } from './lib/pty.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), 'kms-wizard-bench-wizard-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
/** Spawns in a pty; resolves when `marker` shows, with the elapsed ms and the terminal. */
function start(args, marker) {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const t = pty.spawn(process.execPath, args, { cols: 100, rows: 30, cwd: work, env });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "${marker}" in 10 s: ${strip(out).slice(-200)}`)), 10_000);
    const sub = t.onData((d) => {
      out += d;
      if (strip(out).includes(marker)) {
        clearTimeout(timer);
        sub.dispose();
        resolvePromise({ ms: performance.now() - t0, t });
      }
    });
  });
}

/** Writes each key and times the first output after it. */
async function latencies(t, keys) {
  const out = [];
  await quiet(t, 200);
  for (const key of keys) {
    out.push(
      await new Promise((r, reject) => {
        const t0 = performance.now();
        const timer = setTimeout(() => reject(new Error(`no frame within 2 s after key ${JSON.stringify(key)}`)), 2000);
        const sub = t.onData(() => {
          clearTimeout(timer);
          sub.dispose();
          r(performance.now() - t0);
        });
        t.write(key);
      }),
    );
    await quiet(t, 40);
  }
  return out;
}

const hello = await buildInkHello(root, work);
await start([hello], 'Hello, world').then(({ t }) => t.kill());
await start([bin], 'Step 1 of').then(({ t }) => t.kill());
const first = { hello: [], wizard: [] };
for (let i = 0; i < runs; i++) {
  const h = await start([hello], 'Hello, world');
  h.t.kill();
  first.hello.push(h.ms);
  const w = await start([bin], 'Step 1 of');
  w.t.kill();
  first.wizard.push(w.ms);
}

const n = Math.max(20, runs * 2);
const screens = [];
{
  // --key-arn '' answers the Start step (an existing key) and leaves the key field empty.
  const { t } = await start([bin, '--key-arn', ''], 'Step 2 of');
  screens.push(['typing in the key field', await latencies(t, Array.from({ length: n }, (_, i) => (i % 2 ? '\u007F' : 'a')))]);
  t.kill();
}
{
  const { t } = await start([bin, '--key-arn', KEY, '--admin', '111122223333', '--access', 'iam', '--consumer', '111122223333'], 'Step 6 of 10');
  screens.push(['Down in the services list (80 items)', await latencies(t, Array.from({ length: n }, () => '\u001B[B'))]);
  screens.push(['typing a search in the services list', await latencies(t, Array.from({ length: n }, (_, i) => (i % 2 ? '\u007F' : 's')))]);
  t.kill();
}
{
  const { t } = await start([bin, '--key-arn', KEY, '--service', 'secretsmanager', '--service', 'ebs', '--admin', '111122223333', '--access', 'iam', '--consumer', '111122223333', '--region', 'us-east-1', '--actions', ''], 'Step 9 of 10');
  screens.push(['switching review tabs (lint, matrix, JSON)', await latencies(t, Array.from({ length: n }, () => '\u001B[C'))]);
  t.write('5'); // the key policy's JSON: long enough to scroll
  screens.push(['scrolling the review', await latencies(t, Array.from({ length: n }, (_, i) => (i % 2 ? '\u001B[A' : '\u001B[B')))]);
  t.kill();
}

const f = (x) => `${x.toFixed(1)} ms`;
const ratio = median(first.wizard) / median(first.hello);
console.log(`kms-wizard wizard bench: ${bin.slice(root.length)}, node ${process.version}, ${runs} interleaved runs in a 100x30 pty`);
console.log(`first frame: wizard ${f(median(first.wizard))} / Ink hello-world ${f(median(first.hello))} = ${ratio.toFixed(2)}x (target <= 1.15x)`);
for (const [what, xs] of screens) console.log(`keypress to frame, ${what}: median ${f(median(xs))}, p90 ${f(pct(xs, 0.9))}, max ${f(Math.max(...xs))} (${xs.length} keys; target median < 16 ms)`);
process.exit(0);
