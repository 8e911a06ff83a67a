// Every command and flag of the CLI in one table: the dispatcher's command
// list and the shell completion scripts read it. Plain data that imports
// nothing: the modules that run the commands are found by name in
// command-loaders.ts, so the completion command can read this table without
// an import cycle (table -> completion -> table).

/**
 * Where a flag's (or a command argument's) values come from: a fixed list,
 * or a named source the completion scripts fill in (`service` = catalog
 * names, `region` = Region codes, `output-format` = generate's formats,
 * `access` = trust modes, `kms-action` = the KMS actions (`kms-action-list`: a
 * comma-separated list of them), `condition-key` = the
 * condition keys a request may carry, as `KEY=`, `lesson` = the lesson ids),
 * files, directories, or free text (no completion).
 */
export type ValueSource =
  | 'text'
  | 'file'
  | 'dir'
  | 'service'
  | 'region'
  | 'output-format'
  | 'access'
  | 'kms-action'
  | 'kms-action-list'
  | 'condition-key'
  | 'lesson'
  | readonly string[];

/** One flag of a command. */
export interface FlagSpec {
  /** The long name, without `--`. */
  readonly name: string;
  /** A one-letter alias, without `-`. */
  readonly short?: string;
  /** What the flag takes; absent for a boolean flag. */
  readonly value?: ValueSource;
  /** Whether the flag may be given more than once. */
  readonly repeatable?: boolean;
  readonly description: string;
}

/** One subcommand. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /** What positional arguments are; absent when the command takes none. */
  readonly args?: ValueSource;
}

/** Flags every subcommand accepts (the dispatcher handles them). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'help', short: 'h', description: 'show help' },
  { name: 'version', description: 'print the version' },
];

/** Flags of the bare `kms-wizard`: the global ones, `-v` as well. */
export const TOP_LEVEL_FLAGS: readonly FlagSpec[] = [
  { name: 'help', short: 'h', description: 'show help' },
  { name: 'version', short: 'v', description: 'print the version' },
];

/** The flags that answer the wizard's questions (src/commands/spec-flags.ts), shared by the wizard and generate. */
const SPEC_FLAGS: readonly FlagSpec[] = [
  { name: 'key-arn', value: 'text', description: 'the key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)' },
  { name: 'new-key', description: 'the key does not exist yet (with --account and --region)' },
  { name: 'account', value: 'text', description: 'with --new-key: the 12-digit account the key will be created in' },
  { name: 'multi-region', description: 'with --new-key: a multi-Region key' },
  { name: 'no-rotation', description: 'with --new-key: no automatic key rotation (symmetric keys rotate by default)' },
  { name: 'rotation-period', value: 'text', description: 'with --new-key: days between automatic rotations (90-2560)' },
  { name: 'admin', value: 'text', repeatable: true, description: 'key administrator role or user ARN' },
  { name: 'consumer', value: 'text', repeatable: true, description: 'role or user ARN, or 12-digit account id, that uses the key' },
  { name: 'access', value: 'access', description: 'how the key policy trusts consumers' },
  { name: 'service', value: 'service', repeatable: true, description: 'AWS service that may use the key (through a caller or as itself)' },
  { name: 'region', value: 'region', repeatable: true, description: 'Region the services use the key from' },
  { name: 'actions', value: 'kms-action-list', description: "override the services' default actions (A,B)" },
  { name: 'source-arn', value: 'text', repeatable: true, description: 'resource ARN that narrows a service acting as itself (trail, log group, ...)' },
];

/** `--policy NAME`: which policy of a Terraform plan or CloudFormation template, in every command that reads one. */
const POLICY_FLAG: FlagSpec = { name: 'policy', value: 'text', description: 'the policy of a plan or template (Terraform address or logical id)' };

/** `--keep` / `--drop` (and `--policy` for a --from plan or template): the wizard and generate decide a current policy's statements alike. */
const FATE_FLAGS: readonly FlagSpec[] = [
  { name: 'keep', value: 'text', repeatable: true, description: 'with --from: keep this statement (Sid or #N)' },
  { name: 'drop', value: 'text', repeatable: true, description: 'with --from: leave this statement out (Sid or #N)' },
  POLICY_FLAG,
];

/** The accounts' exports (src/commands/who-can-flags.ts): who-can reads them; diff, generate --from and the wizard state an access change per principal with them. */
const EXPORT_FLAGS: readonly FlagSpec[] = [
  { name: 'account-details', value: 'file', repeatable: true, description: 'aws iam get-account-authorization-details, one per account' },
  { name: 'grants', value: 'file', description: 'aws kms list-grants output' },
  { name: 'scp', value: 'file', repeatable: true, description: 'the SCPs of one level of the organization' },
  { name: 'rcp', value: 'file', repeatable: true, description: 'the RCPs of one level of the organization' },
  { name: 'describe-key', value: 'file', description: 'aws kms describe-key output' },
  { name: 'management-account', value: 'text', description: 'the management account (no SCPs or RCPs apply to it)' },
];

