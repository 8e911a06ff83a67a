// Benchmark: what computing a full access matrix adds to the CLI's start-up.
// Issue 3's target: `simulate --matrix` at most 10% over `--version` wall time.
// Prints ratios; asserts nothing (timings depend on the machine).
//   node bench/matrix.mjs                 (uses dist/cli.js)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/matrix.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const fixture = (name) => resolve(root, 'test/fixtures/evaluate', name);
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
// The Secrets Manager pattern: key policy (administrator + root with ViaService and CallerAccount) and its IAM policy.
const matrixArgs = ['simulate', '--matrix', '--key-policy', fixture('key-policy-root-via-secrets.json'), '--iam-policy', fixture('iam-john.json'), '--key-arn', keyArn];

// Children's CPU time (cutime + cstime from /proc, in 10 ms ticks) is barely moved by other load.
function childCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timeOnce(args, cpu) {
  const before = childCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr}`);
  if (cpu && before !== undefined) cpu.push(childCpuMs() - before);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;

// `simulate --help` loads the command's code and stops: the difference to
// the matrix run is the cost of reading the files and evaluating the rows.
const commands = { version: ['--version'], load: ['simulate', '--help'], matrix: matrixArgs };
const wall = { version: [], load: [], matrix: [] };
const cpu = { version: [], load: [], matrix: [] };
// Warm the file cache, then interleave the commands so drift hits all alike.
for (const args of Object.values(commands)) timeOnce(args);
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) wall[name].push(timeOnce(args, cpu[name]));

const v = median(wall.version);
const m = median(wall.matrix);
const l = median(wall.load);
console.log(`medians over ${runs} runs: --version ${v.toFixed(1)} ms; simulate --help (code loaded) ${l.toFixed(1)} ms; simulate --matrix (6 scenarios) ${m.toFixed(1)} ms`);
console.log(`matrix/--version ratio: ${(m / v).toFixed(3)} (${pct(m / v)}; fastest runs: ${pct(Math.min(...wall.matrix) / Math.min(...wall.version))}; target: at most +10%)`);
console.log(`of which loading the command's code: ${pct(l / v)}; reading the policies and evaluating the matrix: ${pct(m / l)}`);
if (cpu.version.length > 0) {
  const r = sum(cpu.matrix) / sum(cpu.version);
  console.log(`CPU time (user+sys, all runs): --version ${sum(cpu.version)} ms, --help ${sum(cpu.load)} ms, matrix ${sum(cpu.matrix)} ms; matrix ratio ${r.toFixed(3)} (${pct(r)})`);
}
