// Placeholder until the simulate command lands (see the open issues).
import { CliError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';

export const help = 'kms-wizard simulate: not available in this build yet.';
export const run: Command = async () => {
  throw new CliError('the simulate command is not available in this build yet');
};
