// The limits every command applies to the files it reads (lint, explain,
// simulate, diff, generate --from, the wizard's --from), and the environment
// variables that raise them. One place, so that every reader refuses the same
// input the same way, and each refusal can say how to raise its limit.
import { UsageError } from '../cli/errors.js';
import { DEFAULT_INTRINSIC_LIMITS, type IntrinsicLimits } from '../core/iac/intrinsics.js';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from '../core/iac/yaml-limits.js';
import { INPUT_READ_LIMITS, type ReadLimits } from '../output/read-text-file.js';

/** What the readers of one run may use. */
export interface InputLimits {
  readonly read: ReadLimits;
  readonly yaml: YamlLimits;
  readonly intrinsics: IntrinsicLimits;
}

/** For each command's --help. */
export const INPUT_LIMITS_HELP = `Input limits (a refusal names the one it hit):
  KMS_WIZARD_MAX_INPUT_BYTES=N        largest file read (default ${INPUT_READ_LIMITS.maxBytes.toLocaleString('en-US')} bytes)
  KMS_WIZARD_YAML_MAX_ALIASES=N       YAML aliases read in a template (default ${DEFAULT_YAML_LIMITS.maxAliasCount.toLocaleString('en-US')})
  KMS_WIZARD_YAML_MAX_ALIAS_NODES=N   values YAML aliases may copy (default ${DEFAULT_YAML_LIMITS.maxAliasNodes.toLocaleString('en-US')})
  KMS_WIZARD_YAML_MAX_ALIAS_CHARS=N   characters of text YAML aliases may copy (default ${DEFAULT_YAML_LIMITS.maxAliasChars.toLocaleString('en-US')})
  KMS_WIZARD_INTRINSIC_MAX_CHARS=N    characters Fn::Sub/Fn::Join/Fn::Split may make in a template (default ${DEFAULT_INTRINSIC_LIMITS.maxChars.toLocaleString('en-US')})
  KMS_WIZARD_INTRINSIC_MAX_STEPS=N    values intrinsic expansion may evaluate in a template (default ${DEFAULT_INTRINSIC_LIMITS.maxSteps.toLocaleString('en-US')})`;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`${name} must be a whole number above 0, not "${raw}"`);
  }
  return Number(raw);
}

/** The limits, raised where the environment says so; a value that is not a count is a usage error. */
export function inputLimits(env: NodeJS.ProcessEnv): InputLimits {
  return {
    read: { ...INPUT_READ_LIMITS, raise: 'KMS_WIZARD_MAX_INPUT_BYTES=BYTES', maxBytes: positive(env, 'KMS_WIZARD_MAX_INPUT_BYTES', INPUT_READ_LIMITS.maxBytes) },
    yaml: {
      maxAliasCount: positive(env, 'KMS_WIZARD_YAML_MAX_ALIASES', DEFAULT_YAML_LIMITS.maxAliasCount),
      maxAliasNodes: positive(env, 'KMS_WIZARD_YAML_MAX_ALIAS_NODES', DEFAULT_YAML_LIMITS.maxAliasNodes),
      maxAliasChars: positive(env, 'KMS_WIZARD_YAML_MAX_ALIAS_CHARS', DEFAULT_YAML_LIMITS.maxAliasChars),
    },
    intrinsics: {
      maxChars: positive(env, 'KMS_WIZARD_INTRINSIC_MAX_CHARS', DEFAULT_INTRINSIC_LIMITS.maxChars),
      maxSteps: positive(env, 'KMS_WIZARD_INTRINSIC_MAX_STEPS', DEFAULT_INTRINSIC_LIMITS.maxSteps),
    },
  };
}
