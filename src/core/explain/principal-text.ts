import { isAccountId, parsePrincipalArn } from '../arn.js';
import { isPlainObject, preview, stringEntries } from '../evaluate/policy-document.js';
import { joinWords } from './english-list.js';

/** Who a key policy statement is about, in words. */
export interface PrincipalText {
  /** "IAM policies in account 111122223333", "role app (account 1111...)", "every principal of every AWS account". */
  readonly who: string;
  readonly kind: 'accounts' | 'principals' | 'anyone' | 'services' | 'mixed' | 'invalid';
  /** Accounts named, as roots or through their principals. */
  readonly accounts: readonly string[];
  /** How many principals (or accounts) it names. */
  readonly count: number;
  readonly problems: readonly string[];
}

function describeEntry(entry: string): { text: string; account?: string; root: boolean } {
  if (isAccountId(entry)) return { text: `account ${entry}`, account: entry, root: true };
  const p = parsePrincipalArn(entry);
  if (!p.ok) return { text: `"${entry}" (${p.error.message})`, root: false };
  const v = p.value;
  if (v.kind === 'root') return { text: `account ${v.account}`, account: v.account, root: true };
  if (v.kind === 'assumed-role') return { text: `session ${v.session} of role ${v.name} (account ${v.account})`, account: v.account, root: false };
  return { text: `${v.kind} ${v.name} (account ${v.account})`, account: v.account, root: false };
}

/**
 * "*" (or {"AWS": "*"}) in a key policy is every principal of every AWS account; only the
 * statement's conditions narrow it ("Key policies in AWS KMS",
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
 */
const ANYONE = 'every principal of every AWS account';

/** Reads a Principal or NotPrincipal value for the explanation. */
export function describePrincipal(raw: unknown): PrincipalText {
  if (raw === '*') return { who: ANYONE, kind: 'anyone', accounts: [], count: 1, problems: [] };
  if (!isPlainObject(raw)) return { who: 'nobody', kind: 'invalid', accounts: [], count: 0, problems: [`Principal ${preview(raw)} is neither "*" nor an object such as {"AWS": [...]}`] };
  const aws = stringEntries(raw.AWS);
  const services = stringEntries(raw.Service);
  const problems: string[] = [];
  for (const k of Object.keys(raw)) if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(k)) problems.push(`unknown principal type "${k}"`);
  if (aws.includes('*')) return { who: ANYONE, kind: 'anyone', accounts: [], count: 1, problems };
  const entries = aws.map(describeEntry);
  const accounts = [...new Set(entries.map((e) => e.account).filter((a): a is string => a !== undefined))];
  const roots = entries.filter((e) => e.root);
  const named = entries.filter((e) => !e.root);
  const serviceText = services.length > 0 ? [`the AWS service ${joinWords(services)}`] : [];
  if (roots.length > 0 && named.length === 0 && services.length === 0) {
    const ids = roots.map((r) => r.account!);
    return { who: `IAM policies in ${ids.length > 1 ? 'accounts' : 'account'} ${joinWords(ids)}`, kind: 'accounts', accounts, count: ids.length, problems };
  }
  if (named.length > 0 && roots.length === 0 && services.length === 0) return { who: joinWords(named.map((n) => n.text)), kind: 'principals', accounts, count: named.length, problems };
  if (services.length > 0 && aws.length === 0) return { who: serviceText[0]!, kind: 'services', accounts, count: services.length, problems };
  const parts = [...roots.map((r) => `IAM policies in ${r.text}`), ...named.map((n) => n.text), ...serviceText];
  return { who: parts.length > 0 ? joinWords(parts) : 'nobody', kind: parts.length > 0 ? 'mixed' : 'invalid', accounts, count: parts.length, problems };
}
