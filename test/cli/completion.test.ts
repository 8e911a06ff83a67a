// Completion scripts driven through the real shells: bash calls the
// completion function the way readline does, fish answers `complete -C`, and
// zsh completes in a real pseudo-terminal. The command table they come from is
// checked against every command's --help, so it cannot drift from the CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, GLOBAL_FLAGS, WIZARD } from '../../src/cli/commands-table.js';
import { KMS_ACTIONS } from '../../src/core/catalog/actions.js';
import { allServiceNamesTyped } from '../../src/core/catalog/service-principals.js';
import { compiledLessonIndex } from '../../src/lessons/lesson-index.js';
import { runCli } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

const has = (shell: string) => {
  try {
    execFileSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

let dir: string;
const scripts: Record<string, string> = {};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kms-wizard-completion-'));
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await runCli(['completion', shell]);
    expect(r.code, r.stderr).toBe(0);
    scripts[shell] = join(dir, shell === 'zsh' ? '_kms-wizard' : `kms-wizard.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * What bash offers for `line` (the cursor at its end), calling the function as readline would:
 * COMP_LINE and COMP_POINT, and COMP_WORDS split at blanks and at COMP_WORDBREAKS, which makes
 * each "=", ":" and "@" a word of its own. Readline puts a reply in place of the text after the
 * last of those (so `--action kms:Decr` is offered `Decrypt`); see the pty test for the line it makes.
 */
function bashComplete(line: string): string[] {
  const words = line.split(/\s+|([=:@])/).filter((w) => w !== undefined && w !== '');
  if (/\s$/.test(line) || line === '') words.push('');
  const quoted = words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  const q = `'${line.replace(/'/g, "'\\''")}'`;
  const out = execFileSync('bash', ['-c', `source '${scripts.bash}'; COMP_LINE=${q}; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _kms_wizard; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    encoding: 'utf8',
    cwd: dir,
  });
  return out.split('\n').filter((l) => l !== '');
}

describe('kms-wizard completion', () => {
  it('refuses a missing or unknown shell with exit 2 and the shells it knows', async () => {
    const none = await runCli(['completion']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('kms-wizard completion bash|zsh|fish');
    const typo = await runCli(['completion', 'bsh']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean bash?');
  });

  it('prints install instructions in --help', async () => {
    const r = await runCli(['completion', '--help']);
    expect(r.stdout).toContain('~/.local/share/bash-completion/completions/kms-wizard');
    expect(r.stdout).toContain('~/.config/fish/completions/kms-wizard.fish');
    // bash-completion and fish load a script by the command's name: npx needs its own copy.
    expect(r.stdout).toContain('~/.config/fish/completions/npx.fish');
    expect(r.stdout).toContain('.../completions/npx');
  });
});

describe('bash', () => {
  it('is valid bash', () => {
    execFileSync('bash', ['-n', scripts.bash!]);
  });

  it('completes commands, then each command’s flags', () => {
    expect(bashComplete('kms-wizard ')).toEqual([WIZARD, ...COMMANDS].map((c) => c.name));
    expect(bashComplete('kms-wizard gen')).toEqual(['generate']);
    expect(bashComplete('kms-wizard generate --ser')).toEqual(['--service']);
    expect(bashComplete('kms-wizard lint --')).toEqual(['--type', '--input', '--key-arn', '--format', '--json', '--strict', '--help', '--version']);
    // No command: the wizard's flags (and -v, which only the bare kms-wizard takes).
    expect(bashComplete('kms-wizard --acc').sort()).toEqual(['--access', '--accessible', '--account', '--account-details']);
  });

  it('completes service names, Regions, formats and access modes as flag values, also after "="', () => {
    expect(bashComplete('kms-wizard generate --service secretsm')).toEqual(['secretsmanager']);
    expect(bashComplete('kms-wizard generate --service cloudt')).toEqual(['cloudtrail']);
    expect(bashComplete('kms-wizard generate --service ')).toEqual([...allServiceNamesTyped()]);
    expect(bashComplete('kms-wizard generate --service=ela')).toEqual(allServiceNamesTyped().filter((s) => s.startsWith('ela')));
    expect(bashComplete('kms-wizard --region eu-central-')).toEqual(expect.arrayContaining(['eu-central-1', 'eu-central-2']));
    expect(bashComplete('kms-wizard generate --format c')).toEqual(['cloudformation', 'cdk']);
    expect(bashComplete('kms-wizard generate --access p')).toEqual(['principals']);
    expect(bashComplete('kms-wizard lint --format s')).toEqual(['sarif']);
    expect(bashComplete('kms-wizard completion ')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes KMS action names after "kms:" (readline keeps the "kms:" and inserts the rest)', () => {
    expect(bashComplete('kms-wizard simulate --action kms:Decr')).toEqual(['Decrypt']);
    expect(bashComplete('kms-wizard simulate --action=kms:GenerateDataKeyP')).toEqual(['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']);
    expect(bashComplete('kms-wizard who-can --action kms:')).toEqual(KMS_ACTIONS.map((a) => a.slice('kms:'.length)));
    expect(bashComplete('kms-wizard simulate --action ')).toEqual([...KMS_ACTIONS]);
  });

  it('completes the last action of a comma-separated --actions list, the ones before it kept', () => {
    expect(bashComplete('kms-wizard generate --actions kms:Decr')).toEqual(['Decrypt']);
    // Readline keeps "kms:Decrypt,kms:" (up to the last colon) and inserts the rest.
    expect(bashComplete('kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyW')).toEqual(['GenerateDataKeyWithoutPlaintext']);
    expect(bashComplete('kms-wizard --actions=kms:Decrypt,kms:Enc')).toEqual(['Encrypt']);
  });

  it('completes condition keys for simulate --context as KEY= (placeholder keys as their prefix)', () => {
    expect(bashComplete('kms-wizard simulate --context kms:Via')).toEqual(['ViaService=']);
    expect(bashComplete('kms-wizard simulate --context kms:EncryptionCo')).toEqual(['EncryptionContext:', 'EncryptionContextKeys=']);
    expect(bashComplete('kms-wizard simulate --context aws:SourceA')).toEqual(['SourceAccount=', 'SourceArn=']);
    expect(bashComplete('kms-wizard simulate --context aws:PrincipalT')).toEqual(['PrincipalTag/', 'PrincipalType=']);
  });

  it('completes lesson ids after learn', () => {
    const ids = compiledLessonIndex().map((l) => l.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(bashComplete('kms-wizard learn ')).toEqual(ids);
    expect(bashComplete('kms-wizard learn via')).toEqual(ids.filter((id) => id.startsWith('via')));
  });

  it('completes npx kms-wizard like kms-wizard, flags and versions before it included', () => {
    expect(bashComplete('npx kms-wizard gen')).toEqual(['generate']);
    expect(bashComplete('npx kms-wizard generate --service secretsm')).toEqual(['secretsmanager']);
    expect(bashComplete('npx --yes kms-wizard@latest simulate --action kms:Decr')).toEqual(['Decrypt']);
    expect(bashComplete('npx kms-wizard ')).toEqual([WIZARD, ...COMMANDS].map((c) => c.name));
    // npx running another package: no kms-wizard words (bash falls back to file names).
    expect(bashComplete('npx cowsay gen')).toEqual([]);
  });

  it('in an interactive bash, readline makes the whole line: kms:Decrypt, KEY=, npx kms-wizard', async () => {
    const t = spawnPty([], { file: 'bash', rawArgs: ['--norc', '--noprofile', '-i'], cwd: dir, cols: 120, rows: 30 });
    try {
      t.write(`PS1='bash> '; source '${scripts.bash}'; echo $((6 * 7))READY\r`);
      await t.waitFor('42READY');
      const completes = async (typed: string, line: string) => {
        t.write(`${typed}\t`);
        await t.waitFor(new RegExp(`^bash> ${line.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}$`, 'm'));
        t.write(KEYS.ctrlU);
        await t.waitFor(/^bash> *$/m);
      };
      await completes('kms-wizard simulate --action kms:Decr', 'kms-wizard simulate --action kms:Decrypt ');
      await completes('kms-wizard simulate --action=kms:ScheduleK', 'kms-wizard simulate --action=kms:ScheduleKeyDeletion ');
      await completes('kms-wizard simulate --context kms:Via', 'kms-wizard simulate --context kms:ViaService=');
      await completes('kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyW', 'kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyWithoutPlaintext');
      await completes('npx kms-wizard gen', 'npx kms-wizard generate ');
      await completes('npx kms-wizard generate --service secretsm', 'npx kms-wizard generate --service secretsmanager ');
    } finally {
      t.kill();
    }
  });

  it('completes files for lint and directories for --out', () => {
    writeFileSync(join(dir, 'key-policy.json'), '{}');
    expect(bashComplete('kms-wizard lint key-')).toEqual(['key-policy.json']);
    expect(bashComplete('kms-wizard generate --out ')).toEqual([]); // the temp dir has no subdirectories
  });
});

describe.runIf(has('fish') || Boolean(process.env.CI))('fish', () => {
  const complete = (line: string) =>
    execFileSync('fish', ['-c', `source '${scripts.fish}'; complete -C '${line}'`], { encoding: 'utf8', cwd: dir })
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')[0]);

  it('completes commands, flags and values', () => {
    expect(complete('kms-wizard gen')).toEqual(['generate']);
    expect(complete('kms-wizard generate --serv')).toEqual(['--service']);
    expect(complete('kms-wizard generate --service secretsm')).toEqual(['secretsmanager']);
    expect(complete('kms-wizard generate --format ').sort()).toEqual(['cdk', 'cloudformation', 'json', 'terraform']);
    expect(complete('kms-wizard completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('kms-wizard --acc').sort()).toEqual(['--access', '--accessible', '--account', '--account-details']);
  });

  it('completes KMS actions, condition keys as KEY=, lesson ids, and npx kms-wizard', () => {
    expect(complete('kms-wizard simulate --action kms:Decr')).toEqual(['kms:Decrypt']);
    expect(complete('kms-wizard simulate --context kms:Via')).toEqual(['kms:ViaService=']);
    expect(complete('kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyW')).toEqual(['kms:Decrypt,kms:GenerateDataKeyWithoutPlaintext']);
    expect(complete('kms-wizard learn via')).toEqual(compiledLessonIndex().map((l) => l.id).filter((id) => id.startsWith('via')));
    expect(complete('npx kms-wizard gen')).toEqual(['generate']);
    expect(complete('npx --yes kms-wizard generate --service secretsm')).toEqual(['secretsmanager']);
    expect(complete('npx kms-wizard simulate --action kms:Decr')).toEqual(['kms:Decrypt']);
    expect(complete('npx cowsay gen')).toEqual([]);
  });
});

describe.runIf(has('zsh') || Boolean(process.env.CI))('zsh', () => {
  it('is valid zsh', () => {
    execFileSync('zsh', ['-n', scripts.zsh!]);
  });

  it('completes in an interactive zsh with compinit', async () => {
    const t = spawnPty([], { file: 'zsh', rawArgs: ['-f', '-i'], cwd: dir, cols: 120, rows: 30 });
    try {
      t.write(`PROMPT='zsh> '; autoload -U compinit && compinit -u -D && source '${scripts.zsh}' && echo $((6 * 7))READY\r`);
      await t.waitFor('42READY');
      // A completed line reads "zsh> <line>", maybe with the "=" zsh offers after a flag or the "," _sequence offers after a list item.
      const completes = async (typed: string, line: string) => {
        t.write(`${typed}\t`);
        await t.waitFor(new RegExp(`^zsh> ${line.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}[=,]? *$`, 'm'));
        t.write(KEYS.ctrlU);
        await t.waitFor(/^zsh> *$/m);
      };
      await completes('kms-wizard gen', 'kms-wizard generate');
      await completes('kms-wizard generate --serv', 'kms-wizard generate --service');
      await completes('kms-wizard generate --service secretsm', 'kms-wizard generate --service secretsmanager');
      await completes('kms-wizard generate --format clo', 'kms-wizard generate --format cloudformation');
      await completes('kms-wizard lint --form', 'kms-wizard lint --format');
      await completes('kms-wizard completion fi', 'kms-wizard completion fish');
      await completes('kms-wizard --acces', 'kms-wizard --access');
      await completes('kms-wizard simulate --action kms:Decr', 'kms-wizard simulate --action kms:Decrypt');
      await completes('kms-wizard simulate --context kms:Via', 'kms-wizard simulate --context kms:ViaService=');
      await completes('kms-wizard learn via', 'kms-wizard learn via-service');
      await completes('kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyW', 'kms-wizard generate --actions kms:Decrypt,kms:GenerateDataKeyWithoutPlaintext');
      await completes('npx kms-wizard gen', 'npx kms-wizard generate');
      await completes('npx kms-wizard generate --service secretsm', 'npx kms-wizard generate --service secretsmanager');
    } finally {
      t.kill();
    }
  });

  it('installed in $fpath (#compdef kms-wizard npx), completes both commands', async () => {
    const t = spawnPty([], { file: 'zsh', rawArgs: ['-f', '-i'], cwd: dir, cols: 120, rows: 30 });
    try {
      t.write(`PROMPT='zsh> '; fpath=('${dir}' $fpath); autoload -U compinit && compinit -u -D && echo $((6 * 7))READY\r`);
      await t.waitFor('42READY');
      t.write('npx kms-wizard simulate --action kms:Decr\t');
      await t.waitFor(/^zsh> npx kms-wizard simulate --action kms:Decrypt *$/m);
      t.write(`${KEYS.ctrlU}kms-wizard gen\t`);
      await t.waitFor(/^zsh> kms-wizard generate *$/m);
    } finally {
      t.kill();
    }
  });
});

describe('the command table matches the CLI', () => {
  const optionLines = (help: string) =>
    new Set([...help.matchAll(/^ {2}(?:-\w, )?--([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((f) => f !== 'help' && f !== 'version'));

  it('lists the same commands as kms-wizard --help', async () => {
    const r = await runCli(['--help']);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z-]+) {2,}\S/gm)].map((m) => m[1]);
    expect(listed).toEqual(COMMANDS.map((c) => c.name));
  });

  it.each([WIZARD, ...COMMANDS].map((c) => [c.name, c] as const))('%s: the same flags as its --help', async (name, spec) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    if (/not available in this build yet/.test(r.stdout)) return; // a command still being written: nothing to compare yet
    const table = new Set(spec.flags.map((f) => f.name));
    expect(optionLines(r.stdout)).toEqual(table);
    for (const f of spec.flags.filter((x) => x.short)) expect(r.stdout).toContain(`-${f.short}, --${f.name}`);
  });

  it('offers --help and --version on every command', () => {
    expect(GLOBAL_FLAGS.map((f) => f.name)).toEqual(['help', 'version']);
  });
});
