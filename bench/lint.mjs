// Benchmark: how much linting a typical policy pair adds to the CLI's start-up.
// Issue 3's target: `lint` at most 10% over `--version` wall time.
// Prints a ratio; asserts nothing (timings depend on the machine).
//   node bench/lint.mjs                 (uses dist/cli.js)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/lint.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
// A typical pair: an administrator statement plus a Secrets Manager statement, and its IAM policy.
const policies = ['test/fixtures/lint/corrected-key-policy.json', 'test/fixtures/lint/corrected-iam-policy.json'].map((p) => resolve(root, p));
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

// On Linux, /proc/self/stat also gives the CPU time of finished children
// (cutime + cstime, in clock ticks), which other load on the machine barely moves.
const TICK_MS = 10;
function childCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

function timeOnce(args, cpu) {
  const cpuBefore = childCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (cpu && cpuBefore !== undefined) cpu.push(childCpuMs() - cpuBefore);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm the file cache, then interleave the two commands so drift hits both alike.
timeOnce(['--version']);
timeOnce(['lint', '--key-arn', keyArn, ...policies]);
const version = [];
const lint = [];
const versionCpu = [];
const lintCpu = [];
for (let i = 0; i < runs; i++) {
  version.push(timeOnce(['--version'], versionCpu));
  lint.push(timeOnce(['lint', '--key-arn', keyArn, ...policies], lintCpu));
}
// The median is the headline; the minimum shows the cost without the noise of
// other processes on a shared machine.
const v = median(version);
const l = median(lint);
const ratio = l / v;
const minRatio = Math.min(...lint) / Math.min(...version);
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
console.log(`--version median: ${v.toFixed(1)} ms; lint (key policy + IAM policy) median: ${l.toFixed(1)} ms; ${runs} runs each`);
console.log(`lint/--version ratio: ${ratio.toFixed(3)} (${pct(ratio)}; fastest runs: ${minRatio.toFixed(3)}, ${pct(minRatio)}; target: at most +10%)`);
if (versionCpu.length > 0) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const cpuRatio = sum(lintCpu) / sum(versionCpu);
  console.log(`CPU time (user+sys, all runs): --version ${sum(versionCpu)} ms, lint ${sum(lintCpu)} ms; ratio ${cpuRatio.toFixed(3)} (${pct(cpuRatio)})`);
}
