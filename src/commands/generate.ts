import { CliError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';

export const help = 'kms-wizard generate: being built.';
export const run: Command = async () => {
  throw new CliError('generate is not available in this build yet');
};
