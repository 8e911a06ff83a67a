/**
 * What the wizard offers at each choice, shared by the full-screen wizard and
 * the accessible (linear) prompts so both ask the same questions with the
 * same options and words.
 */
import { actionSupportsConditionKey } from '../core/catalog/actions.js';
import { partitionInfo, partitionOfRegion } from '../core/catalog/regions.js';
import { SERVICES, findService } from '../core/catalog/services.js';
import { PRINCIPAL_SERVICES, REFUSED_SERVICES, findPrincipalService, servicePrincipal } from '../core/catalog/service-principals.js';
import type { AccessMode } from '../core/spec-types.js';
import { keyRegionOf } from './answers.js';
import type { Answers, StartChoice } from './answer-types.js';

/** One option of the first question: where the key policy starts. */
export interface StartOption {
  readonly choice: StartChoice;
  readonly label: string;
  /** The answer in a few words, for the list of answered steps. */
  readonly short: string;
  /** What the wizard then asks and what applying the policy does to the key. */
  readonly summary: string;
}

export const START_OPTIONS: readonly StartOption[] = [
  {
    choice: 'new',
    label: 'a new key: it does not exist yet',
    short: 'a new key',
    summary:
      'Asks for the account and Region instead of a key ARN. You create the key with this policy in one call (aws kms create-key --policy), so it never runs under KMS\'s default policy.',
  },
  {
    choice: 'existing',
    label: 'an existing key',
    short: 'an existing key',
    summary:
      'Asks for the key ARN. The key policy is written from your answers alone: put-key-policy replaces the key\'s WHOLE current policy, so statements for other services or accounts are removed.',
  },
  {
    choice: 'current',
    label: 'an existing key and its current policy (safest for a key in use)',
    short: 'an existing key and its current policy',
    summary:
      'Asks for the key ARN and a file with the key\'s current policy. Statements kms-wizard does not own (Deny, service principals, other accounts) are kept; the review shows what access is added and removed.',
  },
];

/** One option of the trust question. */
export interface AccessOption {
  readonly mode: AccessMode;
  readonly label: string;
  /** One sentence on what the key policy then says and what that means. */
  readonly summary: string;
}

export const ACCESS_OPTIONS: readonly AccessOption[] = [
  {
    mode: 'iam',
    label: 'iam: the key policy trusts the account; IAM policies decide who (recommended)',
    summary:
      'The key policy allows the consumer account, capped to the services below; you attach the generated IAM policy to the roles and users that should use the key.',
  },
  {
    mode: 'principals',
    label: 'principals: the key policy names the roles and users itself',
    summary:
      'Only the roles and users you list may use the key (through the services); in the key\'s own account they need no IAM policy, and no IAM policy can add anyone else.',
  },
  {
    mode: 'account',
    label: 'account: anyone in the account, through the services',
    summary:
      'Principal "*" limited by kms:CallerAccount: every role and user of the account can use the key through the services, so the IAM policy stops mattering there.',
  },
];

/** What the output step can do with the files. */
export type OutputChoice = 'write' | 'copy' | 'print';
export const OUTPUT_OPTIONS: readonly { readonly choice: OutputChoice; readonly label: string }[] = [
  { choice: 'write', label: 'Write the files into a directory' },
  { choice: 'copy', label: 'Copy them to the clipboard' },
  { choice: 'print', label: 'Print them in the terminal' },
];

/** A service the user can pick: from the catalog, or one that cannot be used with kms:ViaService (shown to explain why). */
export interface ServiceChoice {
  readonly id: string;
  readonly title: string;
  /** The kms:ViaService names it adds (EBS adds "ec2"; ElastiCache adds two). */
  readonly viaNames: readonly string[];
  readonly aliases: readonly string[];
  readonly usesGrants: boolean;
  /** The catalog's quirk, or for a non-ViaService service, why it cannot be picked. */
  readonly note?: string;
  /** Set for uses AWS documents as impossible with a KMS key (ALB access logs, ...): listed so the user learns why, never selectable. */
  readonly notVia?: boolean;
  /** How it uses the key: through a caller (kms:ViaService) or as itself (a service principal). */
  readonly acts: 'via' | 'itself';
  /** For a service acting as itself: its principal (in the key's Region, or the first form). */
  readonly principal?: string;
}

