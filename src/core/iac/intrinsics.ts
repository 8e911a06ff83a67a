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

/**
 * How far intrinsic expansion may go in one template: each Fn::Sub variable or
 * Fn::Join item may itself be an Fn::Sub or Fn::Join, so a few KB of template
 * can expand to gigabytes. The limits are checked as the expansion goes, and
 * are far above what a deployable template reaches: CloudFormation takes a
 * template body of 51,200 bytes inline and at most about 1 MB from S3 ("AWS
 * CloudFormation quotas", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html),
 * and the templates of test/corpus expand to at most 259 characters and 71 values.
 */
export interface IntrinsicLimits {
  /** Characters of the strings Fn::Sub, Fn::Join and Fn::Split produce, in all. */
  readonly maxChars: number;
  /** Values evaluated (each template value, and each item Fn::Split makes). */
  readonly maxSteps: number;
}

export const DEFAULT_INTRINSIC_LIMITS: IntrinsicLimits = { maxChars: 10 * 1024 * 1024, maxSteps: 1_000_000 };

/** Which limit a too-large expansion hit, and where; `resource` is the template's logical id, when known. */
export class IntrinsicLimitError extends Error {
  constructor(
    readonly limit: 'chars' | 'steps',
    readonly max: number,
    readonly offset: number,
    readonly resource: string | undefined,
  ) {
    const what = limit === 'chars' ? `more than ${max.toLocaleString('en-US')} characters of text` : `more than ${max.toLocaleString('en-US')} values`;
    super(`${resource === undefined ? 'its intrinsic functions' : `the intrinsic functions of resource ${resource}`} expand to ${what}`);
  }

  /** The limit's name and the variable that raises it, for a reader that takes its limits from the environment. */
  get raise(): string {
    return this.limit === 'chars' ? 'the intrinsic text limit; raise it with KMS_WIZARD_INTRINSIC_MAX_CHARS' : 'the intrinsic step limit; raise it with KMS_WIZARD_INTRINSIC_MAX_STEPS';
  }
}

/** What one template's expansion has used; shared by every evaluate() of the template. */
export class ExpansionBudget {
  private chars = 0;
  private steps = 0;
  /** The resource being evaluated, for the error's message. */
  resource: string | undefined;

  constructor(private readonly limits: IntrinsicLimits = DEFAULT_INTRINSIC_LIMITS) {}

  step(offset: number, count = 1): void {
    this.steps += count;
    if (this.steps > this.limits.maxSteps) throw new IntrinsicLimitError('steps', this.limits.maxSteps, offset, this.resource);
  }

  /** Called before a string of `count` characters is made. */
  text(offset: number, count: number): void {
    this.chars += count;
    if (this.chars > this.limits.maxChars) throw new IntrinsicLimitError('chars', this.limits.maxChars, offset, this.resource);
  }

  /** How many more values may be evaluated. */
  get stepsLeft(): number {
    return this.limits.maxSteps - this.steps;
  }
}

/**
 * Evaluates a template value; AWS::NoValue at the top gives undefined. Throws
 * IntrinsicLimitError when the expansion goes past the budget's limits.
 */
export function evaluate(node: SourceNode, budget: ExpansionBudget = new ExpansionBudget()): PolicyValue | undefined {
  const v = evaluateNode(node, 0, budget);
  return v === REMOVED ? undefined : v;
}

const MAX_DEPTH = 256;

