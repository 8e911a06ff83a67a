import type { parseArgs, ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/suggest.js';
import { safeText } from '../core/terminal-safe.js';
import { UsageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What util.parseArgs returns for these options with strict: true (the same shape, typed the same way). */
export type ParsedFlags<O extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean; allowNegative: false }>>;

/** One flag as written, after a short group is taken apart. */
interface Token {
  /** The option's name (for an unknown short flag, the letter). */
  readonly name: string;
  /** As written: `--key-arn`, `-y`. */
  readonly raw: string;
  readonly value: string | undefined;
  /** The value was part of the same argument (`--x=v`, `-xv`). */
  readonly inline: boolean;
}

/**
 * util.parseArgs({ strict: true, allowNegative: false }) with errors a user
 * can act on: an unknown flag names the closest known one, a missing value
 * says which flag needs it.
 *
 * The same rules as Node's parser (lib/internal/util/parse_args): `--` ends
 * the flags; `--name=value` and `--name value` for a string option, whose
 * next argument is taken whatever it looks like and refused when it starts
 * with a dash (write `--name=-x`); `-abc` is `-a -b -c` until a string
 * option, which takes the rest; `-` alone is an argument; the last value of
 * an option that is not `multiple` wins. Written here because loading
 * Node's parser cost every command about a millisecond at start-up;
 * test/unit/cli/args.test.ts checks it against Node's parser.
 */
export function parseFlags<O extends OptionSpec>(argv: readonly string[], options: O, allowPositionals = false): ParsedFlags<O> {
  const spec = (name: string) => (Object.hasOwn(options, name) ? options[name] : undefined);
  const longFor = (short: string) => Object.keys(options).find((name) => options[name]!.short === short) ?? short;
  const takesValue = (name: string) => spec(name)?.type === 'string';
  const values: Record<string, string | boolean | (string | boolean)[]> = Object.create(null);
  const positionals: string[] = [];
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') {
      for (const p of rest) positional(p);
      break;
    }
    let token: Token;
    if (arg.startsWith('--')) {
      // As Node reads it: an = after the name's first character makes a value (`--=a=b` is the flag "--").
      const eq = arg.indexOf('=', 3) === -1 ? -1 : arg.indexOf('=');
      if (eq !== -1) token = { name: arg.slice(2, eq), raw: arg.slice(0, eq), value: arg.slice(eq + 1), inline: true };
      else {
        const name = arg.slice(2);
        token = { name, raw: arg, value: takesValue(name) ? rest.shift() : undefined, inline: false };
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      const name = longFor(arg[1]!);
      if (arg.length === 2) token = { name, raw: arg, value: takesValue(name) ? rest.shift() : undefined, inline: false };
      else if (takesValue(name)) token = { name, raw: `-${arg[1]}`, value: arg.slice(2), inline: true };
      else {
        // -abc: -a -b -c; a string option inside the group takes the rest (-abfFILE: -a -b -fFILE).
        const expanded: string[] = [];
        for (let i = 1; i < arg.length; i++) {
          if (!takesValue(longFor(arg[i]!)) || i === arg.length - 1) expanded.push(`-${arg[i]}`);
          else {
            expanded.push(`-${arg.slice(i)}`);
            break;
          }
        }
        rest.unshift(...expanded);
        continue;
      }
    } else {
      positional(arg);
      continue;
    }
    option(token);
  }
  return { values, positionals } as ParsedFlags<O>;

  function positional(arg: string): void {
    if (!allowPositionals) throw new UsageError(`unexpected argument "${safeText(arg)}"`);
    positionals.push(arg);
  }

  function option(t: Token): void {
    const s = spec(t.name);
    if (!s) {
      const guess = didYouMean(t.raw, Object.keys(options).map((k) => `--${k}`));
      throw new UsageError(`unknown option ${safeText(t.raw)}${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    const flag = `--${t.name}`;
    if (s.type === 'string') {
      // A value that starts with a dash is most likely the next flag: the value was forgotten.
      if (t.value === undefined || (!t.inline && t.value.length > 1 && t.value.startsWith('-'))) throw new UsageError(`${flag} needs a value (e.g. ${flag} VALUE)`);
    } else if (t.value !== undefined) throw new UsageError(`${flag} takes no value`);
    const value = t.value ?? true;
    if (s.multiple) ((values[t.name] ??= []) as (string | boolean)[]).push(value);
    else values[t.name] = value;
  }
}

/** Splits repeatable values that may also be comma-separated: `--region a,b --region c`. */
export function listFlag(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
