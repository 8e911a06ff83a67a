import { CRYPTOGRAPHIC_ACTIONS } from '../../catalog/actions.js';
import { statementCovers } from '../actions.js';
import { ADMIN_ACTION_LIST } from '../admin-actions.js';
import { positiveEntries, requiredValues, sameKey } from '../conditions.js';
import { statementLabel, statementTitle, type StatementModel } from '../model.js';
import { principalAccountOrStack, rootAccount, TEMPLATE_ACCOUNT } from '../principals.js';
import type { DocumentRule } from '../types.js';

const ANY = '*';

function rootAccounts(s: StatementModel): string[] {
  return (s.principal?.entries ?? []).filter((e) => e.type === 'AWS').flatMap((e) => rootAccount(e.value) ?? []);
}

/**
 * The accounts whose IAM policies matter to a named principal: its own
 * account, for a root, a user or a role (or a role the template itself creates).
 */
function principalAccounts(s: StatementModel): string[] {
  return (s.principal?.entries ?? []).filter((e) => e.type === 'AWS').flatMap((e) => principalAccountOrStack(e.value) ?? []);
}

/**
 * Allow statements restricted by kms:ViaService, by the accounts whose IAM
 * policies can also allow their principals: for "*", the kms:CallerAccount
 * accounts (or any); for a root, a user or a role, its account (a role's own
 * IAM policy works through the root statement just as well).
 */
function restrictedByAccount(statements: StatementModel[]) {
  const map = new Map<string, { actions: Set<string>; labels: Set<string> }>();
  for (const s of statements) {
    if (s.effect !== 'Allow' || !s.principal || s.principal.negated) continue;
    const via = positiveEntries(s, 'kms:ViaService').filter((c) => c.op?.setPrefix !== 'ForAllValues');
    if (via.length === 0) continue;
    const callers = requiredValues(s, 'kms:CallerAccount');
    const accounts = s.principal.star ? (callers.length > 0 ? callers : [ANY]) : principalAccounts(s);
    for (const account of accounts) {
      const entry = map.get(account) ?? { actions: new Set<string>(), labels: new Set<string>() };
      for (const a of CRYPTOGRAPHIC_ACTIONS) if (statementCovers(s, a)) entry.actions.add(a);
      entry.labels.add(statementLabel(s));
      map.set(account, entry);
    }
  }
  return map;
}

/** A Deny with StringNotEquals/StringNotLike kms:ViaService: the documented way to enforce the restriction. */
function enforcedByDeny(statements: StatementModel[]): boolean {
  return statements.some((s) => s.effect === 'Deny' && s.conditions.some((c) => c.op?.negated && sameKey(c.key, 'kms:ViaService')));
}

/**
 * "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html: the default "Enable IAM User Permissions" statement
 * (root, kms:*, no condition) defeats a kms:ViaService restriction: Allow
 * statements are ORed, so any IAM policy allowing Decrypt works directly.
 * The same holds for an unconditioned root kms:CreateGrant (the console's
 * kms:Create* admin action), since grants allow use without the key policy's
 * conditions (see admin-actions.ts).
 */
export const rootStatementBypassesViaService: DocumentRule = {
  code: 'KW602',
  name: 'root-statement-bypasses-via-service',
  // An error: the policy silently does not do what its ViaService statement says.
  severity: 'error',
  title: 'Unconditioned root statement bypasses a kms:ViaService restriction',
  appliesTo: 'key',
  check(doc, report) {
    const restricted = restrictedByAccount(doc.statements);
    if (restricted.size === 0 || enforcedByDeny(doc.statements)) return;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !s.principal || s.principal.negated || s.conditions.length > 0) continue;
      for (const account of new Set(rootAccounts(s))) {
        const hits = [restricted.get(account), restricted.get(ANY)].filter((e) => e !== undefined);
        const restrictedActions = CRYPTOGRAPHIC_ACTIONS.filter((a) => hits.some((h) => h.actions.has(a)));
        const overlap = restrictedActions.filter((a) => statementCovers(s, a));
        // An unconditioned CreateGrant lets IAM principals grant themselves the restricted actions.
        const viaGrant = overlap.length === 0 && restrictedActions.length > 0 && statementCovers(s, 'kms:CreateGrant');
        if (overlap.length === 0 && !viaGrant) continue;
        const labels = [...new Set(hits.flatMap((h) => [...h.labels]))].join(', ');
        const what = viaGrant
          ? 'kms:CreateGrant with no condition, and a grant can allow cryptographic use with no kms:ViaService'
          : `${overlap.length > 3 ? `${overlap.slice(0, 3).join(', ')}...` : overlap.join(', ')} with no condition`;
        // In a template the root is the stack's own account: AWS::AccountId stands as the placeholder account.
        const accountName = account === TEMPLATE_ACCOUNT && doc.key !== undefined ? "the stack's account (AWS::AccountId)" : `account ${account}`;
        report(
          s.loc,
          `${statementTitle(s)} lets IAM policies in ${accountName} allow ${what}. ` +
            `Allow statements add up, so the kms:ViaService restriction in ${labels} is bypassed: an IAM policy allowing ${viaGrant ? 'CreateGrant' : 'these actions'} works in direct calls too.`,
          'Fix it one of three ways: (1) replace this statement with a key-administrator statement that grants only admin actions ' +
            `(${ADMIN_ACTION_LIST}); ` +
            '(2) add a Deny statement on the cryptographic actions with "StringNotEquals": {"kms:ViaService": [...]}; ' +
            '(3) put the kms:ViaService condition in every IAM policy that allows these actions.',
        );
        break;
      }
    }
  },
};
