// parseFlags is kms-wizard's own reading of Node's util.parseArgs rules
// (strict, no --no- negation): the same values, positionals and errors for
// any command line. The oracle here is Node's parser itself, with the error
// wording kms-wizard has always put on its errors.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseFlags, type OptionSpec } from '../../../src/cli/args.js';
import { UsageError } from '../../../src/cli/errors.js';
import { didYouMean } from '../../../src/core/suggest.js';

const OPTIONS = {
  'key-arn': { type: 'string' },
  service: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  kind: { type: 'string', short: 'k' },
  tag: { type: 'boolean', multiple: true },
} as const satisfies OptionSpec;

type Outcome = { values: Record<string, unknown>; positionals: string[] } | { error: string };

/** Node's parser, with the messages kms-wizard gave its errors before it had its own parser. */
function oracle(argv: string[], options: OptionSpec, allowPositionals: boolean): Outcome {
  try {
    const r = parseArgs({ args: argv, options, strict: true, allowPositionals, allowNegative: false });
    return { values: { ...r.values }, positionals: r.positionals };
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      const guess = didYouMean(flag.split('=')[0]!, Object.keys(options).map((k) => `--${k}`));
      return { error: `unknown option ${flag}${guess ? ` (did you mean ${guess}?)` : ''}` };
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[a-z-]+/.exec(e.message)?.[0] ?? 'an option';
      return { error: options[flag.slice(2)]?.type === 'boolean' ? `${flag} takes no value` : `${flag} needs a value (e.g. ${flag} VALUE)` };
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { error: `unexpected argument "${/'([^']+)'/.exec(e.message)?.[1] ?? ''}"` };
    throw err;
  }
}

function ours(argv: string[], options: OptionSpec, allowPositionals: boolean): Outcome {
  try {
    const r = parseFlags(argv, options, allowPositionals);
    return { values: { ...r.values }, positionals: r.positionals };
  } catch (err) {
    if (err instanceof UsageError) return { error: err.message };
    throw err;
  }
}

const PIECES = [
  '--key-arn', '--key-arn=arn:x', '--key-arn=', '--service', '--service=s3', '--json', '--json=1', '--jsn', '--no-json',
  '-y', '-h', '-yh', '-hy', '-k', '-kv', '-yk', '-ykv', '-yx', '-x', '-', '--', '---x', '--=a=b', '--=', '-y=1',
  'file.json', 'arn:aws:kms:us-east-1:111122223333:key/abc', 'value', '-1', '--tag', '--tag=x', '--help', '--constructor', '--__proto__',
];

describe('parseFlags reads a command line as util.parseArgs does', () => {
  test.each([
    [['--key-arn', 'arn', '--service', 's3', '--service', 'sqs', '--json', 'a.json'], true],
    [['--key-arn', '--json'], true],
    [['--key-arn'], true],
    [['--key-arn', '-'], true],
    [['--key-arn=-x', 'b'], true],
    [['--json=yes'], true],
    [['--jsn'], true],
    [['--no-json'], true],
    [['-yh', '-k', 'v'], true],
    [['-ykVALUE'], true],
    [['-yx'], true],
    [['--', '--json', '-y'], true],
    [['--', 'x'], false],
    [['stray'], false],
    [['--=a=b'], true],
    [['--constructor'], true],
  ])('%j (positionals allowed: %s)', (argv, allowPositionals) => {
    expect(ours(argv, OPTIONS, allowPositionals)).toEqual(oracle(argv, OPTIONS, allowPositionals));
  });

  test('any mix of flags, values and arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), fc.boolean(), (argv, allowPositionals) => {
        expect(ours(argv, OPTIONS, allowPositionals)).toEqual(oracle(argv, OPTIONS, allowPositionals));
      }),
      { numRuns: 3000 },
    );
  });

  test('values have no prototype, as Node makes them; an option given twice keeps the last value', () => {
    const r = parseFlags(['--key-arn', 'a', '--key-arn', 'b'], OPTIONS);
    expect(Object.getPrototypeOf(r.values)).toBeNull();
    expect(r.values['key-arn']).toBe('b');
  });

  test('what is echoed back is terminal-safe', () => {
    expect(ours(['a\u001b[2Jb'], OPTIONS, false)).toEqual({ error: 'unexpected argument "a\\u001b[2Jb"' });
    expect(ours(['--x\u0007'], OPTIONS, false)).toMatchObject({ error: expect.stringMatching(/^unknown option --x\\u0007/) });
  });
});