function evaluateNode(node: SourceNode, depth: number, budget: ExpansionBudget): Evaluated {
  if (depth > MAX_DEPTH) return { type: 'opaque', offset: node.offset, what: 'a value nested too deep' };
  budget.step(node.offset);
  const fn = intrinsicOf(node);
  if (fn) return evaluateIntrinsic(fn.name, fn.arg, node.offset, depth + 1, budget);
  switch (node.type) {
    case 'object': {
      const entries = node.entries.flatMap((e) => {
        const value = evaluateNode(e.value, depth + 1, budget);
        return value === REMOVED ? [] : [{ key: e.key, keyOffset: e.keyOffset, value }];
      });
      return { type: 'object', offset: node.offset, entries };
    }
    case 'array': {
      const items = node.items.map((i) => evaluateNode(i, depth + 1, budget)).filter((i): i is PolicyValue => i !== REMOVED);
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

function evaluateIntrinsic(name: string, arg: SourceNode, offset: number, depth: number, budget: ExpansionBudget): Evaluated {
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
      const then = evaluateNode(arg.items[1]!, depth, budget);
      return then !== REMOVED ? then : evaluateNode(arg.items[2]!, depth, budget);
    }
    case 'Fn::Join': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const delimiter = stringValue(evaluateNode(arg.items[0]!, depth, budget));
      const list = evaluateNode(arg.items[1]!, depth, budget);
      if (delimiter === undefined || list === REMOVED || list.type !== 'array') return opaque(offset, name);
      const parts = list.items.map(stringValue);
      const written = list.items.map((item, i) => parts[i] ?? (item.type === 'opaque' ? (item.partial ?? `\${${item.what}}`) : '${?}'));
      budget.text(offset, joinedLength(written, delimiter));
      if (parts.every((p) => p !== undefined)) return { type: 'scalar', offset, value: parts.join(delimiter) };
      return withPartial(opaque(offset, name), written.join(delimiter));
    }
    case 'Fn::Sub':
      return evaluateSub(arg, offset, depth, budget);
    case 'Fn::Select': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const index = Number(stringValue(evaluateNode(arg.items[0]!, depth, budget)));
      const list = evaluateNode(arg.items[1]!, depth, budget);
      if (list === REMOVED || list.type !== 'array' || !Number.isInteger(index)) return opaque(offset, name);
      return list.items[index] ?? opaque(offset, name);
    }
    case 'Fn::Split': {
      if (arg.type !== 'array' || arg.items.length !== 2) return opaque(offset, name);
      const delimiter = stringValue(evaluateNode(arg.items[0]!, depth, budget));
      const text = stringValue(evaluateNode(arg.items[1]!, depth, budget));
      if (!delimiter || text === undefined) return opaque(offset, name);
      budget.text(offset, text.length);
      // At most one item past the steps left, so a split into millions of items is refused before it is made.
      const pieces = text.split(delimiter, Math.max(0, budget.stepsLeft) + 1);
      budget.step(offset, pieces.length);
      return { type: 'array', offset, items: pieces.map((value) => ({ type: 'scalar' as const, offset, value })) };
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
function evaluateSub(arg: SourceNode, offset: number, depth: number, budget: ExpansionBudget): Evaluated {
  const template = arg.type === 'array' ? arg.items[0] : arg;
  const vars = arg.type === 'array' ? arg.items[1] : undefined;
  const text = template?.type === 'scalar' && typeof template.value === 'string' ? template.value : undefined;
  if (text === undefined) return opaque(offset, 'Fn::Sub');
  let unknown: string | undefined;
  // Each variable is evaluated once, however often the text names it.
  const values = new Map<string, string | undefined>();
  const valueOf = (name: string): string | undefined => {
    if (values.has(name)) return values.get(name);
    const bound = vars?.type === 'object' ? vars.entries.find((e) => e.key === name) : undefined;
    const replaced = bound ? stringValue(evaluateNode(bound.value, depth, budget)) : pseudoParameter(name);
    values.set(name, replaced);
    return replaced;
  };
  budget.text(offset, text.length);
  const value = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`; // ${!Literal} is written as ${Literal}
    const name = inner.trim();
    const replaced = valueOf(name);
    if (replaced === undefined) unknown ??= name;
    else budget.text(offset, replaced.length);
    return replaced ?? whole;
  });
  return unknown === undefined ? { type: 'scalar', offset, value } : withPartial(opaque(offset, `Fn::Sub \${${unknown}}`), value);
}

/** The length of `parts.join(delimiter)`, without making it. */
function joinedLength(parts: readonly string[], delimiter: string): number {
  return parts.reduce((sum, p) => sum + p.length, 0) + delimiter.length * Math.max(0, parts.length - 1);
}

/** An opaque value with its partial string, when that string has literal text outside the `${...}` it could not fill in. */
function withPartial(value: PolicyValue, partial: string): PolicyValue {
  return value.type === 'opaque' && partial.replace(/\$\{[^}]*\}/g, '') !== '' ? { ...value, partial } : value;
}
