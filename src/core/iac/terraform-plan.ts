// The key and IAM policies of a Terraform plan in JSON (`terraform show -json
// PLAN`): "JSON Output Format", Terraform documentation. Policies are JSON
// strings there; findings point into the string, in the plan file. A plan
// runs to tens of megabytes (23 MB for 10,000 keys), so it is read with
// JSON.parse and no position tree: the offsets of the policies and resources
// reported are found afterwards, in one scan of the text (json-offsets.ts).
import type { PolicyKind } from '../lint/types.js';
import { itemsAt as items, memberAt as memberOf, OffsetRequests, stringAt as stringOf, stringLiteralEnd, type JsonAt, type OffsetSlot } from './json-offsets.js';
import { planKeyFacts } from './key-facts.js';
import type { IacNote } from './notes.js';
import { stringLiteralOffsets, type ExtractedPolicy, type FoundPolicies } from './policy-text.js';
import type { DuplicateKey } from './source-tree.js';

/** Resource types and the attribute holding their policy (aws provider). */
const POLICY_ATTRIBUTES: Readonly<Record<string, { attribute: string; kind: PolicyKind | undefined }>> = {
  aws_kms_key: { attribute: 'policy', kind: 'key' },
  aws_kms_replica_key: { attribute: 'policy', kind: 'key' },
  aws_kms_key_policy: { attribute: 'policy', kind: 'key' },
  aws_iam_policy: { attribute: 'policy', kind: 'iam' },
  aws_iam_role_policy: { attribute: 'policy', kind: 'iam' },
  aws_iam_user_policy: { attribute: 'policy', kind: 'iam' },
  aws_iam_group_policy: { attribute: 'policy', kind: 'iam' },
  // A policy document may become a key policy or an IAM policy: detected from its content.
  aws_iam_policy_document: { attribute: 'json', kind: undefined },
};

/** A plan, told apart from other JSON by format_version next to a plan or state section. */
export function isTerraformPlan(root: JsonAt): boolean {
  return stringOf(memberOf(root, 'format_version')) !== undefined &&
    ['planned_values', 'resource_changes', 'prior_state', 'terraform_version', 'values'].some((k) => memberOf(root, k) !== undefined);
}

/** One resource instance as the plan describes it. */
interface Instance {
  readonly address: string;
  readonly type: string;
  readonly node: JsonAt;
  readonly values: JsonAt | undefined;
  /** change.after_unknown, for resource_changes. */
  readonly unknown: JsonAt | undefined;
}

/** What an instance gives once offsets are known: its policies and notes, in file order. */
type Emit = (policies: ExtractedPolicy[], notes: IacNote[]) => void;

/**
 * Every policy of the plan. Each resource instance is read once, from the
 * first of: resource_changes[].change.after (which also says what is
 * unknown until apply), planned_values, prior_state (data sources read during
 * planning are there). Instances the plan deletes are skipped. A state file
 * (`terraform show -json` without a plan) has its resources under values.
 * `raw` is the text `root` was parsed from; the names it writes twice come back too.
 */
export function planPolicies(root: JsonAt, raw: string): FoundPolicies & { readonly duplicates: readonly DuplicateKey[] } {
  const instances = new Map<string, Instance>();
  const deleted = new Set<string>();
  for (const change of items(memberOf(root, 'resource_changes'))) {
    const address = stringOf(memberOf(change, 'address'));
    const type = stringOf(memberOf(change, 'type'));
    const detail = memberOf(change, 'change');
    if (!address || !type) continue;
    const actions = items(memberOf(detail, 'actions')).map(stringOf);
    if (actions.length === 1 && actions[0] === 'delete') {
      deleted.add(address);
      continue;
    }
    const after = memberOf(detail, 'after');
    instances.set(address, { address, type, node: change, values: isObject(after) ? after : undefined, unknown: memberOf(detail, 'after_unknown') });
  }
  const fromModule = (module: JsonAt | undefined) => {
    for (const r of moduleResources(module)) {
      const address = stringOf(memberOf(r, 'address'));
      const type = stringOf(memberOf(r, 'type'));
      if (address && type && !instances.has(address) && !deleted.has(address)) instances.set(address, { address, type, node: r, values: memberOf(r, 'values'), unknown: undefined });
    }
  };
  fromModule(memberOf(memberOf(root, 'planned_values'), 'root_module'));
  fromModule(memberOf(memberOf(memberOf(root, 'prior_state'), 'values'), 'root_module'));
  fromModule(memberOf(memberOf(root, 'values'), 'root_module'));

  const config = memberOf(root, 'configuration');
  const offsets = new OffsetRequests();
  const found = [...instances.values()].flatMap((inst) => {
    const emit = instanceEmit(inst, config, offsets, raw);
    return emit ? [{ at: offsets.want(inst.node), emit }] : [];
  });
  const duplicates = offsets.scan(raw);
  const policies: ExtractedPolicy[] = [];
  const notes: IacNote[] = [];
  for (const f of found.sort((a, b) => a.at.offset - b.at.offset)) f.emit(policies, notes);
  return { policies, notes, duplicates };
}

