// Statement fates: what `generate --from` does with each statement of the
// key's current policy. The rule of thumb: replace what would undo the
// restriction being written (and what kms-wizard wrote itself), take the
// administrators over, and keep everything else exactly as it is.
import type { KeyArn } from '../arn.js';
import { isPlainObject, stringEntries } from '../evaluate/policy-document.js';
import { ADMINS_SID, isGeneratedSid } from '../generated-sids.js';
import { fail, ok, type Result } from '../result.js';
import type { CurrentPolicy } from './read-current.js';
import { coveredKmsActions, cryptographicActions, isGrantForAwsResourceOnly, keyUseActions, namedPrincipals } from './statement-shape.js';

export type Fate = 'kept' | 'replaced' | 'merged';

/** What happens to one statement of the current policy, and why. */
export interface StatementFate {
  /** Position in the file's Statement list, from 1 (how `--keep #N` / `--drop #N` refer to it). */
  readonly index: number;
  readonly sid?: string;
  readonly fate: Fate;
  readonly reason: string;
  /** For a merged administrators statement or a replaced direct-use statement: the roles and users it named. */
  readonly principals?: readonly string[];
  /** Which of those lists the principals belong to. */
  readonly role?: 'admins' | 'direct-users';
  /** The statement as the file has it (kept statements are written back unchanged). */
  readonly statement: unknown;
}

/** The fates of every statement, and what they pre-answer. */
export interface Fates {
  readonly statements: readonly StatementFate[];
  /** Key administrators named by the file (the console's administrators statement, or kms-wizard's own), sorted. */
  readonly admins: readonly string[];
  /** Roles and users whose direct use of the key (no kms:ViaService) is replaced, sorted: candidates for consumers. */
  readonly directUsers: readonly string[];
  readonly warnings: readonly string[];
}

/** `--keep` / `--drop`: a Sid, or `#N` for the N-th statement (the only way to name one without a Sid). */
export interface FateOverrides {
  readonly keep?: readonly string[];
  readonly drop?: readonly string[];
  /** `--admin` was given: the file's administrators statement is replaced by those administrators, not merged. */
  readonly adminsGiven?: boolean;
}

type Ruling = Pick<StatementFate, 'fate' | 'reason' | 'principals' | 'role'>;

