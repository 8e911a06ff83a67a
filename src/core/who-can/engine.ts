// who-can: for every principal the exports and the key policy name, which
// KMS actions it can call on the key and how, and who can take the key over.
// AWS decides a KMS request as the IAM evaluation logic says
// ("Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html;
// "How AWS enforcement code logic evaluates requests", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html):
// an explicit Deny in any policy that applies wins (SCPs, RCPs, the key
// policy, identity policies, permissions boundaries); the key policy must
// allow, itself or by trusting the account so that IAM policies decide
// ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html;
// "KMS key access and permissions", https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html).
// Each statement is matched by the evaluator, through ./policy-decision.ts.
import { parseKeyArn } from '../arn.js';
import { actionSupportsConditionKey, CRYPTOGRAPHIC_ACTIONS } from '../catalog/actions.js';
import { DocumentIndex } from './document-index.js';
import { boundaryDocument, identityDocuments } from './identity.js';
import { worksAcrossAccounts } from './cross-account.js';
import { keyActions } from './key-actions.js';
import { forPrincipal } from './resource-variables.js';
import type { AccountExport, IamPrincipal, KeyDescription, KeyGrant, OrgPolicyLevel } from './model.js';
import { callerDependence, decide, namedPrincipals, statementsNaming, prepareRequest, principalReach, readDocument, reach, viaServiceValues, type CallerDependence, type DocumentDecision, type ReadDocument, type StatementHit } from './policy-decision.js';
import type { AccessEntry, TakeoverEntry, WhoCanResult } from './result.js';
import { takeoverPaths } from './takeover.js';
import type { Outcome, Setting, Subject } from './setting.js';
import { counted } from '../counted.js';

export interface WhoCanInput {
  readonly keyArn: string;
  readonly keyPolicy: Record<string, unknown>;
  /** One get-account-authorization-details per account. */
  readonly accounts?: readonly AccountExport[];
  readonly grants?: readonly KeyGrant[];
  /** SCPs, one entry per level (root, OUs, account). */
  readonly scpLevels?: readonly OrgPolicyLevel[];
  readonly rcpLevels?: readonly OrgPolicyLevel[];
  readonly key?: KeyDescription;
  /** The actions to answer for (default: every action the key's spec allows). */
  readonly actions?: readonly string[];
  /** The organization's management account, to which SCPs and RCPs do not apply. */
  readonly managementAccount?: string;
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** The hit that needs the fewest unknown condition keys. */
function best(hits: readonly StatementHit[]): StatementHit | undefined {
  let out: StatementHit | undefined;
  for (const h of hits) if (!out || h.unresolved.length < out.unresolved.length) out = h;
  return out;
}

// Keys nobody can know about "anyone": who the caller is ("AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
const ANYONE_UNKNOWN = new Set(['kms:calleraccount', 'aws:principalaccount', 'aws:principalarn', 'aws:principaltype', 'aws:principalorgid', 'aws:principalisawsservice', 'aws:principaltag/']);

/**
 * The class a user's or role's answer is shared by, or undefined when it may be its own. When no policy
 * deciding the request reads the caller's ARN (see callerDependence) and the key policy does not name it,
 * the answer depends only on its kind, account, whether its account was given, whether it is service-linked,
 * which SCPs apply, the identity documents that reach the action and its boundary (the same document
 * objects: a managed policy is read once for every principal it is attached to), the action (evaluateSubject adds the service), and its tags
 * when some of those policies read them. Most roles of a big account share a few classes, each decided once.
 * Joined with NUL, which none of the parts holds.
 */
function classOf(s: Setting, subject: Subject, action: string): string | undefined {
  if ((subject.kind !== 'user' && subject.kind !== 'role') || subject.directLabels || s.dependence.arn || s.keyNames.byEntry.has(subject.arn)) return undefined;
  let tags = s.dependence.tags;
  let docs = '';
  for (const d of subject.identity) {
    if (!d.kms.allow.has(action) && !d.kms.deny.has(action)) continue;
    if (d.dependence.arn) return undefined;
    tags ||= d.dependence.tags;
    docs += `${d.id},`;
  }
  if (subject.boundary) {
    if (subject.boundary.dependence.arn) return undefined;
    tags ||= subject.boundary.dependence.tags;
    docs += `b${subject.boundary.id}`;
  }
  if (subject.scpApplies) {
    if (s.scpDependence.arn) return undefined;
    tags ||= s.scpDependence.tags;
  }
  return `${subject.kind}\u0000${subject.account}\u0000${subject.given}\u0000${subject.serviceLinked === true}\u0000${subject.scpApplies}\u0000${action}\u0000${docs}\u0000${tags ? tagText(subject.context) : ''}`;
}

/** The caller's tags in its request context, in order. */
function tagText(context: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(context).filter(([k]) => k.startsWith('aws:PrincipalTag/')));
}

