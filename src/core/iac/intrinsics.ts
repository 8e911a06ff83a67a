// CloudFormation intrinsic functions, as far as a linter can know them before
// deployment. Pseudo parameters (and Fn::Join / Fn::Sub over them) become
// placeholder values, so ARNs and kms:ViaService values can be checked;
// anything that depends on the stack (Ref to a parameter or resource, GetAtt,
// ImportValue...) becomes an opaque value that no finding may be about.
// "Intrinsic function reference" and "Pseudo parameters reference",
// AWS CloudFormation User Guide.
import { TEMPLATE_ACCOUNT } from '../lint/principals.js';
import type { SourceNode } from './source-tree.js';

/** A value once intrinsics are evaluated; `opaque` is known only at deployment. */
export type PolicyValue =
  | { readonly type: 'object'; readonly offset: number; readonly entries: readonly { key: string; keyOffset: number; value: PolicyValue }[] }
  | { readonly type: 'array'; readonly offset: number; readonly items: readonly PolicyValue[] }
  | { readonly type: 'scalar'; readonly offset: number; readonly value: string | number | boolean | null }
  /**
   * `partial`: for an Fn::Sub or Fn::Join with literal text around the values
   * only deployment knows, the string with every known part filled in and the
   * unknown ones left as `${Name}` (`arn:aws:kms:us-east-1:123456789012:alias/${AliasName}`):
   * the literal parts (the service, `alias/`) can be checked even if a name cannot.
   */
  | { readonly type: 'opaque'; readonly offset: number; readonly what: string; readonly partial?: string };

/**
 * Placeholder values of the pseudo parameters. The account (AWS's
 * documentation example) is the stack's own, so the lint rules read its root
 * as the key's own account root (TEMPLATE_ACCOUNT).
 */
