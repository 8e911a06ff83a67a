import { isAccountId } from '../arn.js';
import { isPlainObject, preview } from './policy-document.js';
import type { Caller } from './request-context.js';
import type { PrincipalMatch } from './trace.js';

export interface PrincipalResult {
  readonly matched: boolean;
  readonly how?: PrincipalMatch;
  readonly reason: string;
  readonly problems: readonly string[];
}

interface PrincipalList {
  /** `AWS` entries (ARNs, account ids, `*`). */
  readonly aws: readonly string[];
  /** True for `"*"` or `{"AWS": "*"}`. */
  readonly anyone: boolean;
  /** Entries of other kinds (Service, Federated, ...), which never name an IAM caller. */
  readonly others: readonly string[];
  readonly problems: readonly string[];
}

// A statement's Principal is read once, not once per request: the access
// comparison and the matrix evaluate hundreds of requests against the same
// statements. Keyed by the statement as the evaluator read it (a fresh object
// each time a document is read), not by the caller's Principal object, which
// a library user may change between two evaluations.
const readPrincipals = new WeakMap<object, PrincipalList>();

/** Reads a statement's Principal / NotPrincipal [reference_policies_elements_principal], once per read statement. */
function readPrincipal(stmt: object, raw: unknown, element: 'Principal' | 'NotPrincipal'): PrincipalList {
  let list = readPrincipals.get(stmt);
  if (!list) readPrincipals.set(stmt, (list = readPrincipalValue(raw, element)));
  return list;
}

function readPrincipalValue(raw: unknown, element: string): PrincipalList {
  if (raw === '*') return { aws: [], anyone: true, others: [], problems: [] };
  if (!isPlainObject(raw)) {
    return { aws: [], anyone: false, others: [], problems: [`${element} ${preview(raw)} is neither "*" nor an object such as {"AWS": [...]}`] };
  }
  const aws: string[] = [];
  const others: string[] = [];
  const problems: string[] = [];
  for (const [kind, value] of Object.entries(raw)) {
    const items = Array.isArray(value) ? value : [value];
    const strings = items.filter((v): v is string => typeof v === 'string');
    if (strings.length !== items.length) problems.push(`${element}.${kind} holds something that is not a string`);
    // A loop, not push(...strings): a list of 100,000 entries would overflow the call stack.
    if (kind === 'AWS') for (const s of strings) aws.push(s);
    else if (['Service', 'Federated', 'CanonicalUser'].includes(kind)) for (const s of strings) others.push(`${kind} ${s}`);
    else problems.push(`${element} has an unknown principal type "${kind}" (expected AWS, Service, Federated or CanonicalUser)`);
  }
  return { aws: aws.filter((a) => a !== '*'), anyone: aws.includes('*'), others, problems };
}

/** The account an entry names as a whole (`111122223333` or `arn:...:iam::111122223333:root`). */
function namedAccount(entry: string): { account: string; partition?: string } | undefined {
  if (isAccountId(entry)) return { account: entry };
  const m = /^arn:([^:]+):iam::(\d{12}):root$/.exec(entry);
  return m ? { account: m[2]!, partition: m[1]! } : undefined;
}

/** The identities AWS may check for a caller: the principal, its role (for a session), its account. */
interface Coverage {
  readonly principal: boolean;
  readonly role: boolean;
  readonly account: boolean;
}

const ROLE_ENTRY = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function coverage(entries: readonly string[], caller: Caller): Coverage {
  let principal = false;
  let role = false;
  let account = false;
  for (const entry of entries) {
    const acct = namedAccount(entry);
    if (acct) {
      if (acct.account === caller.account && (!acct.partition || acct.partition === caller.partition)) account = true;
      continue;
    }
    if (entry === caller.arn) principal = true;
    if (caller.kind === 'assumed-role') {
      // A role ARN names its sessions too; role names are unique in an account whatever the path.
      const m = ROLE_ENTRY.exec(entry);
      if (m && m[1] === caller.partition && m[2] === caller.account && m[3] === caller.name) role = true;
    }
  }
  if (caller.kind === 'root' && account) principal = true;
  return { principal, role, account };
}

/**
 * Index keys under which a key policy statement can match a caller: a
 * statement whose Principal lists only these identities can match no caller
 * that {@link callerKeys} does not give one of them for. Undefined when the
 * statement may match anyone (`"*"`, NotPrincipal, no Principal, a malformed
 * one): it is tried for every caller. A superset, never a decision:
 * {@link principalCode} still decides each candidate.
 */