/**
 * Whether `subject` may call `action` on the key (through `via`, or directly),
 * and by which statements. Undefined when some policy denies it for certain
 * or nothing allows it.
 */
export function evaluateSubject(s: Setting, subject: Subject, action: string, via: string | undefined, cls = classOf(s, subject, action)): Outcome | undefined {
  if (cls === undefined) return decideSubject(s, subject, action, via);
  const classKey = `${cls}\u0000${via ?? ''}`;
  if (s.classOutcomes.has(classKey)) return s.classOutcomes.get(classKey);
  const outcome = decideSubject(s, subject, action, via);
  s.classOutcomes.set(classKey, outcome);
  return outcome;
}

function decideSubject(s: Setting, subject: Subject, action: string, via: string | undefined): Outcome | undefined {
  const req = prepareRequest({
    principal: subject.caller ?? subject.arn,
    action,
    resource: s.keyArn,
    ...(via !== undefined ? { viaService: via } : {}),
    context: subject.context,
    knownPrefixes: subject.knownPrefixes,
    ...(subject.unknownKeys ? { unknownKeys: subject.unknownKeys } : {}),
    ...(subject.boundary ? { boundary: true } : {}),
  });
  const key = decide(s.keyDoc, req, 'key');
  if (key.allows.length === 0) return undefined; // the key policy must allow, whatever IAM says
  const ids: DocumentDecision[] = subject.identity.filter((d) => d.kms.allow.has(action) || d.kms.deny.has(action)).map((d) => decide(d.read, req, 'iam'));
  const boundary = subject.boundary ? decide(subject.boundary.read, req, 'iam') : undefined;
  const scp = subject.scpApplies ? s.scp.map((level) => level.map((d) => decide(d, req, 'iam'))) : [];
  // RCPs have Principal "*" and are read like resource policies; they only deny.
  const rcp = rcpAppliesTo(s, subject.serviceLinked === true, action) ? s.rcp.map((d) => decide(d, req, 'key')) : [];
  const denies = [...key.denies, ...ids.flatMap((d) => d.denies), ...(boundary?.denies ?? []), ...scp.flat().flatMap((d) => d.denies), ...rcp.flatMap((d) => d.denies)];
  if (denies.some((d) => d.unresolved.length === 0)) return undefined;

  // SCPs: every level of the organization must allow ("Service control policies",
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
  const scpHits: StatementHit[] = [];
  for (const level of scp) {
    const hit = best(level.flatMap((d) => d.allows));
    if (!hit) return undefined;
    scpHits.push(hit);
  }
  const keyDirect = best(key.allows.filter((h) => h.how !== 'account'));
  const keyAccount = best(key.allows.filter((h) => h.how === 'account'));
  const idHit = best(ids.flatMap((d) => d.allows));
  const boundaryHit = boundary ? best(boundary.allows) : undefined;
  const boundaryOk = !subject.boundary || boundaryHit !== undefined;
  const extra: string[] = [];
  let path: StatementHit[] | undefined;

  if (subject.kind === 'user' || subject.kind === 'role') {
    if (subject.account === s.keyAccount) {
      // In the key's account a key policy naming the principal is enough by itself. A permissions
      // boundary's implicit deny does not limit what a resource-based policy grants an IAM user's ARN,
      // but does limit what it grants a role's ARN ("Permissions boundaries for IAM entities",
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html, "Resource-based policies").
      const toSession = subject.directLabels ? best(key.allows.filter((h) => subject.directLabels!.has(h.label))) : undefined;
      if (toSession) path = [toSession];
      else if (keyDirect && (subject.kind === 'user' || boundaryOk)) path = [keyDirect, ...(subject.kind === 'role' && boundaryHit ? [boundaryHit] : [])];
      else if (keyAccount && idHit && boundaryOk) path = [keyAccount, idHit, ...(boundaryHit ? [boundaryHit] : [])];
    } else {
      // Across accounts both sides must allow ("Allowing users in other accounts to use a KMS key",
      // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html).
      const k = keyDirect ?? keyAccount;
      if (k && idHit && boundaryOk) path = [k, idHit, ...(boundaryHit ? [boundaryHit] : [])];
    }
  } else {
    const k = keyDirect ?? keyAccount;
    if (!k) return undefined;
    path = [k];
    if (subject.kind === 'root' && !subject.given && subject.account !== s.keyAccount) extra.push(`account ${subject.account}'s own IAM policies decide which of its principals get this (its exports were not given)`);
    if (subject.kind === 'external') extra.push('its own IAM policies must allow it too (its account exports were not given)');
    if (subject.kind === 'anyone') extra.push('any principal meeting the conditions; one in another account needs its own IAM allow too');
  }
  if (!path) return undefined;
  path.push(...scpHits);
  const conditions = unique([...path.flatMap((h) => h.unresolved), ...denies.flatMap((d) => d.unresolved)]);
  const lines = [...path.map((h) => h.label), ...extra, ...denies.map((d) => `unless ${d.label} applies (${d.unresolved.join(', ')})`)];
  return { conditions, path: lines };
}

