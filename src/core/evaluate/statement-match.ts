import { conditionsPass, evaluateConditions } from './conditions.js';
import type { PolicyStatement } from './policy-document.js';
import { matchPrincipal, principalCode, principalProblems, PRINCIPAL_VERDICTS } from './principal-match.js';
import type { RequestContext } from './request-context.js';
import type { PrincipalMatch, StatementStage, StatementTrace } from './trace.js';
import { arnMatch, wildcardMatch } from './wildcard.js';

export type PolicyKind = 'key' | 'iam';

/** A list for one-line reasons: the first few entries, then how many more. */
const brief = (xs: readonly string[]) => (xs.length <= 3 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`);

const ALIAS_ARN = /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//;

/** Does one Resource entry name the key? In a key policy `*` means "this key" [key-policy-overview]. */
function resourceMatches(pattern: string, keyArn: string): boolean {
  if (pattern === '*') return true;
  if (ALIAS_ARN.test(pattern)) return false; // authorization never follows an alias to its key [cmks-in-iam-policies]
  return arnMatch(pattern, keyArn);
}

function resourceReason(patterns: readonly string[], keyArn: string, not: boolean): string {
  const alias = patterns.find((p) => ALIAS_ARN.test(p));
  if (!not && alias) return `Resource names the alias ARN ${alias}; an alias ARN never matches the key (name the key ARN)`;
  const keyId = patterns.find((p) => /^(mrk-)?[0-9a-f-]{32,36}$/.test(p) || p.startsWith('alias/'));
  if (!not && keyId) return `Resource "${keyId}" is not an ARN; IAM policies must name the key by its key ARN`;
  return not ? `NotResource covers ${keyArn}` : `Resource ${brief(patterns)} does not cover ${keyArn}`;
}

function trace(policy: string, stmt: PolicyStatement, stage: StatementStage | undefined, reason: string, extra: Partial<StatementTrace> = {}, problems: readonly string[] = stmt.problems): StatementTrace {
  return {
    policy,
    index: stmt.index,
    ...(stmt.sid !== undefined ? { sid: stmt.sid } : {}),
    effect: stmt.effect ?? 'invalid',
    applies: stage === undefined,
    ...(stage ? { failedAt: stage } : {}),
    reason,
    conditions: [],
    problems,
    ...extra,
  };
}

const IAM_PRINCIPAL = 'an identity (IAM) policy cannot have Principal or NotPrincipal';
/** A Principal that uses wildcards is accepted by AWS but never matches; every other problem is fatal. */
const isFatal = (p: string) => !p.startsWith('wildcards inside a Principal');

/** Does the Action / NotAction element cover the request's action? */
function actionCovers(stmt: PolicyStatement, action: string): boolean {
  const patterns = stmt.action ?? stmt.notAction ?? [];
  const hit = patterns.some((p) => wildcardMatch(p, action, true));
  return stmt.action ? hit : !hit;
}

/** Does the Resource / NotResource element cover the key? */
function resourceCovers(stmt: PolicyStatement, keyArn: string): boolean {
  const patterns = stmt.resource ?? stmt.notResource ?? [];
  const hit = patterns.some((p) => resourceMatches(p, keyArn));
  return stmt.resource ? hit : !hit;
}

// Whether a statement is valid policy language does not depend on the request: worked out once per read statement and kind.
const validity = [new WeakMap<PolicyStatement, boolean>(), new WeakMap<PolicyStatement, boolean>()] as const;

/** True when the statement is valid policy language for its kind of policy (an invalid one never applies). */
export function isValid(stmt: PolicyStatement, kind: PolicyKind): boolean {
  const cache = validity[kind === 'key' ? 0 : 1];
  let valid = cache.get(stmt);
  if (valid === undefined) {
    const principal = kind === 'key' ? principalProblems(stmt) : stmt.hasPrincipal || stmt.hasNotPrincipal ? [IAM_PRINCIPAL] : [];
    valid = !stmt.problems.some(isFatal) && !principal.some(isFatal);
    cache.set(stmt, valid);
  }
  return valid;
}

/**
 * The decision mode of {@link matchStatement}: whether the statement applies,
 * with no trace and no reason built. Returns undefined when it does not apply;
 * otherwise how a key policy statement named the caller ('iam' for an IAM
 * policy statement). Same stages, same helpers as the trace mode;
 * test/unit/evaluate/decide.test.ts holds the two modes to the same answers.
 */
export function statementApplies(stmt: PolicyStatement, ctx: RequestContext, kind: PolicyKind, variables: boolean): PrincipalMatch | 'iam' | undefined {
  if (!isValid(stmt, kind)) return undefined;
  let how: PrincipalMatch | 'iam' = 'iam';
  if (kind === 'key') {
    const matched = PRINCIPAL_VERDICTS[principalCode(stmt, ctx.caller)];
    if (!matched) return undefined;
    how = matched;
  }
  if (!actionCovers(stmt, ctx.action) || !resourceCovers(stmt, ctx.keyArn)) return undefined;
  return conditionsPass(stmt.condition, ctx, variables) ? how : undefined;
}

/**
 * Whether one statement applies to the request, checked in the order a
 * reader would: valid, principal (key policies), action, resource, conditions.
 * The first part that does not match is recorded with its reason.
 */
export function matchStatement(stmt: PolicyStatement, ctx: RequestContext, policy: string, kind: PolicyKind, variables: boolean): StatementTrace {
  // The statement's own problems, copied only when this request adds to them.
  let problems: readonly string[] = stmt.problems;
  const add = (p: string) => {
    if (!problems.includes(p)) problems = [...problems, p];
  };
  if (kind === 'iam' && (stmt.hasPrincipal || stmt.hasNotPrincipal)) add(IAM_PRINCIPAL);
  let principal: ReturnType<typeof matchPrincipal> | undefined;
  if (kind === 'key') {
    principal = matchPrincipal(stmt, ctx.caller);
    for (const p of principal.problems) add(p);
  }
  const fatal = problems.find(isFatal);
  if (fatal !== undefined) return trace(policy, stmt, 'valid', `not valid policy language (${fatal}), so it never applies`, {}, problems);

  if (principal && !principal.matched) return trace(policy, stmt, 'principal', principal.reason, {}, problems);
  const how = principal?.how ? { principalMatch: principal.how } : {};

  const actionPatterns = stmt.action ?? stmt.notAction ?? [];
  if (!actionCovers(stmt, ctx.action)) {
    return trace(policy, stmt, 'action', stmt.action ? `Action ${brief(actionPatterns)} does not cover ${ctx.action}` : `NotAction excludes ${ctx.action}`, how, problems);
  }
  if (!resourceCovers(stmt, ctx.keyArn)) {
    const resourcePatterns = stmt.resource ?? stmt.notResource ?? [];
    return trace(policy, stmt, 'resource', resourceReason(resourcePatterns, ctx.keyArn, !stmt.resource), how, problems);
  }

  const conditions = evaluateConditions(stmt.condition, ctx, variables);
  if (!conditions.passed) {
    const failed = conditions.checks.filter((c) => !c.passed);
    return trace(policy, stmt, 'condition', `condition not met: ${failed.map((c) => c.reason).join('; ')}`, { ...how, conditions: conditions.checks }, problems);
  }
  const who = principal ? `${principal.reason}; ` : '';
  const cond = conditions.checks.length > 0 ? '; every condition is met' : '';
  return trace(policy, stmt, undefined, `${who}${stmt.effect === 'Deny' ? 'denies' : 'allows'} ${ctx.action} on this key${cond}`, { ...how, conditions: conditions.checks }, problems);
}
