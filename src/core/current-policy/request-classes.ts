// Classes of one caller's requests that get the same answers, so the access
// comparison decides one request per class. Only the statements that can
// apply to the caller (the Principal index, decide.ts candidateStatements)
// can tell two of its requests apart, so a caller named by few statements has
// few classes however long the policies are.
//   Actions: two actions are alike when every such statement's Action /
//   NotAction treats them the same and their requests carry the same
//   action-dependent condition keys (request-context.ts sets them by action).
//   Calls: the direct call is alone (no kms:ViaService, aws:ViaAWSService
//   false); calls through services differ only in the kms:ViaService value
//   and, for a multi-Region key, the replica called, so they are alike when
//   they call the same key and every such statement whose Condition mentions
//   kms:ViaService (as a key or in a policy variable) answers them alike.
import { actionSupportsConditionKey } from '../catalog/actions.js';
import { conditionsPass } from '../evaluate/conditions.js';
import type { PolicyDocumentView, PolicyStatement } from '../evaluate/policy-document.js';
import { principalCode } from '../evaluate/principal-match.js';
import { sharedRequestContext, type Caller } from '../evaluate/request-context.js';
import { wildcardMatch } from '../evaluate/wildcard.js';
import type { ViaValue } from '../evaluate/via-values.js';

/** Condition keys whose presence in a request depends on the action (request-context.ts sets them by action). */
const CLASS_KEYS = ['kms:ViaService', 'kms:GrantIsForAWSResource', 'kms:EncryptionContext:x'];

/** Each action's class (the index of its first action) and each call's class (0 the direct call). */
export interface RequestClasses {
  readonly actionClass: readonly number[];
  readonly viaClass: readonly number[];
}

/** The statements and request set one comparison classifies with, and what it works out once per statement. */
export class RequestClassifier {
  private readonly coverage = new Map<PolicyStatement, string>();
  private readonly viaAware = new Map<PolicyStatement, boolean>();
  private readonly actionKeys: readonly string[];

  /** One action called through services with kms:GrantIsForAWSResource in its requests and one without, of those asked. */
  private readonly grantVariants: readonly string[];
  private readonly versions = new Map<PolicyStatement, boolean>();

  /** `views`: the documents the statements come from (policy variables need a 2012-10-17 document). */
  constructor(
    private readonly actions: readonly string[],
    private readonly vias: readonly ViaValue[],
    private readonly keyArnFor: (via: ViaValue) => string,
    views: readonly PolicyDocumentView[],
  ) {
    this.actionKeys = actions.map((a) => CLASS_KEYS.map((k) => (actionSupportsConditionKey(a, k) ? '1' : '0')).join(''));
    const throughServices = actions.filter((a) => actionSupportsConditionKey(a, 'kms:ViaService'));
    this.grantVariants = [true, false].flatMap((grant) => throughServices.find((a) => actionSupportsConditionKey(a, 'kms:GrantIsForAWSResource') === grant) ?? []);
    for (const view of views) for (const s of view.statements) this.versions.set(s, view.version === '2012-10-17');
  }

  private variables(s: PolicyStatement): boolean {
    return this.versions.get(s) ?? false;
  }

  /** One character per action: does the statement's Action / NotAction cover it? */
  private covered(s: PolicyStatement): string {
    let bits = this.coverage.get(s);
    if (bits === undefined) {
      bits = this.actions
        .map((action) => {
          const hit = (s.action ?? s.notAction ?? []).some((p) => wildcardMatch(p, action, true));
          return (s.notAction ? !hit : hit) ? '1' : '0';
        })
        .join('');
      this.coverage.set(s, bits);
    }
    return bits;
  }

  /**
   * What the Conditions that see kms:ViaService answer for a call through
   * `via`, for requests with and without kms:GrantIsForAWSResource (the only
   * other key that depends on the action): calls with the same outcomes
   * (and the same key) get the same answers.
   */
  private viaOutcomes(caller: Caller, via: ViaValue, seeing: readonly PolicyStatement[]): string {
    let out = '';
    for (const action of this.grantVariants) {
      const ctx = sharedRequestContext({ principal: caller.arn, action, keyArn: this.keyArnFor(via), viaService: via.value });
      for (const s of seeing) out += conditionsPass(s.condition, ctx, this.variables(s)) ? '1' : '0';
    }
    return out;
  }

  /**
   * Callers with the same profile get the same answer to every request: the
   * same account, partition and kind of principal, named in the same way
   * (principal-match.ts principalCode) by the same statements, none of whose
   * Conditions can read what tells them apart (aws:PrincipalArn, directly or
   * through a policy variable). Undefined when one can: such a caller is
   * classified on its own. `named` lists, per key policy, the statements that
   * can apply to the caller; `statements` are all those and the IAM ones.
   */
  profile(caller: Caller, named: readonly (readonly PolicyStatement[])[], statements: readonly PolicyStatement[]): string | undefined {
    if (statements.some((s) => this.readsCaller(s))) return undefined;
    const codes = named.map((list) => list.map((s) => `${s.index}:${principalCode(s, caller)}`).join(','));
    return [caller.valid, caller.account, caller.partition, caller.kind, ...codes].join('|');
  }

  private readonly callerAware = new Map<PolicyStatement, boolean>();

  /** Whether the statement's Condition may read the caller's own ARN (or any key, through a policy variable). */
  private readsCaller(s: PolicyStatement): boolean {
    let reads = this.callerAware.get(s);
    if (reads === undefined) {
      const text = s.condition === undefined ? '' : conditionText(s.condition).toLowerCase();
      reads = text.includes('principalarn') || text.includes('${');
      this.callerAware.set(s, reads);
    }
    return reads;
  }

  /** Whether the statement's Condition can see the kms:ViaService value (condition key names are case-insensitive). */
  private seesViaService(s: PolicyStatement): boolean {
    let sees = this.viaAware.get(s);
    if (sees === undefined) {
      sees = s.condition !== undefined && conditionText(s.condition).toLowerCase().includes('viaservice');
      this.viaAware.set(s, sees);
    }
    return sees;
  }

  /**
   * For a caller that only `statements` can apply to: each action's class
   * (the index of its first action), and each call's class (0 the direct
   * call, then one per group of alike calls through the services `vias`).
   */
  classify(caller: Caller, statements: readonly PolicyStatement[]): RequestClasses {
    const bits = statements.map((s) => this.covered(s));
    const firstOf = new Map<string, number>();
    const actionClass = this.actions.map((_, a) => {
      let signature = this.actionKeys[a]!;
      for (const b of bits) signature += b[a];
      const first = firstOf.get(signature);
      if (first !== undefined) return first;
      firstOf.set(signature, a);
      return a;
    });
    const seeing = statements.filter((s) => this.seesViaService(s));
    const viaIds = new Map<string, number>();
    const viaClass = [0, ...this.vias.map((v) => {
      const k = `key ${this.keyArnFor(v)} ${seeing.length > 0 ? this.viaOutcomes(caller, v, seeing) : ''}`;
      let id = viaIds.get(k);
      if (id === undefined) viaIds.set(k, (id = viaIds.size + 1));
      return id;
    })];
    return { actionClass, viaClass };
  }
}

/** A Condition as text, for the kms:ViaService search; a value JSON cannot write (too deep) counts as mentioning everything. */
function conditionText(condition: unknown): string {
  try {
    return JSON.stringify(condition) ?? '';
  } catch {
    return 'viaservice principalarn ${';
  }
}