/**
 * Whether the RCPs given bind a call. They do not apply to calls made by service-linked roles
 * ("Processing the request context", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-reqcontext.html:
 * "RCPs don't apply to resources in the organization management account and to calls made by
 * service-linked roles"), and "the kms:RetireGrant permission is not effective in an RCP, even if
 * the Action element specifies an asterisk" ("Resource control policies in AWS KMS",
 * https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html).
 */
export function rcpAppliesTo(s: Setting, serviceLinked: boolean, action: string): boolean {
  return s.rcpApplies && !serviceLinked && action !== 'kms:RetireGrant';
}

/** The session every request of a role is evaluated as: its name is not in the exports, so it is one no policy names. */
export const sessionOf = (p: IamPrincipal) => `arn:${p.arn.split(':')[1]}:sts::${p.account}:assumed-role/${p.name}/who-can-session`;

/**
 * A role session the key policy names by its ARN. "Permissions granted directly to a session are not
 * limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy"
 * ("Policy evaluation logic", IAM role session, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * in the key's account the statements naming it are enough by themselves; its role's policies, tags and SCPs still apply.
 */
function sessionSubject(s: Setting, entry: string, subjects: ReadonlyMap<string, Subject>): Subject | undefined {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(entry);
  const role = m ? s.accounts.get(m[2]!)?.roles.find((r) => r.name === m[3]) : undefined;
  const of = role ? subjects.get(role.arn) : undefined;
  return of ? { ...of, arn: entry, caller: entry, directLabels: statementsNaming(s.keyDoc, entry) } : undefined;
}

function principalSubject(s: Setting, account: AccountExport, p: IamPrincipal): Subject {
  // aws:PrincipalArn of a role session is the role's ARN, path included; aws:username exists only for
  // IAM users ("AWS global condition context keys", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
  const context: Record<string, string> = { 'aws:PrincipalIsAWSService': 'false', 'aws:PrincipalArn': p.arn };
  if (p.kind === 'user') context['aws:username'] = p.name;
  if (s.orgId) context['aws:PrincipalOrgID'] = s.orgId;
  for (const [k, v] of Object.entries(p.tags)) context[`aws:PrincipalTag/${k}`] = v;
  const boundary = boundaryDocument(account, p);
  return {
    arn: p.arn,
    ...(p.kind === 'role' ? { caller: sessionOf(p) } : {}),
    kind: p.kind,
    account: p.account,
    given: true,
    identity: identityDocuments(account, p).map((d) => s.index.get(forPrincipal(d, p))),
    ...(boundary ? { boundary: s.index.get(boundary) } : {}),
    // SCPs do not apply to the management account or to service-linked roles (as above).
    scpApplies: s.scp.length > 0 && p.account !== s.managementAccount && !p.serviceLinked,
    ...(p.serviceLinked ? { serviceLinked: true } : {}),
    context,
    // The export holds every tag of the user or role, so a tag it lacks is known to be absent.
    knownPrefixes: ['aws:principaltag/', ...(p.kind === 'role' ? ['aws:username'] : [])],
  };
}