const names = (xs: readonly string[]) => (xs.length <= 3 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`);
const bare = (actions: readonly string[]) => names(actions.map((a) => a.replace(/^kms:/, '')));

/** The default fate of one statement (before --keep / --drop). */
export function defaultFate(statement: unknown, key: KeyArn): Ruling {
  if (!isPlainObject(statement)) return { fate: 'kept', reason: 'not a statement object kms-wizard can read; kept as it is' };
  const p = namedPrincipals(statement.Principal, key);
  // What build() writes: Allow, principals named as AWS accounts/roles or as services (never "*" or Federated).
  const generatedShape = Object.hasOwn(statement, 'Principal') && p.unknown.length === 0 && !p.anyone;

  if (isGeneratedSid(statement.Sid) && statement.Effect === 'Allow' && generatedShape) {
    if (statement.Sid === ADMINS_SID) {
      const admins = awsEntries(statement.Principal).filter((a) => !p.keyRoot.includes(a));
      return { fate: 'replaced', reason: 'written by kms-wizard earlier: written again from the current answers (its administrators stay unless --admin is given)', principals: admins.sort(), role: 'admins' };
    }
    return { fate: 'replaced', reason: 'written by kms-wizard earlier: written again from the current answers' };
  }
  if (statement.Effect !== 'Allow') {
    return { fate: 'kept', reason: statement.Effect === 'Deny' ? 'a Deny statement: it only ever takes access away' : 'its Effect is not "Allow"; kept as it is' };
  }
  for (const element of ['NotPrincipal', 'NotAction', 'NotResource']) {
    if (Object.hasOwn(statement, element)) return { fate: 'kept', reason: `uses ${element}, which kms-wizard does not model` };
  }
  if (p.services.length > 0) return { fate: 'kept', reason: `names the service principal ${names(p.services)}: a service's access is never kms-wizard's to remove` };
  if (p.otherAccounts.length > 0) return { fate: 'kept', reason: `names account ${names(p.otherAccounts)}, not the key's account ${key.account}` };
  if (p.anyone) return { fate: 'kept', reason: 'names every principal ("*"), limited by its own conditions, which kms-wizard does not own' };
  if (p.unknown.length > 0 || !Object.hasOwn(statement, 'Principal')) return { fate: 'kept', reason: 'names principals kms-wizard does not model; kept as it is' };

  const actions = coveredKmsActions(statement.Action);
  const use = keyUseActions(actions);
  const conditioned = Object.hasOwn(statement, 'Condition');
  const onlyRoot = p.keyRoot.length > 0 && p.keyPrincipals.length === 0;
  const onlyNamed = p.keyRoot.length === 0 && p.keyPrincipals.length > 0;

  if (onlyRoot && !conditioned && use.length > 0) {
    const what = [statement.Action].flat().includes('kms:*') ? 'kms:*' : bare(use);
    return {
      fate: 'replaced',
      reason: `the account root with ${what} and no condition lets any IAM policy in ${key.account} allow ${bare(use)} directly, without kms:ViaService: it would undo the restriction being written`,
    };
  }
  // The console's administrators statement: key management (PutKeyPolicy among it), no cryptographic action.
  // Its kms:Create* also matches CreateGrant; the generated administrators statement narrows that.
  if (onlyNamed && !conditioned && actions.includes('kms:PutKeyPolicy') && cryptographicActions(actions).length === 0) {
    return {
      fate: 'merged',
      reason: `a key administrators statement (as the console writes it): ${names(p.keyPrincipals)} become the administrators unless --admin is given`,
      principals: [...p.keyPrincipals].sort(),
      role: 'admins',
    };
  }
  if (onlyNamed && use.length > 0 && (!conditioned || isGrantForAwsResourceOnly(statement.Condition))) {
    return {
      fate: 'replaced',
      reason:
        `lets ${names(p.keyPrincipals)} call ${bare(use)} ${conditioned ? 'for AWS resources ' : ''}with no kms:ViaService condition, bypassing the restriction ` +
        '(as the console\'s "Allow use of the key" and "Allow attachment of persistent resources" do); name them as consumers to keep their access through services',
      principals: [...p.keyPrincipals].sort(),
      role: 'direct-users',
    };
  }
  if (conditioned) return { fate: 'kept', reason: 'has conditions kms-wizard does not model; kept as it is' };
  return { fate: 'kept', reason: use.length === 0 ? 'grants no cryptographic action; kept as it is' : 'not a statement kms-wizard writes; kept as it is' };
}

function awsEntries(principal: unknown): string[] {
  if (!isPlainObject(principal)) return [];
  return stringEntries(principal.AWS);
}

const sidOf = (s: unknown): string | undefined => (isPlainObject(s) && typeof s.Sid === 'string' ? s.Sid : undefined);

