// The program name in the commands the tool prints for the user to run, as
// the user started it: `npx kms-wizard` is not `kms-wizard`, which npx leaves
// off PATH.

/**
 * How to call kms-wizard in printed commands. npm sets npm_command=exec for
 * `npx` (and `npm exec`), where kms-wizard is not on PATH afterwards
 * (npm-exec docs: the package is run from the npx cache).
 */
export function programName(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' ? 'npx kms-wizard' : 'kms-wizard';
}

/**
 * `kms-wizard` as a command word, followed by its arguments (`kms-wizard generate`,
 * `kms-wizard [flags]`, `kms-wizard <command>`): not kms-wizard-<id> policy names,
 * "kms-wizard:" and "kms-wizard lint:" labels, or the "kms-wizard 1.2.3" version line.
 */
const COMMAND_WORD = /(^|[\s(`'"])kms-wizard(?= [a-z<[-])(?! [a-z-]+:(?:\s|$))/gm;

/** Each kms-wizard command in `text` written with `program` (unchanged for plain kms-wizard). */
export function commandsAsInvoked(text: string, program: string): string {
  return program === 'kms-wizard' ? text : text.replace(COMMAND_WORD, `$1${program}`);
}