/**
 * The actions worth evaluating for a subject: those the key policy gives it (or anyone) by name, and
 * those its identity policies reach that the key policy reaches at all. Every other action is
 * denied for certain, so it is never evaluated.
 */
function candidateActions(s: Setting, subject: Subject): string[] {
  const named = s.keyNames.byEntry.get(subject.arn);
  return s.actions.filter((a) => s.keyReach.has(a) && (s.keyNames.anyone.has(a) || named?.has(a) || subject.identity.some((d) => d.kms.allow.has(a))));
}

/**
 * How a call through a service no policy names is shown. A condition such as kms:GrantIsForAWSResource
 * or aws:ViaAWSService, or a Deny on kms:ViaService values, lets calls through services beyond the
 * ones named ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html):
 * who-can tries one such service, an endpoint no policy can name.
 */
export const ANY_OTHER_SERVICE = 'any other AWS service';
const unnamedService = (region: string) => `an-unnamed-service.${region}.amazonaws.com`;

/** Direct access, or else the services it works through. */
function accessFor(s: Setting, subject: Subject, wanted: readonly string[], external: boolean, principal = subject.arn): AccessEntry[] {
  // "*" may be anyone, in any account: keep every action and let the key policy's conditions say.
  const actions = subject.kind === 'anyone' || subject.account === s.keyAccount ? wanted : wanted.filter(worksAcrossAccounts);
  const vias = unique([...s.keyVia, ...s.orgVia, ...subject.identity.flatMap((d) => (d.kms.allow.size > 0 || d.kms.deny.size > 0 ? d.via : [])), ...(subject.boundary?.via ?? [])]);
  const out: AccessEntry[] = [];
  for (const action of actions) {
    // Its class for this action, worked out once for the direct call and every service.
    const cls = classOf(s, subject, action);
    const direct = evaluateSubject(s, subject, action, undefined, cls);
    if (direct) {
      out.push({ principal, action, via: 'direct', conditions: direct.conditions, external, path: direct.path });
      continue;
    }
    const services: string[] = [];
    let first: Outcome | undefined;
    const conditions = new Set<string>();
    for (const via of [...vias, unnamedService(s.region)]) {
      const o = evaluateSubject(s, subject, action, via, cls);
      if (!o) continue;
      services.push(vias.includes(via) ? via : ANY_OTHER_SERVICE);
      first ??= o;
      o.conditions.forEach((c) => conditions.add(c));
    }
    if (first) out.push({ principal, action, via: 'service', services, conditions: [...conditions], external, path: first.path });
  }
  return out;
}

const dependenceOf = (docs: readonly ReadDocument[]): CallerDependence =>
  docs.map(callerDependence).reduce((a, b) => ({ arn: a.arn || b.arn, tags: a.tags || b.tags }), { arn: false, tags: false });

const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const ARN_ACCOUNT = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/;

