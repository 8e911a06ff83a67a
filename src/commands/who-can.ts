// kms-wizard who-can: who can use a KMS key today, through what, and who could
// take it over, offline from the account's own read-only AWS CLI exports.
import { parseFlags } from '../cli/args.js';
import { EXIT, UsageError } from '../cli/errors.js';
import type { Command } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { EXAMPLE_KEY_ARN, parseKeyArn } from '../core/arn.js';
import { kmsAction, KMS_ACTIONS } from '../core/catalog/actions.js';
import { didYouMean } from '../core/suggest.js';
import { safeText } from '../core/terminal-safe.js';
import { whoCanFromTexts } from '../core/who-can/index.js';
import { renderWhoCan, whoCanJson } from '../output/who-can-text.js';
import { readPolicyTexts } from './policy-files.js';
import { EXPORT_LIMITS, exportFailure, exportTextsOf, managementAccountFlag } from './who-can-exports.js';
import { EXPORT_OPTIONS, exportFiles } from './who-can-flags.js';

export const help = `kms-wizard who-can: who can use a KMS key, through what, and who could take it over, offline.

Usage:
  kms-wizard who-can --key ARN --key-policy FILE|- --account-details FILE...
                     [--grants FILE] [--scp FILE]... [--rcp FILE]... [--describe-key FILE]
                     [--action kms:ACTION]... [--management-account ID] [--json]

For every IAM user and role in the accounts given, every account root, AWS
service and "*" the key policy names, and every grantee: which KMS actions it
can call on this key, and how: directly, only through the AWS services listed
(kms:ViaService), or through a grant. Condition keys nobody can know offline
(encryption context, source IP, MFA, ...) are listed; principal tags come from
the exports. Takeover paths come first: who can rewrite the key policy, create
grants for anyone, replicate a multi-Region key, or write the IAM policies the
key policy lets decide. A principal of an account whose exports were not given
is marked external.

Options:
  --key ARN                 the key (arn:aws:kms:REGION:ACCOUNT:key/ID)
  --key-policy FILE|-       aws kms get-key-policy --key-id K --policy-name default
                            (the {"Policy": "..."} wrapper or the bare document)
  --account-details FILE    aws iam get-account-authorization-details, one file per
                            account (repeatable; documents as JSON or URL-encoded)
  --grants FILE             aws kms list-grants --key-id K
  --scp FILE                the SCPs of one level (root, an OU, the account):
                            aws organizations describe-policy output or a bare
                            document, one or a list (repeatable: one per level)
  --rcp FILE                the RCPs of one level, same shapes (repeatable)
  --describe-key FILE       aws kms describe-key --key-id K (key spec, usage,
                            manager, multi-Region)
  --action kms:ACTION       only this action (repeatable; default: every action the
                            key's spec allows)
  --management-account ID   the organization's management account: SCPs and RCPs
                            do not apply to it
  --json                    print {key, access, takeover, notes} as JSON
  -h, --help                show this help

Example:
  kms-wizard who-can --key ${EXAMPLE_KEY_ARN} \\
    --key-policy key-policy.json --account-details account.json --grants grants.json \\
    --describe-key describe-key.json --scp scp-root.json --scp scp-ou.json

Exit codes: 0 answered, 1 malformed input (the file and field are named), 2 usage error or unreadable file.`;

const OPTIONS = {
  key: { type: 'string' },
  'key-policy': { type: 'string' },
  ...EXPORT_OPTIONS,
  action: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

function actionFlag(value: string): string {
  const v = value.trim();
  const known = kmsAction(v.includes(':') ? v : `kms:${v}`);
  if (!known || !v.toLowerCase().startsWith('kms:')) {
    const guess = known ? `kms:${known.name}` : didYouMean(v, KMS_ACTIONS);
    throw new UsageError(`--action: "${safeText(v)}" is not a KMS action${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  return `kms:${known.name}`;
}

export const run: Command = async (argv, io) => {
  const { values } = parseFlags(argv, OPTIONS);
  const missing = (['key', 'key-policy', 'account-details'] as const).filter((f) => values[f] === undefined).map((f) => `--${f}`);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}. For example: kms-wizard who-can --key ${EXAMPLE_KEY_ARN} --key-policy key-policy.json --account-details account.json`);
  const key = parseKeyArn(values.key!.trim());
  if (!key.ok) throw new UsageError(`--key: ${key.error.message}. ${key.error.hint}`);
  managementAccountFlag(values);
  const actions = values.action?.map(actionFlag);

  const files = [values['key-policy']!, ...exportFiles(values)];
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('only one file can be read from standard input ("-")');
  const [keyPolicy, ...exports] = await readPolicyTexts(files, io, EXPORT_LIMITS);

  let result;
  try {
    result = whoCanFromTexts({ keyArn: key.value.arn, keyPolicy: keyPolicy!, ...exportTextsOf(values, exports), ...(actions ? { actions } : {}) });
  } catch (err) {
    exportFailure(err);
  }
  io.stdout.write(values.json ? whoCanJson(result) : renderWhoCan(result, makeStyle(colorEnabled(io.env, io.stdout))));
  return EXIT.ok;
};
