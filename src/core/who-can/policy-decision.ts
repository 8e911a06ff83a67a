// The one place who-can calls into the evaluator (src/core/evaluate/): it asks
// "does this document allow, or explicitly deny, this request, through which
// statement, and which condition keys could not be resolved offline?". The
// statements are matched by the evaluator's own matchStatement (principal,
// action, resource, conditions, wildcards, policy variables), never by a
// second matcher here; switching to the evaluator's decision-only mode means
// changing this file alone.
import { KMS_ACTIONS } from '../catalog/actions.js';
import { readPolicyDocument, type PolicyDocumentView, type PolicyStatement } from '../evaluate/policy-document.js';
import { buildRequestContext, type RequestContext } from '../evaluate/request-context.js';
import { matchStatement, type PolicyKind } from '../evaluate/statement-match.js';
import type { PrincipalMatch, StatementTrace } from '../evaluate/trace.js';
import { arnMatch, wildcardMatch } from '../evaluate/wildcard.js';

/** A document read once, with the label its statements are named by in access paths. */
export interface ReadDocument {
  readonly label: string;
  readonly view: PolicyDocumentView;
  /** Policy variables work only in 2012-10-17 documents [reference_policies_variables]. */
  readonly variables: boolean;
}

export function readDocument(label: string, document: unknown): ReadDocument {
  const view = readPolicyDocument(document);
  return { label, view, variables: view.version === '2012-10-17' };
}

/** One request: who, what, on which resource, through which service, with which known context. */
export interface DecisionRequest {
  readonly principal: string;
  readonly action: string;
  /** The key ARN (or, for IAM writes, the IAM resource ARN). */
  readonly resource: string;
  readonly viaService?: string;
  /** Condition keys known offline (principal tags, aws:PrincipalIsAWSService, ...). */
  readonly context?: Readonly<Record<string, string>>;
  /** Keys to treat as unknown even when the request context holds them (lower case), e.g. the caller's account for "*". */
  readonly unknownKeys?: ReadonlySet<string>;
  /** Key prefixes whose absence is a known fact (lower case), e.g. `aws:principaltag/` when the tags came from the export. */
  readonly knownPrefixes?: readonly string[];
  /** The caller is an IAM user or role with a permissions boundary (see {@link decide} on NotPrincipal). */
  readonly boundary?: boolean;
}

/** A request with its context built once, for every document it is asked of. */
export interface PreparedRequest {
  readonly ctx: RequestContext;
  readonly isUnknown: (key: string) => boolean;
  readonly boundary: boolean;
}

// Keys whose absence is itself the fact: a direct call carries no kms:ViaService
// ("AWS KMS condition keys", https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service).
const ALWAYS_KNOWN = ['kms:viaservice', 'aws:viaawsservice', 'kms:grantisforawsresource', 'kms:callerAccount'.toLowerCase()];

export function prepareRequest(req: DecisionRequest): PreparedRequest {
  const ctx = buildRequestContext({
    principal: req.principal,
    action: req.action,
    keyArn: req.resource,
    ...(req.viaService !== undefined ? { viaService: req.viaService } : {}),
    ...(req.context ? { context: { ...req.context } } : {}),
  });
  const unknown = req.unknownKeys;
  const prefixes = req.knownPrefixes ?? [];
  const isUnknown = (key: string): boolean => {
    const k = key.toLowerCase();
    if (k === '') return false; // a malformed operator, not a key: the statement simply fails
    if (unknown?.has(k) || (unknown && [...unknown].some((u) => u.endsWith('/') && k.startsWith(u)))) return true;
    if (ctx.values.has(k) || ALWAYS_KNOWN.includes(k)) return false;
    return !prefixes.some((p) => k.startsWith(p));
  };
  return { ctx, isUnknown, boundary: req.boundary === true };
}

/** A statement that applies, or may apply depending on condition keys unknown offline. */
export interface StatementHit {
  /** `key policy statement 'Allow use'` or `role inline policy 'app' statement #2`. */
  readonly label: string;
  /** Condition keys the answer depends on (empty: it applies for certain). */
  readonly unresolved: readonly string[];
  /** Key policies: how the Principal named the caller. */
  readonly how?: PrincipalMatch;
}

export interface DocumentDecision {
  readonly allows: readonly StatementHit[];
  readonly denies: readonly StatementHit[];
}