function setting(input: WhoCanInput): Setting {
  const parsed = parseKeyArn(input.keyArn);
  if (!parsed.ok) throw new TypeError(`${parsed.error.message}. ${parsed.error.hint}`);
  const k = parsed.value;
  const keyDoc = readDocument('key policy', input.keyPolicy);
  const actions = input.actions ?? keyActions(input.key, k.keyId);
  const accounts = new Map((input.accounts ?? []).map((a) => [a.account, a]));
  const awsManaged = input.key?.keyManager === 'AWS';
  const rcp = (input.rcpLevels ?? []).flatMap((l) => l.policies.map((p) => readDocument(p.label, p.document)));
  const scp = (input.scpLevels ?? []).map((l) => l.policies.map((p) => readDocument(p.label, p.document)));
  const orgId = [...(input.scpLevels ?? []), ...(input.rcpLevels ?? [])].map((l) => l.orgId).find((id) => id !== undefined);
  return {
    keyArn: k.arn,
    keyAccount: k.account,
    partition: k.partition,
    region: k.region,
    multiRegion: input.key?.multiRegion ?? k.keyId.startsWith('mrk-'),
    actions,
    keyDoc,
    keyReach: reach(keyDoc, k.arn).allow,
    keyNames: principalReach(keyDoc, k.arn),
    keyVia: viaServiceValues(keyDoc, k.region),
    orgVia: unique([...scp.flat(), ...rcp].flatMap((d) => viaServiceValues(d, k.region))),
    ...(orgId ? { orgId } : {}),
    scp,
    rcp,
    // RCPs do not apply to AWS managed keys ("Resource control policies in AWS KMS",
    // https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html) nor in the management account.
    rcpApplies: (input.rcpLevels ?? []).length > 0 && !awsManaged && k.account !== input.managementAccount,
    ...(input.managementAccount ? { managementAccount: input.managementAccount } : {}),
    index: new DocumentIndex(k.arn, k.region),
    accounts,
    dependence: dependenceOf([keyDoc, ...rcp]),
    scpDependence: dependenceOf(scp.flat()),
    classOutcomes: new Map(),
  };
}

function grantAccess(s: Setting, grant: KeyGrant, subjects: ReadonlyMap<string, Subject>): { access: AccessEntry[]; takeover: TakeoverEntry[] } {
  const grantee = grant.granteePrincipal;
  const account = ARN_ACCOUNT.exec(grantee)?.[1];
  const known = subjects.get(grantee);
  const service = account === undefined;
  const external = !service && !s.accounts.has(account);
  const constraint = grant.constraint;
  const conditions = constraint ? Object.keys(constraint.pairs).map((k) => `kms:EncryptionContext:${k}`) : [];
  const head = `grant ${grant.grantId}${grant.name ? ` ('${grant.name}')` : ''} gives ${grantee} ${grant.operations.map((o) => o.slice(4)).join(', ')}, no IAM policy needed`;
  const constraintLine = constraint
    ? `only with an encryption context ${constraint.kind === 'EncryptionContextEquals' ? 'exactly' : 'including'} ${Object.entries(constraint.pairs).map(([k, v]) => `${k}=${v}`).join(', ')} (${constraint.kind})`
    : undefined;
  const retiring = grant.retiringPrincipal ? `${grant.retiringPrincipal} may retire it` : undefined;
  const access: AccessEntry[] = [];
  const takeover: TakeoverEntry[] = [];
  const retiringEntry = retirement(s, grant, subjects, head);
  if (retiringEntry) access.push(retiringEntry);
  for (const op of grant.operations) {
    if (op === 'kms:RetireGrant' && retiringEntry?.principal === grantee) continue;
    if (!s.actions.includes(op)) continue;
    // A grant allows without any policy, but no permission survives an explicit deny
    // ("KMS key access and permissions", https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html;
    // "Grants in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/grants.html).
    const denial = grantDenied(s, known, grantee, op);
    if (denial === 'denied') continue;
    access.push({
      principal: grantee,
      action: op,
      via: 'grant',
      grantId: grant.grantId,
      conditions: unique([...(constrained(op) ? conditions : []), ...denial]),
      external,
      path: [head, ...(constraintLine ? [constraintLine] : []), ...(retiring ? [retiring] : [])],
    });
    if (op === 'kms:CreateGrant') {
      // A grantee with CreateGrant may create grants for a subset of the grant's operations, for any grantee
      // ("Grants in AWS KMS", as above, "Grant concepts"): the key's use spreads without a policy change.
      const strict = constraint ? ` (with an encryption context constraint at least as strict as ${constraint.kind})` : '';
      takeover.push({ principal: grantee, action: 'kms:CreateGrant', path: [head, `with CreateGrant in the grant it can grant ${grant.operations.map((o) => o.slice(4)).join(', ')} to any principal${strict}`] });
    }
  }
  return { access, takeover };
}

/**
 * Whether a grant's encryption-context constraint binds an operation: only operations that take an
 * encryption context; "Grants with grant constraints can include the DescribeKey and RetireGrant
 * operations, but the constraint doesn't apply to these operations", and with CreateGrant it binds the
 * grants created, not the call ("CreateGrant", Constraints,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html; "GrantConstraints",
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html).
 */