/** What one instance gives (asking for the offsets it needs), or undefined when nothing. */
function instanceEmit(inst: Instance, config: JsonAt | undefined, offsets: OffsetRequests, raw: string): Emit | undefined {
  const emits: Emit[] = [];
  const spec = Object.hasOwn(POLICY_ATTRIBUTES, inst.type) ? POLICY_ATTRIBUTES[inst.type] : undefined;
  if (spec) {
    const value = memberOf(inst.values, spec.attribute);
    const unknown = isTrue(memberOf(inst.unknown, spec.attribute));
    const text = stringOf(value);
    if (text !== undefined && text.trim() !== '') {
      const at = offsets.want(value!);
      // A key is named in IAM policies by its ARN (known once it exists).
      const refs = ['arn', 'key_id'].map((a) => stringOf(memberOf(inst.values, a))).filter((r): r is string => r !== undefined && r !== '');
      const key = spec.kind === 'key' && refs.length > 0 ? { keyRefs: refs, key: planKeyFacts(inst.type, inst.values?.value, inst.unknown?.value, refs) } : {};
      emits.push((policies) => policies.push(stringPolicy(inst.address, spec.kind, raw, at, key)));
    } else if (inst.type === 'aws_kms_key' && !unknown) {
      const at = offsets.want(inst.node);
      emits.push((_, notes) => notes.push({ resource: inst.address, kind: 'key', offset: at.offset, note: 'default-key-policy' }));
    } else if (unknown) {
      const note = inst.type === 'aws_kms_key' ? unsetKeyPolicy(config, inst.address) : 'unknown-until-apply';
      const at = offsets.want(value ?? inst.node);
      if (note) emits.push((_, notes) => notes.push({ resource: inst.address, kind: spec.kind ?? 'iam', offset: at.offset, note }));
    }
  }
  if (inst.type === 'aws_iam_role') emits.push(...inlinePolicies(inst, offsets, raw));
  return emits.length === 0 ? undefined : (policies, notes) => emits.forEach((e) => e(policies, notes));
}

/**
 * A policy written as a JSON string; `at` has been scanned. Its text is
 * decoded from the file each time it is read rather than kept: a plan's
 * policies are most of the plan, and the linter reads each a few times.
 */
function stringPolicy(resource: string, kind: PolicyKind | undefined, raw: string, at: OffsetSlot, key: Pick<ExtractedPolicy, 'keyRefs' | 'key'> = {}): ExtractedPolicy {
  const start = at.offset;
  const end = stringLiteralEnd(raw, start);
  return {
    resource,
    kind,
    get text() {
      return JSON.parse(raw.slice(start, end)) as string;
    },
    fileOffset: stringLiteralOffsets(raw, start),
    opaque: [],
    ...key,
  };
}

/** aws_iam_role.inline_policy: a list of {name, policy} blocks. */
function inlinePolicies(inst: Instance, offsets: OffsetRequests, raw: string): Emit[] {
  const unknownList = memberOf(inst.unknown, 'inline_policy');
  return items(memberOf(inst.values, 'inline_policy')).flatMap((block, i): Emit[] => {
    const name = stringOf(memberOf(block, 'name'));
    const resource = `${inst.address}.inline_policy[${name !== undefined ? JSON.stringify(name) : i}]`;
    const value = memberOf(block, 'policy');
    const text = stringOf(value);
    const unknown = isTrue(unknownList) || isTrue(memberOf(items(unknownList)[i], 'policy'));
    if (text !== undefined && text.trim() !== '') {
      const at = offsets.want(value!);
      return [(policies) => policies.push(stringPolicy(resource, 'iam', raw, at))];
    }
    if (!unknown) return [];
    const at = offsets.want(block);
    return [(_, notes) => notes.push({ resource, kind: 'iam', offset: at.offset, note: 'unknown-until-apply' })];
  });
}

/**
 * A planned aws_kms_key's policy is unknown both when its configuration sets
 * it from unknown values and when it sets none (the provider computes the
 * default policy). The configuration section tells them apart; a key whose
 * policy an aws_kms_key_policy sets gets nothing here (that resource is read).
 */
function unsetKeyPolicy(config: JsonAt | undefined, address: string): IacNote['note'] | undefined {
  const located = configOf(config, address);
  if (!located) return 'unknown-until-apply';
  if (memberOf(memberOf(located.resource, 'expressions'), 'policy') !== undefined) return 'unknown-until-apply';
  const setElsewhere = items(memberOf(located.module, 'resources')).some(
    (r) => stringOf(memberOf(r, 'type')) === 'aws_kms_key_policy' &&
      items(memberOf(memberOf(memberOf(r, 'expressions'), 'key_id'), 'references')).some((ref) => {
        const s = stringOf(ref);
        return s === located.name || s?.startsWith(`${located.name}.`);
      }),
  );
  return setElsewhere ? undefined : 'default-key-policy';
}

/** The configuration block of a resource instance address, and the module that holds it. */
function configOf(config: JsonAt | undefined, address: string): { module: JsonAt; resource: JsonAt; name: string } | undefined {
  let module = memberOf(config, 'root_module');
  let rest = address;
  for (let m = /^module\.([^.[]+)(\[[^\]]*\])?\./.exec(rest); m; m = /^module\.([^.[]+)(\[[^\]]*\])?\./.exec(rest)) {
    module = memberOf(memberOf(memberOf(module, 'module_calls'), m[1]!), 'module');
    rest = rest.slice(m[0].length);
  }
  const name = rest.replace(/\[[^\]]*\]$/, '');
  const resource = items(memberOf(module, 'resources')).find((r) => stringOf(memberOf(r, 'address')) === name);
  return module && resource ? { module, resource, name } : undefined;
}

/** The resources of a module and, recursively, of its child modules. */
function moduleResources(module: JsonAt | undefined, depth = 0): JsonAt[] {
  if (!module || depth > 64) return [];
  return [...items(memberOf(module, 'resources')), ...items(memberOf(module, 'child_modules')).flatMap((c) => moduleResources(c, depth + 1))];
}

function isObject(node: JsonAt | undefined): node is JsonAt {
  return typeof node?.value === 'object' && node.value !== null && !Array.isArray(node.value);
}

function isTrue(node: JsonAt | undefined): boolean {
  return node?.value === true;
}