function statementLabel(doc: ReadDocument, t: { readonly sid?: string | undefined; readonly index: number }): string {
  return `${doc.label} statement ${t.sid ? `'${t.sid}'` : `#${t.index + 1}`}`;
}

/** The labels of a key policy's statements whose Principal names `entry` itself (an AWS entry, as written). */
export function statementsNaming(doc: ReadDocument, entry: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const stmt of doc.view.statements) {
    const p = stmt.hasPrincipal ? stmt.principal : undefined;
    const aws = typeof p === 'object' && p !== null && !Array.isArray(p) ? [(p as Record<string, unknown>).AWS].flat() : [];
    if (aws.includes(entry)) out.add(statementLabel(doc, stmt));
  }
  return out;
}

function classify(doc: ReadDocument, t: StatementTrace, isUnknown: (k: string) => boolean): StatementHit | undefined {
  if (t.effect === 'invalid') return undefined;
  const unresolved = [...new Set(t.conditions.filter((c) => isUnknown(c.key)).map((c) => c.key))];
  const how = t.principalMatch ? { how: t.principalMatch } : {};
  if (t.applies) return { label: statementLabel(doc, t), unresolved, ...how };
  // Failed only on keys nobody can know offline: it may apply, depending on them.
  if (t.failedAt === 'condition' && t.conditions.filter((c) => !c.passed).every((c) => isUnknown(c.key))) return { label: statementLabel(doc, t), unresolved, ...how };
  return undefined;
}

// The statements of a document whose Action (or NotAction) can cover an action, worked out once per
// document and action: most statements of a large account never mention KMS, and skipping them
// before the evaluator traces them is most of who-can's speed.
const byAction = new WeakMap<ReadDocument, Map<string, readonly PolicyStatement[]>>();

function statementsFor(doc: ReadDocument, action: string): readonly PolicyStatement[] {
  let known = byAction.get(doc);
  if (!known) byAction.set(doc, (known = new Map()));
  let list = known.get(action);
  if (!list) {
    // Statements without a readable Action stay in: the evaluator says why they never apply.
    list = doc.view.statements.filter((stmt) => (!stmt.action && !stmt.notAction) || statementActions(stmt, [action]).length > 0);
    known.set(action, list);
  }
  return list;
}

// "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a
// permissions boundary policy attached, regardless of the values specified in the NotPrincipal
// element" ("Permissions boundaries for IAM entities",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html): for such a
// caller the statement is read as if its Principal were "*".
const boundaryReadings = new WeakMap<PolicyStatement, PolicyStatement>();

function asAnyone(stmt: PolicyStatement): PolicyStatement {
  let read = boundaryReadings.get(stmt);
  if (!read) {
    const { notPrincipal: _listed, ...rest } = stmt;
    read = { ...rest, hasNotPrincipal: false, hasPrincipal: true, principal: '*' };
    boundaryReadings.set(stmt, read);
  }
  return read;
}

/** Every Allow and Deny statement of one document that applies (or may) to the request. */
export function decide(doc: ReadDocument, req: PreparedRequest, kind: PolicyKind): DocumentDecision {
  const allows: StatementHit[] = [];
  const denies: StatementHit[] = [];
  for (const listed of statementsFor(doc, req.ctx.action)) {
    const stmt = req.boundary && kind === 'key' && listed.effect === 'Deny' && listed.hasNotPrincipal ? asAnyone(listed) : listed;
    const hit = classify(doc, matchStatement(stmt, req.ctx, doc.label, kind, doc.variables), req.isUnknown);
    if (hit) (stmt.effect === 'Deny' ? denies : allows).push(hit);
  }
  return { allows, denies };
}

/** What a document's statements can reach, for indexing: which actions of a list its Allow and Deny statements cover on a resource. */
export interface DocumentReach {
  readonly allow: ReadonlySet<string>;
  readonly deny: ReadonlySet<string>;
}

/** The characters of a pattern before its first wildcard: a value it matches starts with them. */
const literalPrefix = (pattern: string) => {
  const i = pattern.search(/[*?]/);
  return i < 0 ? pattern : pattern.slice(0, i);
};

// The lower-case service prefixes ("kms:", "iam:") of an action list, worked out once per list.
const servicesOf = new WeakMap<readonly string[], readonly string[]>();

