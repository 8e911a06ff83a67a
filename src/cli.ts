// Entry point: decides the command (and so the mode) before anything renders.
// Only the wizard and learn import ink/react, through dynamic imports, so
// --help, --version, generate, lint, simulate and explain never load them.
import { CliError, EXIT, UsageError } from './cli/errors.js';
import { print, processIo, type Command } from './cli/io.js';
import { VERSION } from './version.js';

// Ink ignores NO_COLOR; its colour library honours FORCE_COLOR=0.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';

type CommandModule = { run: Command; help: string };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  generate: { summary: 'write the key policy and IAM policy from flags (no prompts)', load: () => import('./commands/generate.js') },
  lint: { summary: 'check key policies and IAM policies, offline', load: () => import('./commands/lint.js') },
  simulate: { summary: 'evaluate a request against the policies and explain the decision', load: () => import('./commands/simulate.js') },
  explain: { summary: 'describe a policy in plain language, statement by statement', load: () => import('./commands/explain.js') },
  learn: { summary: 'guided lessons with exercises checked by the engine', load: () => import('./commands/learn.js') },
  completion: { summary: 'print a shell completion script (bash, zsh, fish)', load: () => import('./commands/completion.js') },
};

const TOP_HELP = `kms-wizard ${VERSION}: AWS KMS key policies and IAM policies that agree.

Usage:
  kms-wizard [flags]            interactive wizard (flags pre-answer its questions)
  kms-wizard <command> [flags]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join('\n')}

Options:
  -h, --help     show help (also: kms-wizard <command> --help)
  -v, --version  print the version

Exit codes: 0 ok, 1 findings or failure, 2 usage error, 130 cancelled.
Docs: README.md in the package, or kms-wizard <command> --help.`;

export async function main(argv: string[]): Promise<number> {
  const io = processIo();
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    print(io.stdout, VERSION);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && COMMANDS[rest[0]]) return main([rest[0], '--help']);
    print(io.stdout, TOP_HELP);
    return EXIT.ok;
  }
  const name = first !== undefined && !first.startsWith('-') ? first : 'wizard';
  const entry = name === 'wizard' ? { load: () => import('./commands/wizard.js') } : COMMANDS[name];
  const args = name === 'wizard' && first !== 'wizard' ? argv : rest;
  if (!entry) {
    print(io.stderr, `kms-wizard: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\nRun "kms-wizard --help" for usage.`);
    return EXIT.usage;
  }
  try {
    const mod = await entry.load();
    if (args.includes('--help') || args.includes('-h')) {
      print(io.stdout, mod.help);
      return EXIT.ok;
    }
    if (args.includes('--version')) {
      print(io.stdout, VERSION);
      return EXIT.ok;
    }
    return await mod.run(args, io);
  } catch (err) {
    return reportError(err, name, io.stderr, io.env);
  }
}

function reportError(err: unknown, command: string, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  if (err instanceof UsageError) {
    print(stderr, `kms-wizard ${command}: ${err.message}\nRun "kms-wizard ${command === 'wizard' ? '' : `${command} `}--help" for usage.`);
    return EXIT.usage;
  }
  if (err instanceof CliError) {
    print(stderr, `kms-wizard ${command}: ${err.message}`);
    return err.exitCode;
  }
  const e = err as Error;
  print(
    stderr,
    `kms-wizard ${command}: unexpected error: ${e?.message ?? String(err)}\n` +
      'This is a bug in kms-wizard; please report it with the command you ran.' +
      (env.KMS_WIZARD_DEBUG ? `\n${e?.stack ?? ''}` : ' (KMS_WIZARD_DEBUG=1 shows details.)'),
  );
  return EXIT.failure;
}

// Run when executed (the bundle's entry, or `node src/cli.ts` via a loader); not when imported by tests.
const invokedPath = process.argv[1] ?? '';
if (/(?:^|[\\/])(cli\.(?:js|ts)|kms-wizard)$/.test(invokedPath)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.exitCode = reportError(err, 'kms-wizard', process.stderr, process.env);
    },
  );
}