export const PSEUDO_PARAMETERS: Readonly<Record<string, string>> = {
  'AWS::AccountId': TEMPLATE_ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** A pseudo parameter's placeholder; an own property only, so `{"Ref": "constructor"}` or `${toString}` is an unknown name, not Object.prototype's. */
function pseudoParameter(name: string): string | undefined {
  return Object.hasOwn(PSEUDO_PARAMETERS, name) ? PSEUDO_PARAMETERS[name] : undefined;
}

const NO_VALUE = 'AWS::NoValue';
/** AWS::NoValue: the member or list item is removed. */
const REMOVED = Symbol('AWS::NoValue');
type Evaluated = PolicyValue | typeof REMOVED;

/** The intrinsic an object or tag stands for: `{"Ref": x}`, `{"Fn::Sub": x}`, `!Sub x`. */
function intrinsicOf(node: SourceNode): { name: string; arg: SourceNode } | undefined {
  if (node.type === 'tag') return { name: node.tag === 'Ref' || node.tag === 'Condition' ? node.tag : `Fn::${node.tag}`, arg: node.value };
  if (node.type !== 'object' || node.entries.length !== 1) return undefined;
  const [only] = node.entries;
  return only && (only.key === 'Ref' || only.key.startsWith('Fn::')) ? { name: only.key, arg: only.value } : undefined;
}

/** Evaluates a template value; AWS::NoValue at the top gives undefined. */
export function evaluate(node: SourceNode): PolicyValue | undefined {
  const v = evaluateNode(node, 0);
  return v === REMOVED ? undefined : v;
}

const MAX_DEPTH = 256;

function evaluateNode(node: SourceNode, depth: number): Evaluated {
  if (depth > MAX_DEPTH) return { type: 'opaque', offset: node.offset, what: 'a value nested too deep' };
  const fn = intrinsicOf(node);
  if (fn) return evaluateIntrinsic(fn.name, fn.arg, node.offset, depth + 1);
  switch (node.type) {
    case 'object': {
      const entries = node.entries.flatMap((e) => {
        const value = evaluateNode(e.value, depth + 1);
        return value === REMOVED ? [] : [{ key: e.key, keyOffset: e.keyOffset, value }];
      });
      return { type: 'object', offset: node.offset, entries };
    }
    case 'array': {
      const items = node.items.map((i) => evaluateNode(i, depth + 1)).filter((i): i is PolicyValue => i !== REMOVED);
      return { type: 'array', offset: node.offset, items };
    }
    case 'scalar':
      return node;
    case 'tag':
      return opaque(node.offset, `!${node.tag}`);
  }
}

function opaque(offset: number, what: string): PolicyValue {
  return { type: 'opaque', offset, what };
}

function stringValue(v: Evaluated): string | undefined {
  if (v === REMOVED || v.type !== 'scalar' || v.value === null) return undefined;
  return String(v.value);
}

function evaluateIntrinsic(name: string, arg: SourceNode, offset: number, depth: number): Evaluated {
  const describe = (detail: string | undefined) => `${name}${detail ? ` ${detail}` : ''}`;
  switch (name) {
    case 'Ref': {
      const ref = arg.type === 'scalar' ? String(arg.value) : undefined;
      if (ref === NO_VALUE) return REMOVED;
      const pseudo = ref === undefined ? undefined : pseudoParameter(ref);
      return pseudo !== undefined ? { type: 'scalar', offset, value: pseudo } : opaque(offset, describe(ref));
    }
    case 'Fn::If': {
      // Both branches may be deployed; the first one that is present is checked
      // (a statement under `!If [cond, {...}, !Ref AWS::NoValue]` counts as present).
      if (arg.type !== 'array' || arg.items.length !== 3) return opaque(offset, name);
      const then = evaluateNode(arg.items[1]!, depth);
      return then !== REMOVED ? then : evaluateNode(arg.items[2]!, depth);
    }
    case 'Fn::Join': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const delimiter = stringValue(evaluateNode(arg.items[0]!, depth));
      const list = evaluateNode(arg.items[1]!, depth);
      if (delimiter === undefined || list === REMOVED || list.type !== 'array') return opaque(offset, name);
      const parts = list.items.map(stringValue);
      if (parts.every((p) => p !== undefined)) return { type: 'scalar', offset, value: parts.join(delimiter) };
      const written = list.items.map((item, i) => parts[i] ?? (item.type === 'opaque' ? (item.partial ?? `\${${item.what}}`) : '${?}'));
      return withPartial(opaque(offset, name), written.join(delimiter));
    }
    case 'Fn::Sub':
      return evaluateSub(arg, offset, depth);
    case 'Fn::Select': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const index = Number(stringValue(evaluateNode(arg.items[0]!, depth)));
      const list = evaluateNode(arg.items[1]!, depth);
      if (list === REMOVED || list.type !== 'array' || !Number.isInteger(index)) return opaque(offset, name);
      return list.items[index] ?? opaque(offset, name);
    }
    case 'Fn::Split': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const delimiter = stringValue(evaluateNode(arg.items[0]!, depth));
      const text = stringValue(evaluateNode(arg.items[1]!, depth));
      if (!delimiter || text === undefined) return opaque(offset, name);
      return { type: 'array', offset, items: text.split(delimiter).map((value) => ({ type: 'scalar' as const, offset, value })) };
    }
    case 'Fn::GetAtt': {
      const target = arg.type === 'scalar' ? String(arg.value) : arg.type === 'array' ? arg.items.map((i) => (i.type === 'scalar' ? String(i.value) : '?')).join('.') : undefined;
      return opaque(offset, describe(target));
    }
    default:
      return opaque(offset, name);
  }
}

/** `${AWS::Region}` and variables of the map form are replaced; anything else makes the value opaque. */
function evaluateSub(arg: SourceNode, offset: number, depth: number): Evaluated {
  const template = arg.type === 'array' ? arg.items[0] : arg;
  const vars = arg.type === 'array' ? arg.items[1] : undefined;
  const text = template?.type === 'scalar' && typeof template.value === 'string' ? template.value : undefined;
  if (text === undefined) return opaque(offset, 'Fn::Sub');
  let unknown: string | undefined;
  const value = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`; // ${!Literal} is written as ${Literal}
    const name = inner.trim();
    const bound = vars?.type === 'object' ? vars.entries.find((e) => e.key === name) : undefined;
    const replaced = bound ? stringValue(evaluateNode(bound.value, depth)) : pseudoParameter(name);
    if (replaced === undefined) unknown ??= name;
    return replaced ?? whole;
  });
  return unknown === undefined ? { type: 'scalar', offset, value } : withPartial(opaque(offset, `Fn::Sub \${${unknown}}`), value);
}

/** An opaque value with its partial string, when that string has literal text outside the `${...}` it could not fill in. */
function withPartial(value: PolicyValue, partial: string): PolicyValue {
  return value.type === 'opaque' && partial.replace(/\$\{[^}]*\}/g, '') !== '' ? { ...value, partial } : value;
}