export function statementKeys(stmt: PrincipalStatement): string[] | undefined {
  if (!stmt.hasPrincipal || stmt.hasNotPrincipal) return undefined;
  const list = principalList(stmt)!;
  if (list.anyone || list.problems.length > 0) return undefined;
  const keys: string[] = [];
  for (const entry of list.aws) {
    const acct = namedAccount(entry);
    if (acct) {
      keys.push(`A:${acct.account}`);
      continue;
    }
    keys.push(`E:${entry}`);
    const m = ROLE_ENTRY.exec(entry);
    if (m) keys.push(`R:${m[2]}:${m[3]}`);
  }
  for (const other of list.others) keys.push(`O:${other}`);
  return keys;
}

/** The index keys a caller looks up (see {@link statementKeys}): its account, its ARN, its role. */
export function callerKeys(caller: Caller): string[] {
  if (caller.service) return [`O:Service ${caller.arn}`];
  const keys = [`E:${caller.arn}`];
  if (caller.account) keys.push(`A:${caller.account}`);
  if (caller.kind === 'assumed-role' && caller.account && caller.name) keys.push(`R:${caller.account}:${caller.name}`);
  return keys;
}

const WILDCARD_NOTE = 'wildcards inside a Principal ARN are not supported (only "*" on its own): the entry is taken literally';

/**
 * How a statement's Principal / NotPrincipal treats a caller, as a code: the
 * one place the matching rules live. The decision mode reads only
 * {@link PRINCIPAL_VERDICTS}; the trace turns the same code into a reason.
 */
export type PrincipalCode =
  | 'no-principal'
  | 'anyone'
  | 'names-role'
  | 'names-caller'
  | 'names-account'
  | 'names-others'
  | 'not-star'
  | 'not-deny-lists-all'
  | 'not-deny-lists-part'
  | 'not-unlisted'
  | 'not-lists-caller'
  | 'service-anyone'
  | 'service-named'
  | 'service-not-named'
  | 'service-not-listed'
  | 'service-not-unlisted';

/** Whether each code matches the caller, and how (undefined = it does not match). */
export const PRINCIPAL_VERDICTS: Readonly<Record<PrincipalCode, PrincipalMatch | undefined>> = {
  'no-principal': undefined,
  anyone: 'anyone',
  'names-role': 'principal',
  'names-caller': 'principal',
  'names-account': 'account',
  'names-others': undefined,
  'not-star': undefined,
  'not-deny-lists-all': undefined,
  'not-deny-lists-part': 'anyone',
  'not-unlisted': 'anyone',
  'not-lists-caller': undefined,
  'service-anyone': 'anyone',
  'service-named': 'principal',
  'service-not-named': undefined,
  'service-not-listed': undefined,
  'service-not-unlisted': 'anyone',
};

type PrincipalStatement = { hasPrincipal: boolean; hasNotPrincipal: boolean; principal?: unknown; notPrincipal?: unknown; effect?: 'Allow' | 'Deny' };

/** The statement's Principal or NotPrincipal list (read once per read statement); undefined when it has neither. */
export function principalList(stmt: PrincipalStatement): PrincipalList | undefined {
  if (!stmt.hasPrincipal && !stmt.hasNotPrincipal) return undefined;
  return readPrincipal(stmt, stmt.hasPrincipal ? stmt.principal : stmt.notPrincipal, stmt.hasPrincipal ? 'Principal' : 'NotPrincipal');
}

/** The identities of the caller that NotPrincipal must list for the caller to be left out [reference_policies_elements_notprincipal]. */
function neededCoverage(caller: Caller): (keyof Coverage)[] {
  return caller.kind === 'assumed-role' ? ['principal', 'role', 'account'] : caller.kind === 'root' ? ['account'] : ['principal', 'account'];
}

