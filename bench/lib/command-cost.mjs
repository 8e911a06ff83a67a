// What one command adds to the CLI's start-up, as a ratio to `--version`:
// shared by bench/lint.mjs and bench/matrix.mjs. Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = resolve(root, process.env.KMS_WIZARD_BIN ?? 'dist/cli.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 21);

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

/**
 * Times `--version`, `<command> --help` (the command's code loaded, nothing
 * run) and the real run, interleaved so drift hits all alike, and prints the
 * medians, the ratio to `--version` against the target, and the split into
 * loading and working.
 */
export function measureCommandCost({ label, command, args, work }) {
  const commands = { version: ['--version'], load: [command, '--help'], run: args };
  const wall = { version: [], load: [], run: [] };
  const cpu = { version: [], load: [], run: [] };
  for (const a of Object.values(commands)) timeOnce(a); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, a] of Object.entries(commands)) wall[name].push(timeOnce(a, cpu[name]));
  const v = median(wall.version);
  const l = median(wall.load);
  const t = median(wall.run);
  console.log(`medians over ${runs} runs: --version ${v.toFixed(1)} ms; ${command} --help (code loaded) ${l.toFixed(1)} ms; ${label} ${t.toFixed(1)} ms`);
  console.log(`${command}/--version ratio: ${(t / v).toFixed(3)} (${pct(t / v)}; fastest runs: ${pct(Math.min(...wall.run) / Math.min(...wall.version))}; target: at most +10%)`);
  console.log(`of which loading the command's code: ${pct(l / v)}; ${work}: ${pct(t / l)}`);
  if (cpu.version.length > 0) {
    const r = sum(cpu.run) / sum(cpu.version);
    console.log(`CPU time (user+sys, all runs): --version ${sum(cpu.version)} ms, --help ${sum(cpu.load)} ms, ${command} ${sum(cpu.run)} ms; ratio ${r.toFixed(3)} (${pct(r)})`);
  }
}
