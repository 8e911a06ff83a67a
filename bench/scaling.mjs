// The scaling rows of `npm run bench` (issue 21): how the access comparison and
// IaC lint grow with their input, on inputs generated here from a fixed seed
// (bench/lib/policies.mjs; nothing multi-MB is committed). Each row prints the
// medians per size and the fitted exponent between sizes (time ∝ size^k):
// k ≈ 1 is linear, 2 quadratic. Prints; asserts nothing.
//
//   node bench/scaling.mjs            (after npm run build; BENCH_SCALING_RUNS=N, default 3)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { BENCH_KEY, keyPolicy, keyPolicyOfSize, reviewedPolicy, terraformPlan } from './lib/policies.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.cjs');
const runs = Number(process.env.BENCH_SCALING_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1' };
const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));

/** Wall milliseconds and peak RSS (kB, when /usr/bin/time exists) of one CLI run; exit 0 or 1 (findings) counts. */
function run(args) {
  const argv = TIME ? [TIME, '-f', '%M', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.slice(0, 2).join(' ')} exited ${r.status}: ${String(r.stderr).slice(-300)}`);
  const rss = TIME ? Number(String(r.stderr).trim().split('\n').pop()) : undefined;
  return { ms, rss };
}

function measure(args) {
  const samples = Array.from({ length: runs }, () => run(args));
  return { ms: median(samples.map((s) => s.ms)), rss: samples[0].rss === undefined ? undefined : Math.max(...samples.map((s) => s.rss)) };
}

const exponent = (a, b) => Math.log(b.ms / a.ms) / Math.log(b.size / a.size);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** One row: the measure at each size, and the exponent between consecutive sizes against `maxExponent`. */
function row(label, points, targets, note = (p) => '') {
  const cells = points.map((p) => `${p.label}: ${fmt(p.ms)}${note(p)}${targets[p.label] ? ` (target <= ${fmt(targets[p.label])}, ${p.ms <= targets[p.label] ? 'meets' : 'misses'})` : ''}`);
  const ks = points.slice(1).map((p, i) => `k=${exponent(points[i], p).toFixed(2)}`);
  console.log(`${label}\n  ${cells.join('\n  ')}${ks.length ? `\n  exponent ${ks.join(', ')} (target <= 1.2 between the two largest sizes${ks.length ? `: ${exponent(points.at(-2), points.at(-1)) <= 1.2 ? 'meets' : 'misses'}` : ''})` : ''}`);
}

const work = mkdtempSync(join(tmpdir(), 'kms-wizard-scaling-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const file = (name, value) => {
  const path = join(work, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

if (!existsSync(bin)) {
  console.error(`bench: ${bin} does not exist; run npm run build (or set KMS_WIZARD_BIN)`);
  process.exit(2);
}
console.log(`scaling rows: ${bin.startsWith(root) ? bin.slice(root.length) : bin}, node ${process.version}; medians of ${runs} runs${TIME ? '' : ' (no /usr/bin/time: peak RSS n/a)'}\n`);

// diff of two reviews of one key policy: 50, 200, 400 statements. Written compact: 400
// pretty-printed statements exceed the readers' 131,072-character policy limit (four
// times the 32 KB KMS accepts), which refuses them before any comparison.
const diffPoints = [50, 200, 400].map((n) => {
  const before = keyPolicy(n);
  const m = measure(['diff', file(`before-${n}.json`, JSON.stringify(before)), file(`after-${n}.json`, JSON.stringify(reviewedPolicy(before))), '--key-arn', BENCH_KEY]);
  return { label: `${n} statements`, size: n, ...m };
});
row('diff (access comparison) by statements', diffPoints, { '200 statements': 500, '400 statements': 1000 });

// generate --from: a 60-statement current policy and a 32 KB one (the largest KMS accepts).
const sixty = keyPolicy(60);
const big = keyPolicyOfSize(32_000);
const fromArgs = (path) => ['generate', '--key-arn', BENCH_KEY, '--service', 'secretsmanager', '--stdout', '--from', path];
const sixtyPath = file('sixty.json', sixty);
const bigPath = file('big.json', big);
const sixtyBytes = JSON.stringify(sixty, null, 2).length;
const bigBytes = JSON.stringify(big, null, 2).length;
row('generate --from by current policy size', [
  { label: `60 statements (${(sixtyBytes / 1000).toFixed(0)} kB)`, size: sixtyBytes, ...measure(fromArgs(sixtyPath)) },
  { label: `${big.Statement.length} statements (${(bigBytes / 1000).toFixed(0)} kB)`, size: bigBytes, ...measure(fromArgs(bigPath)) },
], { [`60 statements (${(sixtyBytes / 1000).toFixed(0)} kB)`]: 250, [`${big.Statement.length} statements (${(bigBytes / 1000).toFixed(0)} kB)`]: 1000 });
row('diff of a 32 kB policy with its review', [{ label: `${big.Statement.length} statements (${(bigBytes / 1000).toFixed(0)} kB)`, size: bigBytes, ...measure(['diff', bigPath, file('big-after.json', reviewedPolicy(big)), '--key-arn', BENCH_KEY]) }], {
  [`${big.Statement.length} statements (${(bigBytes / 1000).toFixed(0)} kB)`]: 1000,
});

// The wizard's Enter into Review with a 60-statement --from, in-process through the same core functions.
const bundle = join(work, 'review-cost.cjs');
await esbuild({ entryPoints: [join(root, 'bench/lib/review-cost.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error', mainFields: ['module', 'main'] });
const { reviewMs } = (await import(pathToFileURL(bundle).href)).default;
const sixtyText = JSON.stringify(sixty, null, 2);
reviewMs(BENCH_KEY, sixtyText); // first use: code compiled, tables made
const review = median(Array.from({ length: Math.max(5, runs) }, () => reviewMs(BENCH_KEY, sixtyText)));
console.log(`wizard Enter into Review, 60-statement --from (core functions, in-process)\n  ${fmt(review)} (target <= 100 ms, ${review <= 100 ? 'meets' : 'misses'})`);

// lint of a Terraform plan with 1,000 and 10,000 keys: time and peak memory.
const planPoints = [1000, 10_000].map((keys) => {
  const text = terraformPlan(keys);
  const m = measure(['lint', file(`plan-${keys}.json`, text)]);
  return { label: `${keys} keys (${(text.length / 1e6).toFixed(1)} MB)`, size: keys, bytes: text.length, ...m };
});
row('lint of a Terraform plan by keys', planPoints, { [planPoints[1].label]: 20_000 }, (p) =>
  p.rss === undefined ? '' : `, peak RSS ${(p.rss / 1000).toFixed(0)} MB = ${((p.rss * 1000) / p.bytes).toFixed(1)}x the file (target <= 6x)`,
);