function services(actions: readonly string[]): readonly string[] {
  let found = servicesOf.get(actions);
  if (!found) servicesOf.set(actions, (found = [...new Set(actions.map((a) => a.slice(0, a.indexOf(':') + 1).toLowerCase()))]));
  return found;
}

/** An action pattern with the lower-case characters before its first wildcard: an action it matches starts with them. */
interface ActionPattern {
  readonly pattern: string;
  readonly prefix: string;
}

/**
 * The patterns that can match some action of `actions` (actions compare case-insensitively): a pattern
 * whose literal prefix neither starts with nor is the start of one of their service prefixes
 * (`s3:Get*` against `kms:`) matches none of them, whatever follows.
 */
function patternsFor(patterns: readonly string[], actions: readonly string[]): ActionPattern[] {
  const prefixes = services(actions);
  const out: ActionPattern[] = [];
  for (const pattern of patterns) {
    const prefix = literalPrefix(pattern).toLowerCase();
    if (prefixes.some((s) => s.startsWith(prefix) || prefix.startsWith(s))) out.push({ pattern, prefix });
  }
  return out;
}

/** Whether one of the patterns matches the action; a quick prefix test first. */
const anyMatches = (patterns: readonly ActionPattern[], action: string): boolean => {
  const lower = action.toLowerCase();
  return patterns.some((p) => lower.startsWith(p.prefix) && wildcardMatch(p.pattern, action, true));
};

function statementActions(stmt: PolicyStatement, actions: readonly string[]): string[] {
  if (stmt.action) {
    const patterns = patternsFor(stmt.action, actions);
    return patterns.length === 0 ? [] : actions.filter((a) => anyMatches(patterns, a));
  }
  if (stmt.notAction) {
    const patterns = patternsFor(stmt.notAction, actions);
    return patterns.length === 0 ? [...actions] : actions.filter((a) => !anyMatches(patterns, a));
  }
  return [];
}

/** Whether a Resource pattern matches an ARN; a quick prefix test first (ARNs compare case-sensitively). */
function resourceMatches(pattern: string, arn: string): boolean {
  return arn.startsWith(literalPrefix(pattern)) && arnMatch(pattern, arn);
}

function statementResource(stmt: PolicyStatement, resource: string | undefined): boolean {
  if (resource === undefined) return true;
  if (stmt.resource) return stmt.resource.some((p) => resourceMatches(p, resource));
  if (stmt.notResource) return !stmt.notResource.some((p) => resourceMatches(p, resource));
  return false;
}

/**
 * The actions (of `actions`, default every KMS action) the document's statements
 * could allow or deny on `resource` (undefined: any resource), ignoring
 * principals and conditions: a superset, used only to skip documents that cannot matter.
 */
export function reach(doc: ReadDocument, resource: string | undefined, actions: readonly string[] = KMS_ACTIONS): DocumentReach {
  const allow = new Set<string>();
  const deny = new Set<string>();
  for (const stmt of doc.view.statements) {
    if (!stmt.effect || !statementResource(stmt, resource)) continue;
    for (const a of statementActions(stmt, actions)) (stmt.effect === 'Deny' ? deny : allow).add(a);
  }
  return { allow, deny };
}

/**
 * Whether the document's Allow statements reach `action` on a resource, as `reach(doc, resource, [action]).allow`
 * says, with the statements that name the action picked once: for testing many resources against one action.
 */
export function allowsOn(doc: ReadDocument, action: string): (resource: string) => boolean {
  const statements = doc.view.statements.filter((stmt) => stmt.effect && stmt.effect !== 'Deny' && statementActions(stmt, [action]).length > 0);
  // Each statement's Resource (or NotResource) patterns with their literal prefixes, as statementResource reads them.
  const tests = statements.map((stmt) => {
    const listed = stmt.resource ?? stmt.notResource;
    if (!listed) return () => false;
    const patterns = listed.map((pattern) => ({ pattern, prefix: literalPrefix(pattern) }));
    const matches = (arn: string) => patterns.some((p) => arn.startsWith(p.prefix) && arnMatch(p.pattern, arn));
    return stmt.resource ? matches : (arn: string) => !matches(arn);
  });
  return (resource) => tests.some((covers) => covers(resource));
}

