// Text left for the reader to fill in: "ACCOUNT_ID", "<region>", "${AccountId}",
// "{{key-id}}", "`account-id`". Such a value is not a malformed ARN or an unknown Region to
// report as an error: it is one thing to do, "fill this in" (KW121), and the
// findings about the same value are dropped (it is checked once filled in).
import { sameKey } from './conditions.js';
import type { Loc } from './json-tree.js';
import type { PolicyModel } from './model.js';
import type { Finding } from './types.js';

/**
 * A policy variable is `${service:key}` (`${aws:username}`,
 * `${aws:PrincipalTag/team}`, `${saml:sub}`) or one of `${*}`, `${?}`, `${$}`
 * ("IAM policy elements: Variables and tags",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 * Anything else in `${...}` is a template's variable left unresolved
 * (`${AccountId}`, `${AWS::AccountId}` outside a template, Terraform's `${var.x}`).
 */
const POLICY_VARIABLE = /^([*?$]|[A-Za-z0-9-]+:[^:]+)$/;

const ANGLE = /<[^<>\s"][^<>"]*>/;
/** {{key-id}}; not CloudFormation's dynamic references ({{resolve:ssm:name}}), which deployment fills in. */
const MUSTACHE = /\{\{(?!resolve:)[^{}]+\}\}/;
/** Newer AWS pages mark placeholders in code with backticks: arn:aws:kms:`region`:`account-id`:key/`key_ID`. */
const BACKTICKS = /`[^`]+`/;
const TEMPLATE_VARIABLE = /\$\{([^}]*)\}/g;
/**
 * A word where an account id belongs: capitals (ACCOUNT_ID, AWS_ACCOUNT, YOUR_ACCOUNT),
 * a name that says account (AccountId, account-id, my-account), or xxxxxxxxxxxx.
 * Other words ("prod") are wrong values, left to the account checks (KW313, KW404).
 */
const CAPITALS = /^[A-Z][A-Z0-9_-]*$/;
const SAYS_ACCOUNT = /^([A-Za-z0-9_-]*(account|acct)[A-Za-z0-9_-]*|x{12}|X{12})$/i;
/** A word where a Region code belongs: REGION, AWS_REGION, region. Lower-case near misses (us-east) are typos, left to the Region checks. */
const REGION_WORD = /^([A-Z][A-Z0-9_]*|(aws[-_]?)?region)$/;
/** A word where a key id belongs: KEY_ID, key-id, your-key-id. */
const KEY_ID_WORD = /^[A-Z][A-Z0-9_]*$/;
const KEY_ID_NAME = /^(your[-_]?)?key[-_]?id$/i;

function isAccountWord(value: string): boolean {
  return value !== 'aws' && (CAPITALS.test(value) || SAYS_ACCOUNT.test(value));
}

/** The placeholder text in a value, or undefined when the value holds none. */
export function placeholderIn(value: string): string | undefined {
  const marked = ANGLE.exec(value) ?? MUSTACHE.exec(value) ?? BACKTICKS.exec(value);
  if (marked) return marked[0];
  for (const m of value.matchAll(TEMPLATE_VARIABLE)) if (!POLICY_VARIABLE.test(m[1]!)) return m[0];
  if (value.startsWith('arn:')) {
    const [, , service = '', region = '', account = '', ...rest] = value.split(':');
    if (region && REGION_WORD.test(region)) return region;
    if (account && isAccountWord(account)) return account;
    // Only KMS key ids: other services' key/ ids (payment-cryptography) are in capitals for real.
    const keyId = service === 'kms' ? /^key\/(.+)$/.exec(rest.join(':'))?.[1] : undefined;
    if (keyId && (KEY_ID_WORD.test(keyId) || KEY_ID_NAME.test(keyId))) return keyId;
  }
  return undefined;
}

/** A placeholder given as a whole account id (kms:CallerAccount "ACCOUNT_ID"). */
export function accountPlaceholder(value: string): string | undefined {
  return placeholderIn(value) ?? (isAccountWord(value) ? value : undefined);
}

/** A placeholder in the Region part of a kms:ViaService value (secretsmanager.REGION.amazonaws.com). */
export function viaServicePlaceholder(value: string): string | undefined {
  const marked = placeholderIn(value);
  if (marked) return marked;
  const region = /^[^.]+\.([^.]+)\.amazonaws\.com$/i.exec(value)?.[1];
  return region && REGION_WORD.test(region) ? region : undefined;
}

export const PLACEHOLDER_CODE = 'KW121';

/** Condition keys whose value is an account id. */
const ACCOUNT_KEYS = ['kms:CallerAccount', 'aws:SourceAccount', 'aws:PrincipalAccount', 'aws:ResourceAccount'];

export interface Placeholder {
  readonly value: string;
  readonly token: string;
  readonly loc: Loc;
  /** The statement's index. */
  readonly statement: number;
}

/** Every value of a policy that holds a placeholder: Principal entries, Resource, condition values. */
export function placeholdersOf(doc: PolicyModel): Placeholder[] {
  const out: Placeholder[] = [];
  for (const s of doc.statements) {
    const add = (value: string, loc: Loc, token: string | undefined) => {
      if (token) out.push({ value, token, loc, statement: s.index });
    };
    for (const p of s.principal?.entries ?? []) add(p.value, p.loc, placeholderIn(p.value));
    for (const r of s.resources) add(r.value, r.loc, placeholderIn(r.value));
    for (const c of s.conditions) {
      const via = sameKey(c.key, 'kms:ViaService');
      const account = ACCOUNT_KEYS.some((k) => sameKey(c.key, k));
      for (const v of c.values) {
        if (typeof v.value !== 'string') continue;
        add(v.value, v.loc, via ? viaServicePlaceholder(v.value) : account ? accountPlaceholder(v.value) : placeholderIn(v.value));
      }
    }
  }
  return out;
}

/**
 * Drops the errors and warnings that only echo a placeholder KW121 reports:
 * those about the same value ("ACCOUNT_ID is not a 12-digit account",
 * "covers every key") and those of the same statement that quote it
 * ("kms:CallerAccount allows only ACCOUNT_ID").
 */
export function withoutPlaceholderEchoes(all: Finding[], doc: PolicyModel, templateValues: readonly string[] = []): Finding[] {
  // A template parameter left as `${Name}` by its intrinsic is no placeholder: the template fills it in.
  const written = (pointer: string) => templateValues.some((o) => pointer === o || pointer.startsWith(`${o}/`));
  const findings = all.filter((f) => f.code !== PLACEHOLDER_CODE || !written(f.pointer));
  if (!findings.some((f) => f.code === PLACEHOLDER_CODE)) return findings;
  const found = placeholdersOf(doc).filter((p) => !written(p.loc.pointer));
  const pointers = new Set(found.map((p) => p.loc.pointer));
  const echoes = (f: Finding) =>
    pointers.has(f.pointer) || found.some((p) => f.pointer.startsWith(`/Statement/${p.statement}/`) && f.message.includes(p.token));
  return findings.filter((f) => f.code === PLACEHOLDER_CODE || f.severity === 'info' || !echoes(f));
}