/** Does a key policy statement's Principal or NotPrincipal cover the caller? The code says how (no strings built). */
export function principalCode(stmt: PrincipalStatement, caller: Caller): PrincipalCode {
  const list = principalList(stmt);
  if (!list) return 'no-principal';
  if (caller.service) {
    // A service principal is named only by a `Service` entry (or "*"); service principal names compare exactly.
    const named = list.others.includes(`Service ${caller.arn}`);
    if (stmt.hasPrincipal) return list.anyone ? 'service-anyone' : named ? 'service-named' : 'service-not-named';
    return list.anyone || named ? 'service-not-listed' : 'service-not-unlisted';
  }
  const cov = caller.valid ? coverage(list.aws, caller) : NO_COVERAGE;
  if (stmt.hasPrincipal) {
    if (list.anyone) return 'anyone';
    if (cov.role) return 'names-role';
    if (cov.principal) return 'names-caller';
    return cov.account ? 'names-account' : 'names-others';
  }
  // NotPrincipal: with Deny, AWS may check the account and the role before the principal, so the caller
  // escapes the Deny only when all of them are listed.
  if (list.anyone) return 'not-star';
  const needed = neededCoverage(caller);
  const listed = needed.filter((n) => cov[n]).length;
  if (stmt.effect === 'Deny') return listed === needed.length ? 'not-deny-lists-all' : listed > 0 ? 'not-deny-lists-part' : 'not-unlisted';
  return listed > 0 ? 'not-lists-caller' : 'not-unlisted';
}

const NO_COVERAGE: Coverage = { principal: false, role: false, account: false };

/** Problems of the Principal element that make the statement invalid (a wildcard inside an ARN is only a note). */
export function principalProblems(stmt: PrincipalStatement): readonly string[] {
  const list = principalList(stmt);
  if (!list) return ['no Principal (a key policy statement needs one)'];
  return list.aws.some((a) => a.includes('*') || a.includes('?')) ? [...list.problems, WILDCARD_NOTE] : list.problems;
}

/** Does a key policy statement's Principal or NotPrincipal cover the caller, and how, with the reason in words? */
export function matchPrincipal(stmt: PrincipalStatement, caller: Caller): PrincipalResult {
  const code = principalCode(stmt, caller);
  const how = PRINCIPAL_VERDICTS[code];
  const reason = principalReason(code, principalList(stmt), caller);
  return { matched: how !== undefined, ...(how ? { how } : {}), reason, problems: principalProblems(stmt) };
}

function principalReason(code: PrincipalCode, list: PrincipalList | undefined, caller: Caller): string {
  const named = list ? [...list.aws, ...list.others] : [];
  const names = `${named.slice(0, 3).join(', ')}${named.length > 3 ? ', ...' : ''}`;
  switch (code) {
    case 'no-principal':
      return 'no Principal: a key policy statement must name who it applies to';
    case 'anyone':
      return 'Principal "*" covers every caller';
    case 'names-role':
      return `Principal names the role ${caller.roleArn}, which covers its sessions`;
    case 'names-caller':
      return `Principal names ${caller.arn}`;
    case 'names-account':
      return `Principal names account ${caller.account}: its IAM policies must allow the request too`;
    case 'names-others':
      return named.length > 0 ? `Principal names ${names}, not this caller or its account` : 'Principal names nobody';
    case 'not-star':
      return 'NotPrincipal "*" leaves nobody';
    case 'not-deny-lists-all':
      return 'NotPrincipal lists this caller (and its role and account), so the statement leaves it out';
    case 'not-deny-lists-part': {
      const cov = caller.valid && list ? coverage(list.aws, caller) : NO_COVERAGE;
      const missing = neededCoverage(caller).filter((n) => !cov[n]).map((n) => (n === 'account' ? `its account ${caller.account}` : n === 'role' ? `its role ${caller.roleArn}` : 'the caller itself'));
      return `NotPrincipal lists the caller only in part (not ${missing.join(' or ')}); AWS may check those first, so the Deny is taken to apply`;
    }
    case 'not-unlisted':
      return 'NotPrincipal does not list this caller, so the statement covers it';
    case 'not-lists-caller':
      return 'NotPrincipal lists this caller (or its role or account), so the statement leaves it out';
    case 'service-anyone':
      return 'Principal "*" covers every caller, AWS services included';
    case 'service-named':
      return `Principal names the service ${caller.arn}`;
    case 'service-not-named':
      return named.length > 0 ? `Principal names ${names}, not the service ${caller.arn}` : 'Principal names nobody';
    case 'service-not-listed':
      return 'NotPrincipal lists this service, so the statement leaves it out';
    case 'service-not-unlisted':
      return 'NotPrincipal does not list this service, so the statement covers it';
  }
}
