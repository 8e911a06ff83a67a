// `kms-wizard completion bash|zsh|fish`: prints a completion script generated
// from the command table, so it always matches this version's commands, flags,
// services and Regions.
import { parseFlags } from '../cli/args.js';
import { EXIT, UsageError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';
import { didYouMean } from '../core/suggest.js';
import { COMPLETION_SCRIPTS } from './completion-scripts.js';

const SHELLS = Object.keys(COMPLETION_SCRIPTS);

export const help = `kms-wizard completion: print a shell completion script for commands, flags,
service names, Regions, output formats, KMS actions, condition keys and lesson ids, for
kms-wizard and for npx kms-wizard.

Usage:
  kms-wizard completion bash|zsh|fish

Install:
  bash  kms-wizard completion bash > ~/.local/share/bash-completion/completions/kms-wizard
        for npx kms-wizard, the same script as .../completions/npx too
        (or add to ~/.bashrc:  source <(kms-wizard completion bash))
  zsh   kms-wizard completion zsh > "\${fpath[1]}/_kms-wizard"
        (or add to ~/.zshrc after compinit:  source <(kms-wizard completion zsh))
  fish  kms-wizard completion fish > ~/.config/fish/completions/kms-wizard.fish
        for npx kms-wizard, the same script as ~/.config/fish/completions/npx.fish too

Open a new shell afterwards. Re-run after upgrading kms-wizard: the script
lists the commands, flags and services of the version that wrote it.

Examples:
  kms-wizard generate --serv<TAB>            -> --service
  kms-wizard generate --service ela<TAB>     -> elasticache
  kms-wizard simulate --action kms:Decr<TAB> -> kms:Decrypt
  kms-wizard learn <TAB>                     -> lesson ids
  npx kms-wizard lint <TAB>                  -> files

Exit codes: 0 printed, 2 missing or unknown shell.`;

export const run: Command = async (argv, io) => {
  const { positionals } = parseFlags(argv, {}, true);
  const [shell, ...extra] = positionals;
  if (shell === undefined) throw new UsageError(`name the shell: kms-wizard completion ${SHELLS.join('|')}`);
  if (extra.length > 0) throw new UsageError(`one shell at a time, not "${positionals.join(' ')}"`);
  const script = COMPLETION_SCRIPTS[shell];
  if (!script) {
    const guess = didYouMean(shell, SHELLS);
    throw new UsageError(`no completion for shell "${shell}"${guess ? ` (did you mean ${guess}?)` : ''}; kms-wizard completes ${SHELLS.join(', ')}`);
  }
  io.stdout.write(script());
  return EXIT.ok;
};
