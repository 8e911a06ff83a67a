// Placeholder until the lint command lands (see the open issues).
import { CliError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';

export const help = 'kms-wizard lint: not available in this build yet.';
export const run: Command = async () => {
  throw new CliError('the lint command is not available in this build yet');
};
