// Benchmark: how much linting a typical policy pair adds to the CLI's start-up.
// Issue 3's target: `lint` at most 10% over `--version` wall time.
// Prints ratios; asserts nothing (timings depend on the machine).
//   node bench/lint.mjs                 (uses dist/cli.js)
//   KMS_WIZARD_BIN=.tmp/x/cli.js node bench/lint.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
// A typical pair: an administrator statement plus a Secrets Manager statement, and its IAM policy.
const policies = ['corrected-key-policy.json', 'corrected-iam-policy.json'].map((p) => resolve(root, 'test/fixtures/lint', p));
const keyArn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

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

// `lint --help` loads the command's code and stops: the difference to the
// lint run is the cost of reading the files and running the rules.
const commands = { version: ['--version'], load: ['lint', '--help'], lint: ['lint', '--key-arn', keyArn, ...policies] };
const wall = { version: [], load: [], lint: [] };
const cpu = { version: [], load: [], lint: [] };
// Warm the file cache, then interleave the commands so drift hits all alike.
for (const args of Object.values(commands)) timeOnce(args);
for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) wall[name].push(timeOnce(args, cpu[name]));

const v = median(wall.version);
const l = median(wall.load);
const t = median(wall.lint);
console.log(`medians over ${runs} runs: --version ${v.toFixed(1)} ms; lint --help (code loaded) ${l.toFixed(1)} ms; lint (key policy + IAM policy) ${t.toFixed(1)} ms`);
console.log(`lint/--version ratio: ${(t / v).toFixed(3)} (${pct(t / v)}; fastest runs: ${pct(Math.min(...wall.lint) / Math.min(...wall.version))}; target: at most +10%)`);
console.log(`of which loading the command's code: ${pct(l / v)}; reading and linting the policies: ${pct(t / l)}`);
if (cpu.version.length > 0) {
  const r = sum(cpu.lint) / sum(cpu.version);
  console.log(`CPU time (user+sys, all runs): --version ${sum(cpu.version)} ms, --help ${sum(cpu.load)} ms, lint ${sum(cpu.lint)} ms; lint ratio ${r.toFixed(3)} (${pct(r)})`);
}