/** Resolves `--keep` / `--drop` references to statement indexes (0-based); errors say how to refer to a statement instead. */
function resolveRefs(flag: string, refs: readonly string[], statements: readonly unknown[]): Result<number[], string[]> {
  const errors: string[] = [];
  const out: number[] = [];
  const sids = statements.map(sidOf);
  for (const ref of refs) {
    const byIndex = /^#(\d+)$/.exec(ref.trim());
    if (byIndex) {
      const n = Number(byIndex[1]);
      if (n >= 1 && n <= statements.length) out.push(n - 1);
      else errors.push(`${flag} ${ref}: the policy has ${statements.length} statement${statements.length === 1 ? '' : 's'} (#1 to #${statements.length})`);
      continue;
    }
    const hits = sids.flatMap((s, i) => (s === ref ? [i] : []));
    if (hits.length === 1) {
      out.push(hits[0]!);
      continue;
    }
    if (hits.length > 1) {
      errors.push(`${flag} ${ref}: ${hits.length} statements have that Sid (${hits.map((i) => `#${i + 1}`).join(', ')}); refer to one by its position, e.g. ${flag} '#${hits[0]! + 1}'`);
      continue;
    }
    const known = sids.flatMap((s, i) => (s === undefined ? [`#${i + 1} (no Sid)`] : [`"${s}"`]));
    errors.push(`${flag} ${ref}: no statement has that Sid. The statements are: ${known.join(', ')}. A statement without a Sid is named by its position, e.g. ${flag} '#2'`);
  }
  return errors.length > 0 ? fail(errors) : ok(out);
}

/**
 * The statements `--keep` and `--drop` name (0-based), checked against the
 * policy alone (no key needed): a reference to no statement, an ambiguous
 * Sid, or a statement both kept and dropped is an error (exit 2).
 */
export function resolveOverrides(current: CurrentPolicy, overrides: FateOverrides): Result<{ kept: ReadonlySet<number>; dropped: ReadonlySet<number> }, string[]> {
  const keep = resolveRefs('--keep', overrides.keep ?? [], current.statements);
  const drop = resolveRefs('--drop', overrides.drop ?? [], current.statements);
  const errors = [...(keep.ok ? [] : keep.error), ...(drop.ok ? [] : drop.error)];
  const kept = new Set(keep.ok ? keep.value : []);
  const dropped = new Set(drop.ok ? drop.value : []);
  for (const i of kept) if (dropped.has(i)) errors.push(`statement #${i + 1} is given to both --keep and --drop; choose one`);
  return errors.length > 0 ? fail(errors) : ok({ kept, dropped });
}

/**
 * The fate of every statement of the current policy: the default rules,
 * then `--keep` and `--drop`. Errors (exit 2) for a reference to no
 * statement, an ambiguous Sid, or a statement both kept and dropped.
 */
export function statementFates(current: CurrentPolicy, key: KeyArn, overrides: FateOverrides = {}): Result<Fates, string[]> {
  const refs = resolveOverrides(current, overrides);
  if (!refs.ok) return refs;
  const { kept, dropped } = refs.value;

  const statements = current.statements.map((statement, i): StatementFate => {
    const sid = sidOf(statement);
    const base = { index: i + 1, ...(sid !== undefined ? { sid } : {}), statement };
    if (kept.has(i)) return { ...base, fate: 'kept', reason: 'kept as it is (--keep)' };
    if (dropped.has(i)) return { ...base, fate: 'replaced', reason: 'left out (--drop)' };
    const ruling = defaultFate(statement, key);
    if (overrides.adminsGiven && ruling.fate === 'merged') {
      return { ...base, fate: 'replaced', reason: `a key administrators statement: replaced by the administrators given with --admin, so ${names(ruling.principals ?? [])} no longer administer the key` };
    }
    return { ...base, ...ruling };
  });
  const from = (role: StatementFate['role']) => [...new Set(statements.filter((s) => s.role === role).flatMap((s) => s.principals ?? []))].sort();
  return ok({ statements, admins: from('admins'), directUsers: from('direct-users'), warnings: accountWarnings(current, key) });
}

/** A policy that never names the key's account is probably another key's policy. */
function accountWarnings(current: CurrentPolicy, key: KeyArn): string[] {
  const others = new Set<string>();
  let mentionsKeyAccount = false;
  for (const s of current.statements) {
    if (!isPlainObject(s)) continue;
    for (const element of ['Principal', 'NotPrincipal']) {
      if (!Object.hasOwn(s, element)) continue;
      const p = namedPrincipals(s[element], key);
      if (p.keyRoot.length > 0 || p.keyPrincipals.length > 0) mentionsKeyAccount = true;
      for (const a of p.otherAccounts) others.add(a);
    }
  }
  if (mentionsKeyAccount || others.size === 0) return [];
  return [
    `${current.name} names account ${[...others].sort().join(', ')} but never the key's account ${key.account}: is it the policy of ${key.arn}? ` +
      `Check with: aws kms get-key-policy --key-id ${key.arn} --policy-name default --query Policy --output text`,
  ];
}
