import { isAccountId, parseKeyArn, parsePrincipalArn, rootArn, type PrincipalKind } from '../arn.js';
import { actionSupportsConditionKey } from '../catalog/actions.js';

/** One KMS API call to evaluate. */
export interface KmsRequest {
  /** IAM ARN of the caller: account root, user, role, or STS assumed-role session. */
  principal: string;
  /** The KMS action, e.g. `kms:Decrypt`. */
  action: string;
  keyArn: string;
  /** The AWS service endpoint the call came through, e.g. `secretsmanager.us-east-1.amazonaws.com`; absent = a direct call. */
  viaService?: string;
  encryptionContext?: Record<string, string>;
  /** Any other condition keys, e.g. `kms:GrantIsForAWSResource` or `aws:SourceIp`. */
  context?: Record<string, string | string[] | boolean>;
}

/** Who is calling, as far as the ARN tells. */
export interface Caller {
  readonly arn: string;
  readonly valid: boolean;
  readonly kind?: PrincipalKind;
  readonly account?: string;
  readonly partition?: string;
  /** User or role name; for a session, its role's name. */
  readonly name?: string;
  /** For a session: its role's ARN (without the role's path, which a session ARN does not show). */
  readonly roleArn?: string;
  /** An AWS service calling as itself (`logs.us-east-1.amazonaws.com`): `arn` holds the service principal. */
  readonly service?: true;
}

/** A service principal: `name.amazonaws.com` or `name.REGION.amazonaws.com` (`.amazonaws.com.cn` in some China services). */
export const SERVICE_PRINCIPAL_PATTERN = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

/** A request context value: its values, and whether the key is multivalued (a set). */
export interface ContextEntry {
  /** The key's spelling, for messages. */
  readonly name: string;
  readonly values: readonly string[];
  readonly multi: boolean;
}

