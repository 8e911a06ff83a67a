// Decides the command (and so the mode) before anything renders. Only the
// wizard and learn import ink/react, through dynamic imports, so --help,
// generate, lint, simulate and explain never load them.
import { VERSION } from '../version.js';
import { COMMAND_LOADERS } from './command-loaders.js';
import { COMMANDS, findCommand, WIZARD, type CommandSpec } from './commands-table.js';
import { CliError, escapeEchoedArgs, EXIT, UsageError } from './errors.js';
import { commandsAsInvoked, programName } from '../core/invoked-as.js';
import { safeLines, safeText } from '../core/terminal-safe.js';
import { print, processIo } from './io.js';

/** `kms-wizard --help`, with `program` (`npx kms-wizard` under npx) in its commands and columns. */
const topHelp = (program: string) => `kms-wizard ${VERSION}: AWS KMS key policies and IAM policies that agree.

Usage:
  ${`${program} [flags]`.padEnd(30)}interactive wizard (flags pre-answer its questions;
  ${' '.repeat(30)}${program} wizard --help lists them)
  ${program} <command> [flags]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also: ${program} <command> --help)
  -v, --version  print the version

Exit codes: 0 ok, 1 findings or failure, 2 usage error, 130 cancelled.
NO_COLOR turns colour off. Docs: README.md in the package.`;

export async function main(argv: string[]): Promise<number> {
  const io = processIo();
  // Help and errors name commands to run: under npx, as npx kms-wizard.
  const asInvoked = (text: string) => commandsAsInvoked(text, programName(io.env));
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    print(io.stdout, VERSION);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && (findCommand(rest[0]) || rest[0] === WIZARD.name)) return main([rest[0], '--help']);
    print(io.stdout, topHelp(programName(io.env)));
    return EXIT.ok;
  }
  const explicit = first !== undefined && !first.startsWith('-');
  const spec: CommandSpec | undefined = !explicit || first === WIZARD.name ? WIZARD : findCommand(first);
  const args = explicit ? rest : argv;
  if (!spec) {
    print(io.stderr, `kms-wizard: unknown command "${safeText(first ?? '')}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n${asInvoked('Run "kms-wizard --help" for usage.')}`);
    return EXIT.usage;
  }
  try {
    const mod = await COMMAND_LOADERS[spec.name]!();
    if (args.includes('--help') || args.includes('-h')) {
      print(io.stdout, asInvoked(mod.help));
      return EXIT.ok;
    }
    if (args.includes('--version')) {
      print(io.stdout, VERSION);
      return EXIT.ok;
    }
    return await mod.run(args, io);
  } catch (err) {
    return reportError(err, spec.name, io.stderr, io.env, args);
  }
}

export function reportError(err: unknown, command: string, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv, argv: readonly string[] = []): number {
  // The wizard is the bare command: its messages read "kms-wizard: ...".
  const prefix = command === WIZARD.name ? 'kms-wizard' : `kms-wizard ${command}`;
  // The message and the help hint name commands to run; the prefix only says who speaks.
  const asInvoked = (text: string) => commandsAsInvoked(text, programName(env));
  // Messages echo file names and flag values: the terminal-safe boundary for every error.
  if (err instanceof UsageError) {
    print(stderr, `${prefix}: ${asInvoked(`${safeLines(escapeEchoedArgs(err.message, argv))}\nRun "kms-wizard ${command} --help" for usage.`)}`);
    return EXIT.usage;
  }
  if (err instanceof CliError) {
    print(stderr, `${prefix}: ${asInvoked(safeLines(escapeEchoedArgs(err.message, argv)))}`);
    return err.exitCode;
  }
  const e = err as Error;
  print(
    stderr,
    `${prefix}: unexpected error: ${safeLines(e?.message ?? String(err))}\n` +
      'This is a bug in kms-wizard; please report it with the command you ran.' +
      (env.KMS_WIZARD_DEBUG ? `\n${e?.stack ?? ''}` : ' (KMS_WIZARD_DEBUG=1 shows details.)'),
  );
  return EXIT.failure;
}
