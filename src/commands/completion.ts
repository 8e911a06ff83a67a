// Placeholder until the completion command lands (see the open issues).
import { CliError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';

export const help = 'kms-wizard completion: not available in this build yet.';
export const run: Command = async () => {
  throw new CliError('the completion command is not available in this build yet');
};