export interface RequestContext {
  readonly caller: Caller;
  readonly action: string;
  readonly keyArn: string;
  /** The key's account, when the key ARN parses. */
  readonly keyAccount?: string;
  /** Condition keys by lower-case name (key names are case-insensitive). */
  readonly values: ReadonlyMap<string, ContextEntry>;
  /** Assumptions made while building the context, for the trace. */
  readonly notes: readonly string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

// The access comparison and the matrix ask many requests of the same few callers and one key:
// each ARN is read once (bounded, for the library API in a long-lived process). Callers are read-only.
const CACHE_LIMIT = 5000;
const callers = new Map<string, Caller>();
const keyAccounts = new Map<string, string | undefined>();
function remember<V>(cache: Map<string, V>, k: string, make: () => V): V {
  if (cache.has(k)) return cache.get(k) as V;
  const v = make();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(k, v);
  return v;
}

const keyAccountOf = (keyArn: string) =>
  remember(keyAccounts, keyArn, () => {
    const key = parseKeyArn(keyArn);
    return key.ok ? key.value.account : undefined;
  });

export function describeCaller(input: unknown): Caller {
  return remember(callers, str(input), () => Object.freeze(readCaller(str(input))));
}

function readCaller(input: string): Caller {
  const arn = input.trim();
  if (SERVICE_PRINCIPAL_PATTERN.test(arn)) return { arn, valid: true, service: true };
  if (isAccountId(arn)) {
    return { arn: rootArn('aws', arn), valid: true, kind: 'root', account: arn, partition: 'aws', name: arn };
  }
  const parsed = parsePrincipalArn(arn);
  if (!parsed.ok) return { arn, valid: false };
  const p = parsed.value;
  return {
    arn: p.arn,
    valid: true,
    kind: p.kind,
    account: p.account,
    partition: p.partition,
    name: p.name,
    ...(p.kind === 'assumed-role' ? { roleArn: `arn:${p.partition}:iam::${p.account}:role/${p.name}` } : {}),
  };
}

const PRINCIPAL_TYPE: Record<PrincipalKind, string> = { root: 'Account', user: 'User', role: 'AssumedRole', 'assumed-role': 'AssumedRole' };

/**
 * Builds what AWS would put in the request context for this call
 * [reference_policies_condition-keys; conditions-kms]: the caller's account
 * and ARN (a session's role ARN as aws:PrincipalArn), kms:ViaService only for
 * calls made through a service, the encryption context only for actions that
 * carry one, and whatever the caller adds.
 */
export function buildRequestContext(request: KmsRequest): RequestContext {
  const req = (typeof request === 'object' && request !== null ? request : {}) as Partial<KmsRequest>;
  const caller = describeCaller(req.principal);
  const action = str(req.action).trim();
  const keyArn = str(req.keyArn).trim();
  const keyAccount = keyAccountOf(keyArn);
  const notes: string[] = [];
  const values = new Map<string, ContextEntry>();
  const set = (name: string, v: string | readonly string[], multi = false) =>
    values.set(name.toLowerCase(), { name, values: typeof v === 'string' ? [v] : [...v], multi });

  if (caller.service) {
    // A service calling as itself sends aws:SourceArn / aws:SourceAccount (and its encryption context) only
    // as its documentation says; the request carries what --context and --encryption-context give.
    set('aws:PrincipalServiceName', caller.arn);
    notes.push(`${caller.arn} calls as an AWS service, not an IAM principal: no IAM policy applies, and the request holds only the context given (aws:SourceArn, aws:SourceAccount, encryption context)`);
  }
  if (!caller.valid) notes.push(`the principal ${JSON.stringify(caller.arn)} is not an IAM principal ARN, so no key policy statement can name it`);
  if (caller.account) {
    set('kms:CallerAccount', caller.account);
    set('aws:PrincipalAccount', caller.account);
    set('aws:PrincipalArn', caller.roleArn ?? caller.arn);
    set('aws:PrincipalType', PRINCIPAL_TYPE[caller.kind!]);
    if (caller.roleArn) notes.push(`aws:PrincipalArn of a session is its role's ARN (${caller.roleArn}; a role path, if any, is not in the session ARN)`);
    if (caller.kind === 'role') notes.push('a role never calls AWS itself: the request is evaluated as a session of that role');
  }
  const via = str(req.viaService).trim();
  if (via !== '') set('kms:ViaService', via);
  set('aws:ViaAWSService', via !== '' ? 'true' : 'false');
  if (actionSupportsConditionKey(action, 'kms:GrantIsForAWSResource')) {
    // True only when an integrated AWS service sends the grant request for the caller [grant-authorization].
    set('kms:GrantIsForAWSResource', via !== '' ? 'true' : 'false');
  }

  const ec = req.encryptionContext;
  const ecEntries = typeof ec === 'object' && ec !== null ? Object.entries(ec).filter(([, v]) => typeof v === 'string') : [];
  if (ecEntries.length > 0) {
    if (actionSupportsConditionKey(action, 'kms:EncryptionContext:x')) {
      for (const [k, v] of ecEntries) set(`kms:EncryptionContext:${k}`, v as string);
      set('kms:EncryptionContextKeys', ecEntries.map(([k]) => k), true);
    } else {
      notes.push(`${action || 'this action'} carries no encryption context, so the one given was ignored`);
    }
  }

  const extra = req.context;
  if (typeof extra === 'object' && extra !== null) {
    for (const [k, v] of Object.entries(extra)) {
      if (typeof v === 'string') set(k, v);
      else if (typeof v === 'boolean' || typeof v === 'number') set(k, String(v));
      else if (Array.isArray(v)) set(k, v.filter((x) => typeof x === 'string' || typeof x === 'boolean').map(String), true);
      else notes.push(`context key ${k} has a value that is not a string, list or boolean; ignored`);
    }
  }
  return { caller, action, keyArn, ...(keyAccount !== undefined ? { keyAccount } : {}), values, notes };
}

/** Values and notes of requests that differ only in an action that changes neither (see {@link sharedRequestContext}). */
const sharedParts = new Map<string, Pick<RequestContext, 'values' | 'notes'>>();

/**
 * {@link buildRequestContext} for the decision mode, which reads contexts and
 * never hands them out: requests with no encryption context and no extra
 * keys that differ only in the action share one values map and notes list
 * when the action adds the same keys (kms:GrantIsForAWSResource or not). The
 * access comparison asks thousands of such requests of each caller.
 */
export function sharedRequestContext(request: KmsRequest): RequestContext {
  if (request.encryptionContext !== undefined || request.context !== undefined) return buildRequestContext(request);
  const grant = actionSupportsConditionKey(str(request.action).trim(), 'kms:GrantIsForAWSResource');
  const k = `${str(request.principal)}\u0000${str(request.keyArn)}\u0000${str(request.viaService)}\u0000${grant}`;
  const parts = sharedParts.get(k);
  if (!parts) {
    const ctx = buildRequestContext(request);
    if (sharedParts.size >= CACHE_LIMIT) sharedParts.clear();
    sharedParts.set(k, { values: ctx.values, notes: ctx.notes });
    return ctx;
  }
  const caller = describeCaller(request.principal);
  const keyArn = str(request.keyArn).trim();
  const keyAccount = keyAccountOf(keyArn);
  return { caller, action: str(request.action).trim(), keyArn, ...(keyAccount !== undefined ? { keyAccount } : {}), ...parts };
}
