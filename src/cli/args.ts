import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/suggest.js';
import { UsageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * util.parseArgs with errors a user can act on: an unknown flag names the
 * closest known one, a missing value says which flag needs it.
 */
export function parseFlags<O extends OptionSpec>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals, allowNegative: false });
  } catch (err) {
    const e = err as Error & { code?: string };
    const known = Object.keys(options).map((k) => `--${k}`);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      const guess = didYouMean(flag.split('=')[0]!, known);
      throw new UsageError(`unknown option ${flag}${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[a-z-]+/.exec(e.message)?.[0] ?? 'an option';
      throw new UsageError(
        options[flag.slice(2)]?.type === 'boolean' ? `${flag} takes no value` : `${flag} needs a value (e.g. ${flag} VALUE)`,
      );
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const arg = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      throw new UsageError(`unexpected argument "${arg}"`);
    }
    throw err;
  }
}

/** Splits repeatable values that may also be comma-separated: `--region a,b --region c`. */
export function listFlag(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
