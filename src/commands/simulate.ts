// kms-wizard simulate: evaluate one KMS request against a key policy and IAM
// policies (or, with --matrix, a whole access matrix) and explain the answer.
import { parseFlags } from '../cli/args.js';
import { EXIT, UsageError } from '../cli/errors.js';
import { print, type Command, type CommandIo } from '../cli/io.js';
import { colorEnabled, makeStyle } from '../cli/style.js';
import { EXAMPLE_KEY_ARN, isAccountId, parseKeyArn, parsePrincipalArn, rootArn, type KeyArn } from '../core/arn.js';
import { kmsAction, KMS_ACTIONS } from '../core/catalog/actions.js';
import type { Partition } from '../core/catalog/regions.js';
import { findService } from '../core/catalog/services.js';
import { evaluate, type KmsRequest } from '../core/evaluate/index.js';
import { SERVICE_PRINCIPAL_PATTERN } from '../core/evaluate/request-context.js';
import { accessMatrix } from '../core/evaluate/matrix.js';
import { parseViaValue } from '../core/evaluate/via-values.js';
import { didYouMean } from '../core/suggest.js';
import { INPUT_LIMITS_HELP } from './input-limits.js';
import { chooseIamPolicies, chooseKeyPolicies, parsePolicyDocuments, readPolicyTexts, type ParsedPolicy } from './policy-files.js';
import { absentKeyNotes } from './simulate-absent-keys.js';
import { decisionJson, matrixJson, renderDecision, renderMatrix } from './simulate-output.js';

export const help = `kms-wizard simulate: evaluate a KMS request against a key policy and IAM policies, offline.

Usage:
  kms-wizard simulate --key-policy FILE --key-arn ARN --principal ARN --action kms:ACTION
                      [--iam-policy FILE]... [--via-service VALUE] [--context KEY=VALUE]...
                      [--encryption-context KEY=VALUE]... [--json]
  kms-wizard simulate --matrix --key-policy FILE --key-arn ARN [--iam-policy FILE]...
                      [--principal ARN]... [--action kms:ACTION] [--json]

Answers Allow, ImplicitDeny or ExplicitDeny the way AWS decides for KMS keys:
an explicit Deny in either policy wins; the key policy must allow; naming the
principal (or its role) is enough in the key's account, naming the account
root needs an IAM policy that allows it too; another account needs both sides.
Prints which statements applied and which condition failed, with the values.

Options:
  --key-policy FILE          the key policy: a policy file, aws kms get-key-policy's output,
                             or a Terraform plan or CloudFormation template (JSON or YAML,
                             SAM, CDK synth) with one key policy
  --policy NAME              the key policy of a template or plan that has several: its
                             Terraform address or logical id (e.g. aws_kms_key.main, DataKey)
  --key-arn ARN              the key's ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)
  --principal ARN            the caller: user, role, assumed-role session, account
                             root, a 12-digit account id, or an AWS service principal
                             (logs.us-east-1.amazonaws.com; give what the service sends
                             with --context aws:SourceArn=... and --encryption-context);
                             with --matrix, the consumers to try (repeatable; default:
                             from the key policy)
  --action kms:ACTION        the KMS action, e.g. kms:Decrypt (matrix default: kms:Decrypt)
  --iam-policy FILE          an IAM policy attached to the principal (repeatable); a
                             template or plan gives each of its IAM policies
  --via-service VALUE        the call came through this service endpoint, e.g.
                             secretsmanager.us-east-1.amazonaws.com (default: a direct call)
  --encryption-context K=V   an encryption context pair of the request (repeatable)
  --context KEY=VALUE        any other condition key (repeatable; a repeated KEY
                             makes a multivalued key), e.g. aws:SourceIp=203.0.113.7
  --matrix                   evaluate the access matrix: each consumer through each
                             allowed service and Region, directly, through another
                             service or Region, with no IAM policy, from another account;
                             each service principal for a resource of the key's account
                             and of another account (the confused deputy)
  --json                     print the decision (or the matrix) as JSON
  -h, --help                 show this help

Examples:
  kms-wizard simulate --key-policy key-policy.json --iam-policy iam-policy.json \\
    --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab \\
    --principal arn:aws:iam::111122223333:role/app --action kms:Decrypt \\
    --via-service secretsmanager.us-east-1.amazonaws.com
  kms-wizard simulate --key-policy key-policy.json --key-arn ARN \\
    --principal logs.us-east-1.amazonaws.com --action kms:GenerateDataKey \\
    --encryption-context aws:logs:arn=arn:aws:logs:us-east-1:111122223333:log-group:app
  kms-wizard simulate --matrix --key-policy key-policy.json --iam-policy iam-policy.json \\
    --key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab

${INPUT_LIMITS_HELP}

Exit codes: 0 Allow (and for --matrix), 1 ImplicitDeny or ExplicitDeny, 2 usage error or unreadable file.`;