const constrained = (op: string) => CRYPTOGRAPHIC_ACTIONS.includes(op) && actionSupportsConditionKey(op, 'kms:EncryptionContext:x');

/**
 * The retiring principal may retire the grant with no policy allowing it ("Retiring and revoking grants",
 * https://docs.aws.amazon.com/kms/latest/developerguide/grant-delete.html: "A grant can be retired by
 * ... the retiring principal ... specified in the grant").
 */
function retirement(s: Setting, grant: KeyGrant, subjects: ReadonlyMap<string, Subject>, head: string): AccessEntry | undefined {
  const retiring = grant.retiringPrincipal;
  if (!retiring || !s.actions.includes('kms:RetireGrant')) return undefined;
  const denial = grantDenied(s, subjects.get(retiring), retiring, 'kms:RetireGrant');
  if (denial === 'denied') return undefined;
  const account = ARN_ACCOUNT.exec(retiring)?.[1];
  return {
    principal: retiring,
    action: 'kms:RetireGrant',
    via: 'grant',
    grantId: grant.grantId,
    conditions: unique(denial),
    external: account !== undefined && !s.accounts.has(account),
    path: [head, `${retiring} is its retiring principal: it may retire the grant, no policy needed`],
  };
}

/** 'denied' when a policy that applies to the grantee denies the operation for certain; else the condition keys of possible denies. */
function grantDenied(s: Setting, known: Subject | undefined, grantee: string, op: string): 'denied' | string[] {
  const iamArn = ARN_ACCOUNT.test(grantee);
  const context = known?.context ?? { 'aws:PrincipalIsAWSService': iamArn ? 'false' : 'true' };
  const req = prepareRequest({ principal: known?.caller ?? grantee, action: op, resource: s.keyArn, context, knownPrefixes: known?.knownPrefixes ?? (iamArn ? [] : ['aws:principaltag/']), ...(known?.boundary ? { boundary: true } : {}) });
  const docs: DocumentDecision[] = [decide(s.keyDoc, req, 'key'), ...(known?.identity ?? []).filter((d) => d.kms.deny.has(op)).map((d) => decide(d.read, req, 'iam'))];
  if (known?.boundary) docs.push(decide(known.boundary.read, req, 'iam'));
  if (known?.scpApplies) {
    for (const level of s.scp) {
      const decisions = level.map((d) => decide(d, req, 'iam'));
      if (!decisions.some((d) => d.allows.length > 0)) return 'denied';
      docs.push(...decisions);
    }
  }
  if (rcpAppliesTo(s, known?.serviceLinked === true, op)) docs.push(...s.rcp.map((d) => decide(d, req, 'key')));
  const denies = docs.flatMap((d) => d.denies);
  if (denies.some((d) => d.unresolved.length === 0)) return 'denied';
  return denies.flatMap((d) => d.unresolved);
}