/** The kms:ViaService values a document's String conditions name (Allow or Deny, positive or negated), `*` in the Region slot read as `region`. */
export function viaServiceValues(doc: ReadDocument, region: string): string[] {
  const out = new Set<string>();
  for (const stmt of doc.view.statements) {
    const cond = stmt.condition;
    if (typeof cond !== 'object' || cond === null || Array.isArray(cond)) continue;
    for (const [operator, block] of Object.entries(cond as Record<string, unknown>)) {
      if (!/string/i.test(operator) || typeof block !== 'object' || block === null) continue;
      for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
        if (key.toLowerCase() !== 'kms:viaservice') continue;
        for (const v of [raw].flat()) {
          if (typeof v !== 'string') continue;
          const concrete = v.replace(/^([a-z0-9-]+)\.\*\.amazonaws\.com$/, `$1.${region}.amazonaws.com`).toLowerCase();
          if (/^[a-z0-9][a-z0-9-]*\.[a-z0-9-]+\.amazonaws\.com$/.test(concrete)) out.add(concrete);
        }
      }
    }
  }
  return [...out];
}

/** Who a key policy's statements name: AWS entries (ARNs, account ids), Service entries, and whether any statement covers anyone ("*" or NotPrincipal). */
export interface NamedPrincipals {
  readonly aws: readonly string[];
  readonly services: readonly string[];
  readonly anyone: boolean;
}

export function namedPrincipals(doc: ReadDocument): NamedPrincipals {
  const aws = new Set<string>();
  const services = new Set<string>();
  let anyone = false;
  for (const stmt of doc.view.statements) {
    if (stmt.effect !== 'Allow') continue;
    if (stmt.hasNotPrincipal) anyone = true;
    const p = stmt.principal;
    if (p === '*') anyone = true;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) continue;
    for (const [kind, value] of Object.entries(p as Record<string, unknown>)) {
      for (const v of [value].flat()) {
        if (typeof v !== 'string') continue;
        if (kind === 'AWS') {
          if (v === '*') anyone = true;
          else aws.add(v);
        } else if (kind === 'Service') services.add(v);
      }
    }
  }
  return { aws: [...aws], services: [...services], anyone };
}

/** Which actions the key policy's Allow statements reach for whom: statements naming anyone, and per AWS entry named. */
export interface PrincipalReach {
  readonly anyone: ReadonlySet<string>;
  readonly byEntry: ReadonlyMap<string, ReadonlySet<string>>;
}

export function principalReach(doc: ReadDocument, resource: string, actions: readonly string[] = KMS_ACTIONS): PrincipalReach {
  const anyone = new Set<string>();
  const byEntry = new Map<string, Set<string>>();
  for (const stmt of doc.view.statements) {
    if (stmt.effect !== 'Allow' || !statementResource(stmt, resource)) continue;
    const reached = statementActions(stmt, actions);
    const p = stmt.principal;
    const entries = typeof p === 'object' && p !== null && !Array.isArray(p) ? [(p as Record<string, unknown>).AWS].flat().filter((v): v is string => typeof v === 'string') : [];
    if (stmt.hasNotPrincipal || p === '*' || entries.includes('*')) reached.forEach((a) => anyone.add(a));
    for (const e of entries) {
      if (e === '*') continue;
      let set = byEntry.get(e);
      if (!set) byEntry.set(e, (set = new Set()));
      reached.forEach((a) => set!.add(a));
    }
  }
  return { anyone, byEntry };
}

/**
 * What of the caller, beyond its account and kind, a document's answer can depend on: its ARN
 * (a NotPrincipal, aws:PrincipalArn, aws:userid, aws:username or a policy variable), or its tags
 * (aws:PrincipalTag). Documents that depend on neither answer alike for every caller of one
 * account and kind, which lets who-can answer thousands of such callers once.
 */
export interface CallerDependence {
  readonly arn: boolean;
  readonly tags: boolean;
}

export function callerDependence(doc: ReadDocument): CallerDependence {
  let arn = false;
  let tags = false;
  for (const stmt of doc.view.statements) {
    if (stmt.hasNotPrincipal) arn = true;
    const cond = stmt.condition;
    if (typeof cond !== 'object' || cond === null) continue;
    const text = JSON.stringify(cond).toLowerCase();
    if (text.includes('${') || /"aws:(principalarn|userid|username|sourceidentity)"/.test(text)) arn = true;
    if (text.includes('"aws:principaltag/')) tags = true;
  }
  return { arn, tags };
}