/** The bare `kms-wizard [flags]`: the interactive wizard (also `kms-wizard wizard`). */
export const WIZARD: CommandSpec = {
  name: 'wizard',
  summary: 'the interactive wizard (the default command)',
  flags: [
    ...SPEC_FLAGS,
    { name: 'from', value: 'file', description: "the key's current key policy (answers the first question)" },
    ...FATE_FLAGS,
    { name: 'out', value: 'dir', description: 'write the files into DIR without asking' },
    { name: 'stdout', description: 'print the files instead of writing them' },
    { name: 'format', value: 'output-format', description: 'output format' },
    { name: 'force', description: 'overwrite existing files without asking' },
    { name: 'accessible', description: 'plain prompts, no screen redraws' },
    { name: 'no-interactive', description: 'never prompt: name the missing flags' },
    ...EXPORT_FLAGS,
  ],
};

/** The subcommands, in the order `kms-wizard --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'generate',
    summary: 'write the key policy and IAM policy from flags (no prompts)',
    flags: [
      ...SPEC_FLAGS,
      { name: 'from', value: 'file', description: "the key's current key policy (- = standard input)" },
      ...FATE_FLAGS,
      ...EXPORT_FLAGS,
      { name: 'out', value: 'dir', description: 'directory to write into' },
      { name: 'format', value: 'output-format', description: 'output format' },
      { name: 'stdout', description: 'print the files instead of writing them' },
      { name: 'json', description: 'print one JSON object' },
      { name: 'force', description: 'overwrite files that already exist' },
      { name: 'dry-run', description: 'show what would be written' },
    ],
  },
  {
    name: 'lint',
    summary: 'check key policies and IAM policies, offline',
    flags: [
      { name: 'type', value: ['key', 'iam'], description: 'treat every file as a key policy or an IAM policy' },
      { name: 'input', value: ['json', 'terraform-plan', 'cloudformation'], description: 'what the files are (detected when not given)' },
      { name: 'key-arn', value: 'text', description: 'the key ARN the IAM policies must name' },
      { name: 'format', value: ['text', 'json', 'sarif'], description: 'output format' },
      { name: 'json', description: 'same as --format json' },
      { name: 'strict', description: 'exit 1 on warnings too' },
    ],
    args: 'file',
  },
  {
    name: 'simulate',
    summary: 'evaluate a request against the policies and explain the decision',
    flags: [
      { name: 'key-policy', value: 'file', description: 'the key policy (a policy, a plan or a template)' },
      POLICY_FLAG,
      { name: 'key-arn', value: 'text', description: "the key's ARN" },
      { name: 'principal', value: 'text', repeatable: true, description: 'the caller (user, role, session, root or account id)' },
      { name: 'action', value: 'kms-action', description: 'the KMS action, e.g. kms:Decrypt' },
      { name: 'iam-policy', value: 'file', repeatable: true, description: 'an IAM policy attached to the principal' },
      { name: 'via-service', value: 'text', description: 'the service endpoint the call came through' },
      { name: 'encryption-context', value: 'text', repeatable: true, description: 'an encryption context pair K=V' },
      { name: 'context', value: 'condition-key', repeatable: true, description: 'any other condition key KEY=VALUE' },
      { name: 'matrix', description: 'evaluate the access matrix' },
      { name: 'json', description: 'print the decision as JSON' },
    ],
  },
  {
    name: 'who-can',
    summary: 'who can use a key, how, and who could take it over, from AWS CLI exports',
    flags: [
      { name: 'key', value: 'text', description: "the key's ARN" },
      { name: 'key-policy', value: 'file', description: 'aws kms get-key-policy output (or the bare policy)' },
      ...EXPORT_FLAGS,
      { name: 'action', value: 'kms-action', repeatable: true, description: 'only this KMS action' },
      { name: 'json', description: 'print the answer as JSON' },
    ],
  },
  {
    name: 'explain',
    summary: 'describe a policy in plain language, statement by statement',
    flags: [
      { name: 'key-arn', value: 'text', description: 'the key the policies belong to' },
      { name: 'type', value: ['key', 'iam'], description: 'treat every file as a key policy or an IAM policy' },
      POLICY_FLAG,
      { name: 'json', description: 'print the explanations and findings as JSON' },
    ],
    args: 'file',
  },
  {
    name: 'diff',
    summary: 'the access a key policy change adds and removes (exit 1 when it adds)',
    flags: [
      { name: 'key-arn', value: 'text', description: 'the key both policies belong to' },
      POLICY_FLAG,
      { name: 'iam-policy', value: 'file', repeatable: true, description: 'an IAM policy attached to every IAM principal' },
      { name: 'json', description: 'print the added and removed access as JSON' },
      ...EXPORT_FLAGS,
    ],
    args: 'file',
  },
  {
    name: 'learn',
    summary: 'guided lessons with exercises checked by the engine',
    flags: [
      { name: 'list', description: 'print the lessons and progress' },
      { name: 'json', description: 'with --list: print JSON' },
      { name: 'reset', description: 'forget all progress (asks first)' },
      { name: 'yes', short: 'y', description: 'with --reset: do not ask' },
      { name: 'accessible', description: 'plain prompts, no screen redraws' },
    ],
    args: 'lesson',
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh, fish)',
    flags: [],
    args: ['bash', 'zsh', 'fish'],
  },
];

/** A subcommand by name (not the wizard). */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
