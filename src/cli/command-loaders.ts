// The module behind each command of the table, loaded only when the command
// runs (so --help, generate, lint... never load ink/react). The only place
// that points from cli/ into commands/: the table and the completion scripts
// stay below the commands, and the dispatcher above them.
import type { Command } from './io.js';

/** A module under src/commands/. */
export interface CommandModule {
  readonly run: Command;
  readonly help: string;
}

/** Loaders by command name: the wizard and every entry of COMMANDS (a test checks they match). */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  wizard: () => import('../commands/wizard.js'),
  generate: () => import('../commands/generate.js'),
  lint: () => import('../commands/lint.js'),
  simulate: () => import('../commands/simulate.js'),
  'who-can': () => import('../commands/who-can.js'),
  explain: () => import('../commands/explain.js'),
  diff: () => import('../commands/diff.js'),
  learn: () => import('../commands/learn.js'),
  completion: () => import('../commands/completion.js'),
};
