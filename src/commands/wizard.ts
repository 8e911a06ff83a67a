// Placeholder until the wizard command lands (see the open issues).
import { CliError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';

export const help = 'kms-wizard wizard: not available in this build yet.';
export const run: Command = async () => {
  throw new CliError('the wizard command is not available in this build yet');
};
