// Who can change who may use the key (issue 19, "takeover"):
// - kms:PutKeyPolicy rewrites the key policy (the AWS managed policy
//   PowerUserAccess allows it: it allows every action but iam:, organizations:
//   and account: ones, https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html);
// - kms:CreateGrant without kms:GrantIsForAWSResource hands the key's use to
//   any principal ("AWS KMS condition keys", kms:GrantIsForAWSResource,
//   https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html);
// - kms:ReplicateKey on a multi-Region key makes a replica whose key policy
//   the caller chooses ("Controlling access to multi-Region keys",
//   https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html);
// - IAM writes, where the key policy lets IAM policies decide.
import type { Outcome, Setting, Subject } from './setting.js';
import { allowsOn, decide, prepareRequest, type ReadDocument, type StatementHit } from './policy-decision.js';
import type { AccessEntry, TakeoverEntry } from './result.js';
import { IAM_WRITE_ACTIONS, IAM_WRITE_TARGET } from './takeover-actions.js';

const best = (hits: readonly StatementHit[]) => hits.reduce<StatementHit | undefined>((b, h) => (!b || h.unresolved.length < b.unresolved.length ? h : b), undefined);

/** The key policy statement that lets IAM policies of `account` decide, if any (probed with a role of that account). */
function delegation(s: Setting, account: string): string | undefined {
  const probe = `arn:${s.partition}:iam::${account}:role/who-can-probe`;
  for (const action of s.actions) {
    for (const via of [undefined, ...s.keyVia]) {
      const req = prepareRequest({ principal: probe, action, resource: s.keyArn, ...(via ? { viaService: via } : {}), context: {}, knownPrefixes: [] });
      const hit = decide(s.keyDoc, req, 'key').allows.find((h) => h.how === 'account');
      if (hit) return hit.label;
    }
  }
  return undefined;
}

/** Whether the subject's identity policies (within its boundary and SCPs) allow an IAM action on `resource`. */
function iamAllows(s: Setting, subject: Subject, action: string, resource: string): Outcome | undefined {
  const req = prepareRequest({ principal: subject.caller ?? subject.arn, action, resource, context: subject.context, knownPrefixes: subject.knownPrefixes });
  const ids = subject.identity.filter((d) => d.iam.allow.has(action) || d.iam.deny.has(action)).map((d) => decide(d.read, req, 'iam'));
  const boundary = subject.boundary ? decide(subject.boundary.read, req, 'iam') : undefined;
  const scp = subject.scpApplies ? s.scp.map((level) => level.map((d) => decide(d, req, 'iam'))) : [];
  const denies = [...ids.flatMap((d) => d.denies), ...(boundary?.denies ?? []), ...scp.flat().flatMap((d) => d.denies)];
  if (denies.some((d) => d.unresolved.length === 0)) return undefined;
  const idHit = best(ids.flatMap((d) => d.allows));
  if (!idHit) return undefined;
  const boundaryHit = boundary ? best(boundary.allows) : undefined;
  if (boundary && !boundaryHit) return undefined;
  const scpHits: StatementHit[] = [];
  for (const level of scp) {
    const hit = best(level.flatMap((d) => d.allows));
    if (!hit) return undefined;
    scpHits.push(hit);
  }
  const used = [idHit, ...(boundaryHit ? [boundaryHit] : []), ...scpHits];
  return { conditions: [...new Set([...used, ...denies].flatMap((h) => h.unresolved))], path: used.map((h) => h.label) };
}

const targetLists = new WeakMap<object, Map<string, readonly string[]>>();

/** The ARNs an IAM write can act on in the subject's account (the subject itself first), or the roles that use the key for PassRole. */
function targets(s: Setting, subject: Subject, action: string, usingKey: ReadonlySet<string>): readonly string[] {
  const account = s.accounts.get(subject.account!);
  if (!account) return [];
  let lists = targetLists.get(account);
  if (!lists) targetLists.set(account, (lists = new Map()));
  const type = action === 'iam:PassRole' ? 'passrole' : IAM_WRITE_TARGET[action]!;
  let all = lists.get(type);
  if (!all) {
    all =
      // PassRole matters for roles that can already use the key: a compute service then runs code as them.
      type === 'passrole' ? account.roles.filter((r) => usingKey.has(r.arn)).map((r) => r.arn)
      : type === 'role' ? account.roles.map((r) => r.arn)
      : type === 'user' ? account.users.map((u) => u.arn)
      : type === 'group' ? [...account.groups.values()].map((g) => g.arn)
      : [...account.policies.keys()].filter((arn) => arn.includes(`::${account.account}:`));
    lists.set(type, all);
  }
  return all;
}

