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
    if (kind === 'AWS') aws.push(...strings);
    else if (['Service', 'Federated', 'CanonicalUser'].includes(kind)) others.push(...strings.map((s) => `${kind} ${s}`));
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
      const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(entry);
      if (m && m[1] === caller.partition && m[2] === caller.account && m[3] === caller.name) role = true;
    }
  }
  if (caller.kind === 'root' && account) principal = true;
  return { principal, role, account };
}

const WILDCARD_NOTE = 'wildcards inside a Principal ARN are not supported (only "*" on its own): the entry is taken literally';

/** Does a key policy statement's Principal or NotPrincipal cover the caller, and how? */
export function matchPrincipal(stmt: { hasPrincipal: boolean; hasNotPrincipal: boolean; principal?: unknown; notPrincipal?: unknown; effect?: 'Allow' | 'Deny' }, caller: Caller): PrincipalResult {
  if (!stmt.hasPrincipal && !stmt.hasNotPrincipal) {
    return { matched: false, reason: 'no Principal: a key policy statement must name who it applies to', problems: ['no Principal (a key policy statement needs one)'] };
  }
  const element = stmt.hasPrincipal ? 'Principal' : 'NotPrincipal';
  const list = readPrincipal(stmt, stmt.hasPrincipal ? stmt.principal : stmt.notPrincipal, element);
  const problems = [...list.problems];
  if (list.aws.some((a) => a.includes('*') || a.includes('?'))) problems.push(WILDCARD_NOTE);
  const cov = caller.valid ? coverage(list.aws, caller) : { principal: false, role: false, account: false };

  if (caller.service) return matchServicePrincipal(stmt.hasPrincipal, list, caller, problems);
  if (stmt.hasPrincipal) {
    if (list.anyone) return { matched: true, how: 'anyone', reason: 'Principal "*" covers every caller', problems };
    if (cov.principal || cov.role) {
      return { matched: true, how: 'principal', reason: cov.role ? `Principal names the role ${caller.roleArn}, which covers its sessions` : `Principal names ${caller.arn}`, problems };
    }
    if (cov.account) return { matched: true, how: 'account', reason: `Principal names account ${caller.account}: its IAM policies must allow the request too`, problems };
    const named = [...list.aws, ...list.others];
    return { matched: false, reason: named.length > 0 ? `Principal names ${named.slice(0, 3).join(', ')}${named.length > 3 ? ', ...' : ''}, not this caller or its account` : 'Principal names nobody', problems };
  }

  // NotPrincipal [reference_policies_elements_notprincipal]: with Deny, AWS may check the account and
  // the role before the principal, so the caller escapes the Deny only when all of them are listed.
  const needed: (keyof Coverage)[] = caller.kind === 'assumed-role' ? ['principal', 'role', 'account'] : caller.kind === 'root' ? ['account'] : ['principal', 'account'];
  const listed = needed.filter((n) => cov[n]);
  if (list.anyone) return { matched: false, reason: 'NotPrincipal "*" leaves nobody', problems };
  if (stmt.effect === 'Deny') {
    if (listed.length === needed.length) return { matched: false, reason: 'NotPrincipal lists this caller (and its role and account), so the statement leaves it out', problems };
    const missing = needed.filter((n) => !cov[n]).map((n) => (n === 'account' ? `its account ${caller.account}` : n === 'role' ? `its role ${caller.roleArn}` : 'the caller itself'));
    return {
      matched: true,
      how: 'anyone',
      reason:
        listed.length > 0
          ? `NotPrincipal lists the caller only in part (not ${missing.join(' or ')}); AWS may check those first, so the Deny is taken to apply`
          : 'NotPrincipal does not list this caller, so the statement covers it',
      problems,
    };
  }
  if (listed.length > 0) return { matched: false, reason: 'NotPrincipal lists this caller (or its role or account), so the statement leaves it out', problems };
  return { matched: true, how: 'anyone', reason: 'NotPrincipal does not list this caller, so the statement covers it', problems };
}

/** A service principal is named only by a `Service` entry (or "*"); service principal names compare exactly. */
function matchServicePrincipal(hasPrincipal: boolean, list: PrincipalList, caller: Caller, problems: string[]): PrincipalResult {
  const named = list.others.includes(`Service ${caller.arn}`);
  if (hasPrincipal) {
    if (list.anyone) return { matched: true, how: 'anyone', reason: 'Principal "*" covers every caller, AWS services included', problems };
    if (named) return { matched: true, how: 'principal', reason: `Principal names the service ${caller.arn}`, problems };
    const all = [...list.aws, ...list.others];
    return { matched: false, reason: all.length > 0 ? `Principal names ${all.slice(0, 3).join(', ')}${all.length > 3 ? ', ...' : ''}, not the service ${caller.arn}` : 'Principal names nobody', problems };
  }
  if (list.anyone || named) return { matched: false, reason: 'NotPrincipal lists this service, so the statement leaves it out', problems };
  return { matched: true, how: 'anyone', reason: 'NotPrincipal does not list this service, so the statement covers it', problems };
}