export const SERVICE_CHOICES: readonly ServiceChoice[] = [
  // A ViaService entry whose name a service acting as itself also uses (ses, macie, logs) is reached by
  // that name's service-principal choice (logs adds its caller statement) or by a full ViaService value.
  ...SERVICES.filter((s) => !findPrincipalService(s.id)).map((s): ServiceChoice => ({
    id: s.id,
    title: s.title,
    viaNames: s.viaServiceNames,
    aliases: s.aliases.filter((a) => !findPrincipalService(a)),
    usesGrants: s.usesGrants,
    acts: 'via',
    ...(s.note ? { note: s.note } : {}),
  })),
  ...PRINCIPAL_SERVICES.map((s): ServiceChoice => ({
    id: s.id,
    title: s.title,
    viaNames: s.callerViaService ? [s.callerViaService] : [],
    aliases: s.aliases,
    usesGrants: false,
    acts: 'itself',
    principal: servicePrincipal(s, 'us-east-1').replace('.us-east-1.', '.REGION.'),
    ...(s.note ? { note: s.note } : {}),
  })),
  ...REFUSED_SERVICES.map((s): ServiceChoice => ({ id: s.id, title: s.title, viaNames: [], aliases: s.aliases, usesGrants: false, note: s.explanation, notVia: true, acts: 'itself' })),
].sort((a, b) => a.id.localeCompare(b.id));

/** How well a service matches a search: 0 exact id/alias, 1 prefix, 2 anywhere, -1 no match. */
export function serviceMatch(s: ServiceChoice, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 2;
  const names = [s.id, ...s.aliases, ...s.viaNames];
  if (names.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.includes(q)) || s.title.toLowerCase().includes(q)) return 2;
  return -1;
}

/** The catalog id a typed service name stands for (aliases map to their service), else the value as typed. */
export function canonicalService(value: string): string {
  return findPrincipalService(value)?.id ?? findService(value)?.id ?? value.trim();
}

/** The Regions offered for a key: the key's Region first, then the rest of its partition. */
export function regionChoices(a: Answers): string[] {
  const home = keyRegionOf(a);
  if (!home) return [];
  const rest = partitionInfo(partitionOfRegion(home)).regions.filter((r) => r !== home);
  return [home, ...rest];
}

/**
 * What each action a service may call on the user's behalf is for, in the
 * order the actions step lists them. Wildcards are listed as the catalog's
 * defaults use them.
 */
export const ACTION_PURPOSES: readonly { readonly action: string; readonly purpose: string }[] = [
  { action: 'kms:Decrypt', purpose: 'read: turn encrypted data (or a data key) back into plaintext' },
  { action: 'kms:Encrypt', purpose: 'encrypt up to 4 KB directly with the key (most services use data keys instead)' },
  { action: 'kms:GenerateDataKey', purpose: 'write: get a fresh data key to encrypt new data (secrets, objects, messages)' },
  { action: 'kms:GenerateDataKey*', purpose: 'every GenerateDataKey variant: with or without plaintext, and key pairs' },
  { action: 'kms:GenerateDataKeyWithoutPlaintext', purpose: 'get an encrypted data key to store now and decrypt later (EBS volumes)' },
  { action: 'kms:GenerateDataKeyPair', purpose: 'get an asymmetric data key pair with its private key in plaintext' },
  { action: 'kms:GenerateDataKeyPairWithoutPlaintext', purpose: 'get an asymmetric data key pair with the private key encrypted only' },
  { action: 'kms:ReEncrypt*', purpose: 're-encrypt data under another key without exposing plaintext (ReEncryptFrom and ReEncryptTo)' },
  { action: 'kms:ReEncryptFrom', purpose: 're-encrypt: the side that decrypts data encrypted under this key' },
  { action: 'kms:ReEncryptTo', purpose: 're-encrypt: the side that encrypts data under this key' },
  { action: 'kms:DescribeKey', purpose: 'read the key\'s metadata (services check the key exists and is enabled)' },
  { action: 'kms:CreateGrant', purpose: 'let the service create a grant for a resource it manages (EBS, RDS); limited to AWS resources' },
  { action: 'kms:ListGrants', purpose: 'list the grants on the key' },
  { action: 'kms:RetireGrant', purpose: 'retire a grant when the resource that used it goes away' },
  { action: 'kms:Sign', purpose: 'sign a message with an asymmetric signing key' },
  { action: 'kms:Verify', purpose: 'verify a signature made with the key' },
  { action: 'kms:GetPublicKey', purpose: 'download the public half of an asymmetric key' },
  { action: 'kms:GenerateMac', purpose: 'compute an HMAC tag with an HMAC key' },
  { action: 'kms:VerifyMac', purpose: 'verify an HMAC tag' },
  { action: 'kms:DeriveSharedSecret', purpose: 'derive a shared secret with an ECDH key agreement key' },
].filter((a) => a.action.includes('*') || actionSupportsConditionKey(a.action, 'kms:ViaService'));

export const actionPurpose = (action: string): string | undefined => ACTION_PURPOSES.find((a) => a.action === action)?.purpose;

/** The actions step's list: the services' defaults first (in catalog order), then the rest. */
export function actionChoices(defaults: readonly string[], selected: readonly string[]): string[] {
  const known = ACTION_PURPOSES.map((a) => a.action);
  const extra = [...defaults, ...selected].filter((a) => !known.includes(a));
  const first = known.filter((a) => defaults.includes(a) || selected.includes(a));
  return [...new Set([...first, ...extra, ...known])];
}
