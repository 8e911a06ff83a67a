import type { CommandIo } from './io.js';

/** The same CI test Ink uses (is-in-ci), on the command's environment. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  if (env.CI === '0' || env.CI === 'false') return false;
  return 'CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_'));
}

/**
 * Why a full-screen prompt cannot run here, or undefined when it can: the
 * wizard and the lessons decide their mode with this one rule, before
 * anything renders (Ink crashes on a non-TTY stdin).
 */
export function whyNotInteractive(io: CommandIo, noInteractive = false): string | undefined {
  if (noInteractive) return '--no-interactive was given';
  if (isCi(io.env)) return `CI is set (CI=${io.env.CI ?? ''}), so nobody is there to answer`;
  if (!io.stdin.isTTY) return 'stdin is not a terminal (it is piped or redirected)';
  if (!io.stdout.isTTY) return 'stdout is not a terminal (it is piped or redirected)';
  return undefined;
}