/** Every item of several collections, lazily: the first target that works ends the search. */
function* each<T>(lists: readonly Iterable<T>[]): Generator<T> {
  for (const list of lists) yield* list;
}

const coveredCache = new WeakMap<ReadDocument, Map<string, ReadonlySet<string>>>();

/** The targets (of `list`, an account's targets for `action`) an Allow statement of `doc` covers, ignoring conditions; cached per document, action and account. */
function coveredTargets(doc: ReadDocument, action: string, account: string, list: readonly string[]): ReadonlySet<string> {
  let byAction = coveredCache.get(doc);
  if (!byAction) coveredCache.set(doc, (byAction = new Map()));
  const key = `${action} ${account}`;
  let found = byAction.get(key);
  if (!found) byAction.set(key, (found = new Set(list.filter(allowsOn(doc, action)))));
  return found;
}

const WHY: Record<string, string> = {
  'kms:PutKeyPolicy': 'can replace the key policy, and with it every access to the key',
  'kms:CreateGrant': 'can create grants without kms:GrantIsForAWSResource: it can give the key\'s use to any principal, with no policy change',
  'kms:ReplicateKey': 'can replicate this multi-Region key into another Region with a key policy of its choosing',
};

export function takeoverPaths(s: Setting, access: readonly AccessEntry[], subjects: ReadonlyMap<string, Subject>): TakeoverEntry[] {
  const out: TakeoverEntry[] = [];
  const seen = new Set<string>();
  const add = (t: TakeoverEntry) => {
    const id = `${t.principal}\u0000${t.action}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(t);
    }
  };
  for (const a of access) {
    if (a.via === 'grant') continue; // grants' own takeovers are listed with the grant
    const takes = a.action === 'kms:PutKeyPolicy' || (a.action === 'kms:CreateGrant' && a.via === 'direct') || (a.action === 'kms:ReplicateKey' && s.multiRegion);
    if (!takes) continue;
    const power = a.path.some((p) => p.includes("'PowerUserAccess'")) ? ['PowerUserAccess allows every action except iam:*, organizations:* and account:* (NotAction), kms:* included'] : [];
    add({ principal: a.principal, action: a.action, path: [...a.path, ...power, `${WHY[a.action]}${a.conditions.length > 0 ? ` (if ${a.conditions.join(', ')} allow)` : ''}`] });
  }

  const usingKey = new Set(access.filter((a) => a.via !== 'grant').map((a) => a.principal));
  for (const account of s.accounts.values()) {
    const delegating = delegation(s, account.account);
    if (!delegating) continue;
    for (const p of [...account.users, ...account.roles]) {
      const subject = subjects.get(p.arn);
      if (!subject) continue;
      const writes = IAM_WRITE_ACTIONS.filter((w) => subject.identity.some((d) => d.iam.allow.has(w)));
      for (const w of writes) {
        const list = targets(s, subject, w, usingKey);
        // Cheap first: only a target some Allow statement's Resource covers is worth a full evaluation.
        // Worked out once per document and action: a managed policy is shared by many principals.
        const covered = subject.identity.filter((d) => d.iam.allow.has(w)).map((d) => coveredTargets(d.read, w, account.account, list));
        // Only targets some Allow statement covers; the subject itself first (self-service policies are the common path).
        const tried = new Set<string>();
        const candidates = [...(covered.some((c) => c.has(subject.arn)) ? [[subject.arn]] : []), ...covered];
        for (const target of each(candidates)) {
          if (tried.has(target)) continue;
          tried.add(target);
          const o = iamAllows(s, subject, w, target);
          if (!o) continue;
          const what = w === 'iam:PassRole' ? `with a compute service (EC2, Lambda, ...) it can run code as ${target}, which can use the key` : `on ${target}${target === p.arn ? ' (itself)' : ''}: it can give principals of account ${account.account} the access the key policy delegates`;
          add({ principal: p.arn, action: w, path: [...o.path, `${delegating} lets IAM policies in account ${account.account} decide`, what, ...(o.conditions.length > 0 ? [`if ${o.conditions.join(', ')} allow`] : [])] });
          break;
        }
      }
    }
  }
  return out;
}