const OPTIONS = {
  'key-policy': { type: 'string' },
  policy: { type: 'string' },
  'key-arn': { type: 'string' },
  principal: { type: 'string', multiple: true },
  action: { type: 'string' },
  'iam-policy': { type: 'string', multiple: true },
  'via-service': { type: 'string' },
  'encryption-context': { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  matrix: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function required(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`missing ${flag} (e.g. ${flag} ${example})`);
  return value.trim();
}

function keyArnFlag(value: string | undefined): KeyArn {
  const parsed = parseKeyArn(required(value, '--key-arn', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'));
  if (!parsed.ok) throw new UsageError(`--key-arn: ${parsed.error.message}. ${parsed.error.hint}`);
  return parsed.value;
}

/** A principal ARN, a 12-digit account id meaning its root, or an AWS service principal. */
function principalFlag(value: string, partition: Partition): string {
  const v = value.trim();
  if (isAccountId(v)) return rootArn(partition, v);
  if (SERVICE_PRINCIPAL_PATTERN.test(v)) return v;
  const parsed = parsePrincipalArn(v);
  if (!parsed.ok) throw new UsageError(`--principal: ${parsed.error.message}. ${parsed.error.hint}`);
  return parsed.value.arn;
}

function actionFlag(value: string): string {
  const v = value.trim();
  if (!v.includes(':')) {
    const guess = kmsAction(`kms:${v}`);
    throw new UsageError(`--action needs the service prefix: ${guess ? `kms:${guess.name}` : `kms:${v}`}`);
  }
  if (v.includes('*') || v.includes('?')) throw new UsageError(`--action names the one action a request makes, not a pattern ("${v}")`);
  if (v.toLowerCase().startsWith('kms:')) {
    const known = kmsAction(v);
    if (!known) {
      const guess = didYouMean(v, KMS_ACTIONS);
      throw new UsageError(`--action: "${v}" is not a KMS action${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    return `kms:${known.name}`;
  }
  return v;
}

function viaFlag(value: string, notes: string[]): string {
  const v = value.trim();
  if (/\.amazonaws\.com\.cn$/.test(v)) throw new UsageError(`--via-service: ViaService values end in .amazonaws.com in every partition, China included: ${v.replace(/\.cn$/, '')}`);
  const parsed = parseViaValue(v);
  if (!parsed) throw new UsageError(`--via-service: "${v}" is not a ViaService value; it looks like <service>.<region>.amazonaws.com, e.g. secretsmanager.us-east-1.amazonaws.com`);
  if (!findService(parsed.service)) notes.push(`"${parsed.service}" is not in kms-wizard's service catalog (it may be newer than this version); simulated as given`);
  return v;
}

function pairs(values: readonly string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((raw) => {
    const at = raw.indexOf('=');
    if (at <= 0) throw new UsageError(`${flag} takes KEY=VALUE, not "${raw}" (e.g. ${flag} ${flag === '--context' ? 'aws:SourceIp=203.0.113.7' : 'SecretARN=arn:aws:secretsmanager:...'})`);
    return [raw.slice(0, at).trim(), raw.slice(at + 1)];
  });
}

/**
 * Reads the key policy (the one of a template or plan, or the one --policy
 * names) and the IAM policies (each of a template or plan), then parses them
 * together, so every bad file is reported at once.
 */
async function loadPolicies(keyPolicyPath: string, iamPaths: readonly string[], selector: string | undefined, io: CommandIo): Promise<{ key: ParsedPolicy; iam: ParsedPolicy[] }> {
  // Every file is read first, so that every unreadable one is named at once.
  const [keyFile, ...iamFiles] = await readPolicyTexts([keyPolicyPath, ...iamPaths], io);
  const [keyText] = await chooseKeyPolicies([keyFile!], io, selector);
  const iamTexts = await chooseIamPolicies(iamFiles, io);
  const [key, ...iam] = await parsePolicyDocuments([{ ...keyText!, type: 'key' as const }, ...iamTexts.map((t) => ({ ...t, type: 'iam' as const }))]);
  return { key: key!, iam };
}

export const run: Command = async (argv, io) => {
  const { values } = parseFlags(argv, OPTIONS);
  const needed = values.matrix ? (['key-policy', 'key-arn'] as const) : (['key-policy', 'key-arn', 'principal', 'action'] as const);
  const missing = needed.filter((f) => values[f] === undefined).map((f) => `--${f}`);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')}. For example: kms-wizard simulate --key-policy key-policy.json --key-arn ${EXAMPLE_KEY_ARN}` +
        (values.matrix ? ' --matrix' : ' --principal arn:aws:iam::111122223333:role/app --action kms:Decrypt'),
    );
  }
  const style = makeStyle(colorEnabled(io.env, io.stdout));
  const key = keyArnFlag(values['key-arn']);
  const keyArn = key.arn;
  const keyPolicyPath = required(values['key-policy'], '--key-policy', 'key-policy.json');
  const iamPaths = values['iam-policy'] ?? [];
  const principals = (values.principal ?? []).map((p) => principalFlag(p, key.partition));
  const action = values.action !== undefined ? actionFlag(values.action) : undefined;

  if (values.matrix) {
    for (const flag of ['via-service', 'context', 'encryption-context'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} has no use with --matrix: the matrix tries each service and Region itself`);
    }
    const policies = await loadPolicies(keyPolicyPath, iamPaths, values.policy, io);
    const matrixAction = action ?? 'kms:Decrypt';
    const rows = accessMatrix({
      keyPolicy: policies.key.document,
      keyArn,
      iamPolicies: policies.iam.map((f) => f.document),
      iamPolicyNames: policies.iam.map((f) => f.name),
      ...(principals.length > 0 ? { consumers: principals } : {}),
      action: matrixAction,
    });
    io.stdout.write(values.json ? matrixJson(rows, matrixAction, keyArn) : renderMatrix(rows, matrixAction, keyArn, style));
    return EXIT.ok;
  }

  if (principals.length > 1) throw new UsageError('one --principal per request (several only with --matrix)');

  const notes: string[] = [];
  // Both were checked as required above.
  const request: KmsRequest = { principal: principals[0]!, action: action!, keyArn };
  const encryptionContext: Record<string, string> = {};
  const context: Record<string, string | string[]> = {};
  for (const [k, v] of pairs(values['encryption-context'], '--encryption-context')) encryptionContext[k] = v;
  for (const [k, v] of pairs(values.context, '--context')) {
    const lower = k.toLowerCase();
    if (lower === 'kms:viaservice') request.viaService = viaFlag(v, notes);
    else if (lower.startsWith('kms:encryptioncontext:')) encryptionContext[k.slice('kms:EncryptionContext:'.length)] = v;
    else context[k] = k in context ? [...[context[k]!].flat(), v] : v;
  }
  if (values['via-service'] !== undefined) {
    if (request.viaService !== undefined) throw new UsageError('give kms:ViaService once: either --via-service or --context kms:ViaService=...');
    request.viaService = viaFlag(values['via-service'], notes);
  }
  if (Object.keys(encryptionContext).length > 0) request.encryptionContext = encryptionContext;
  if (Object.keys(context).length > 0) request.context = context;

  const policies = await loadPolicies(keyPolicyPath, iamPaths, values.policy, io);
  const policySet = { keyPolicy: policies.key.document, iamPolicies: policies.iam.map((f) => f.document), iamPolicyNames: policies.iam.map((f) => f.name) };
  const decision = evaluate(request, policySet);
  notes.push(...absentKeyNotes(request, decision, (r) => evaluate(r, policySet)));
  if (values.json) io.stdout.write(decisionJson(decision, request, notes));
  else print(io.stdout, renderDecision(decision, request, { keyPolicy: policies.key.name }, style, notes).trimEnd());
  return decision.decision === 'Allow' ? EXIT.ok : EXIT.findings;
};