/** The whole answer. Throws a TypeError only for a key ARN that does not parse. */
export function whoCan(input: WhoCanInput): WhoCanResult {
  const s = setting(input);
  const notes: string[] = [];
  const access: AccessEntry[] = [];
  const subjects = new Map<string, Subject>();
  const named = namedPrincipals(s.keyDoc);

  for (const account of s.accounts.values()) {
    notes.push(...account.notes);
    for (const p of [...account.users, ...account.roles]) {
      const subject = principalSubject(s, account, p);
      subjects.set(p.arn, subject);
      const actions = candidateActions(s, subject);
      if (actions.length > 0) access.push(...accessFor(s, subject, actions, false));
    }
  }

  // Account roots, principals of accounts not given, services and "*", as the key policy names them.
  for (const entry of named.aws) {
    // "You cannot use a wildcard to match part of a principal name or ARN" ("AWS JSON policy elements:
    // Principal", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
    if (/[*?]/.test(entry)) {
      notes.push(`the key policy names ${entry}: a wildcard inside a principal ARN is not supported, so the entry matches no principal (use "*" with an aws:PrincipalArn condition)`);
      continue;
    }
    const id = /^\d{12}$/.test(entry) ? entry : ROOT.exec(entry)?.[1];
    const account = id ?? ARN_ACCOUNT.exec(entry)?.[1];
    if (!account) continue;
    if (id === undefined && s.accounts.has(account)) {
      if (/^arn:[^:]+:sts::/.test(entry)) {
        const session = sessionSubject(s, entry, subjects);
        if (session) {
          access.push(...accessFor(s, session, s.actions.filter((a) => s.keyNames.byEntry.get(entry)?.has(a)), false));
          notes.push(`the key policy names the role session ${entry}: it is listed as a principal of its own; the role's other sessions are not covered by that statement`);
        } else notes.push(`the key policy names the role session ${entry}, whose role the export of account ${account} does not hold`);
      }
      else if (!subjects.has(entry)) notes.push(`the key policy names ${entry}, which the export of account ${account} does not hold (deleted, or renamed: AWS then shows its unique id)`);
      continue;
    }
    const arn = id !== undefined ? `arn:${s.partition}:iam::${id}:root` : entry;
    const given = s.accounts.has(account);
    const subject: Subject = {
      arn,
      kind: id !== undefined ? 'root' : 'external',
      account,
      given,
      identity: [],
      scpApplies: given && s.scp.length > 0 && account !== s.managementAccount,
      context: { 'aws:PrincipalIsAWSService': 'false', ...(given && s.orgId ? { 'aws:PrincipalOrgID': s.orgId } : {}) },
      // The root user has no tags; another account's principals have tags nobody here knows.
      knownPrefixes: id !== undefined ? ['aws:principaltag/'] : [],
    };
    access.push(...accessFor(s, subject, s.actions.filter((a) => s.keyReach.has(a)), !given));
  }
  for (const service of named.services) {
    // A service principal is bound by the key policy and RCPs, never by IAM policies or SCPs.
    const subject: Subject = { arn: service, kind: 'service', given: false, identity: [], scpApplies: false, context: { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': service }, knownPrefixes: ['aws:principaltag/', 'aws:principalorgid', 'aws:username'] };
    access.push(...accessFor(s, subject, s.actions.filter((a) => s.keyReach.has(a)), false));
  }
  if (named.anyone) {
    const subject: Subject = { arn: `arn:${s.partition}:iam::000000000000:role/who-can-anyone`, kind: 'anyone', given: false, identity: [], scpApplies: false, context: {}, knownPrefixes: [], unknownKeys: ANYONE_UNKNOWN };
    access.push(...accessFor(s, subject, s.actions.filter((a) => s.keyReach.has(a)), true, '*'));
  }

  const takeover: TakeoverEntry[] = [];
  for (const grant of input.grants ?? []) {
    const g = grantAccess(s, grant, subjects);
    access.push(...g.access);
    takeover.push(...g.takeover);
  }
  takeover.push(...takeoverPaths(s, access, subjects));
  notes.push(...assumptions(input, s));
  return { key: s.keyArn, access, takeover, notes: unique(notes) };
}

function assumptions(input: WhoCanInput, s: Setting): string[] {
  const notes: string[] = [];
  if ((input.accounts ?? []).length === 0) notes.push('no --account-details given: IAM users and roles are not listed, only what the key policy and grants name');
  if (!input.grants) notes.push('no grants given (aws kms list-grants): access through grants is not listed');
  if (!input.scpLevels?.length) notes.push('no SCPs given: none are assumed to restrict these principals');
  else notes.push(`the ${counted(input.scpLevels.length, 'SCP level')} given are taken to apply to every account given${s.managementAccount ? ` except the management account ${s.managementAccount}` : ''}`);
  if (!input.rcpLevels?.length) notes.push('no RCPs given: none are assumed to restrict the key');
  else if (!s.rcpApplies) notes.push(input.key?.keyManager === 'AWS' ? 'RCPs do not apply to AWS managed keys: the RCPs given were not applied' : 'RCPs do not apply in the management account: the RCPs given were not applied');
  if (!input.key) notes.push('no describe-key given: every action on a key was tried (the key spec may not support some)');
  if (s.accounts.size > 0) notes.push("aws:PrincipalTag of a role's sessions is taken from the role's tags; session tags passed when assuming it are not in the exports");
  return notes;
}
