// The policy as the rules see it: every element with where it was written.
// Misspelled element names ("Pricipal", "Actions") are read as the element
// they were meant to be, so one typo gives one finding and the rest of the
// statement is still checked.
import { classifyNames, DOCUMENT_ELEMENTS, kindFromStatements, STATEMENT_ELEMENTS, type DocumentKind } from '../policy-kind.js';
import { effectiveMembers, itemsOf, lastCopies, membersOf, scalarsOf, stringsOf, type JsonNode, type Loc, type Located, type Member } from './json-tree.js';
import { parseOperator, type ParsedOperator } from './operators.js';

/** What a template or plan says about the key a key policy belongs to. */
export interface KeyFacts {
  /** KeySpec as written, SYMMETRIC_DEFAULT when not written; undefined when only deployment knows. */
  readonly keySpec: string | undefined;
  /** KeyUsage as written, ENCRYPT_DECRYPT when not written; undefined when only deployment knows. */
  readonly keyUsage: string | undefined;
  /** Text that, in an IAM policy's Resource, names this key (its ARN, `${Fn::GetAtt Key.Arn}`...). */
  readonly refs: readonly string[];
}

/** The kinds lint checks as KMS policies (and `--type` can force). */
export type PolicyKind = 'key' | 'iam';

export { DOCUMENT_ELEMENTS, STATEMENT_ELEMENTS, detectKind, type DocumentKind } from '../policy-kind.js';

/** An element of a document or statement: exactly named, or a misspelling of it. */
export interface Element extends Member {
  /** The element it stands for (`Principal` for a member written `Pricipal`). */
  readonly canonical: string;
  readonly misspelled: boolean;
}

/** One key under one operator in a Condition block. */
export interface ConditionEntry {
  readonly operator: string;
  readonly operatorLoc: Loc;
  /** Undefined when the operator is not one AWS knows. */
  readonly op: ParsedOperator | undefined;
  readonly key: string;
  readonly keyLoc: Loc;
  readonly valueLoc: Loc;
  readonly values: Located<string | number | boolean>[];
}

/** One entry of a Principal map: `"AWS": "arn:..."` gives type AWS. */
export interface PrincipalEntry {
  readonly type: string;
  readonly value: string;
  readonly loc: Loc;
}

export interface PrincipalModel {
  readonly element: Element;
  readonly negated: boolean;
  /** `"Principal": "*"` or `{"AWS": "*"}`. */
  readonly star: boolean;
  readonly entries: PrincipalEntry[];
}

export interface StatementModel {
  readonly index: number;
  readonly node: JsonNode;
  readonly loc: Loc;
  /** Statement members that are neither an element nor a misspelling of one. */
  readonly unknown: Member[];
  readonly elements: ReadonlyMap<string, Element>;
  readonly sid?: string;
  readonly effect?: string;
  readonly principal?: PrincipalModel;
  readonly actions: Located<string>[];
  /** True when the actions come from NotAction. */
  readonly notAction: boolean;
  readonly resources: Located<string>[];
  readonly notResource: boolean;
  readonly conditions: ConditionEntry[];
}

export interface PolicyModel {
  /** `trust` and `resource` (not KMS policies) are detected, never forced; lint runs no KMS rule on them. */
  readonly kind: DocumentKind;
  readonly text: string;
  readonly root: JsonNode;
  readonly elements: ReadonlyMap<string, Element>;
  readonly unknown: Member[];
  readonly statements: StatementModel[];
  /** For a key policy from a template or plan: what the file says about its key. */
  readonly key?: KeyFacts;
}

// Written out rather than spread ({ ...member, canonical }): a spread copy of
// every member was the model build's largest single cost (issue 21's profile).
function elementOf(m: Member, canonical: string, misspelled: boolean): Element {
  return { name: m.name, nameLoc: m.nameLoc, node: m.node, loc: m.loc, canonical, misspelled };
}

/**
 * Sorts an object's members into elements (exact names first, then the
 * closest misspelling of a missing element) and unknown members. An element
 * written twice is read as AWS reads it: the last copy (see effectiveMembers);
 * the earlier copies are left out of the model (KW113 reports them).
 */
export function classifyMembers(members: Member[], known: readonly string[]): { elements: Map<string, Element>; unknown: Member[] } {
  // Only the last copy of a name counts (KW113 reports the earlier ones).
  const kept = lastCopies(members);
  const classified = classifyNames(kept.map((m) => m.name), known);
  const elements = new Map<string, Element>();
  for (const [canonical, { index, misspelled }] of classified.elements) elements.set(canonical, elementOf(kept[index]!, canonical, misspelled));
  return { elements, unknown: classified.unknown.map((i) => kept[i]!) };
}

/** The statement objects: `Statement` may be one object or a list of them. */
function statementNodes(el: Element | undefined): { node: JsonNode; loc: Loc; index: number }[] {
  if (!el) return [];
  if (el.node.type === 'object') return [{ node: el.node, loc: el.loc, index: 0 }];
  return itemsOf(el.node, el.loc.pointer)
    .map((item, index) => ({ ...item, index }))
    .filter((i) => i.node.type === 'object');
}

function conditionsOf(el: Element | undefined): ConditionEntry[] {
  if (!el) return [];
  const out: ConditionEntry[] = [];
  for (const opMember of effectiveMembers(el.node, el.loc.pointer)) {
    const op = parseOperator(opMember.name);
    for (const keyMember of effectiveMembers(opMember.node, opMember.loc.pointer)) {
      out.push({
        operator: opMember.name,
        operatorLoc: opMember.nameLoc,
        op,
        key: keyMember.name,
        keyLoc: keyMember.nameLoc,
        valueLoc: keyMember.loc,
        values: scalarsOf(keyMember.node, keyMember.loc.pointer),
      });
    }
  }
  return out;
}

function principalOf(elements: ReadonlyMap<string, Element>): PrincipalModel | undefined {
  const el = elements.get('Principal') ?? elements.get('NotPrincipal');
  if (!el) return undefined;
  const negated = el.canonical === 'NotPrincipal';
  if (el.node.type === 'string') {
    return { element: el, negated, star: el.node.value === '*', entries: [] };
  }
  const entries: PrincipalEntry[] = [];
  for (const m of effectiveMembers(el.node, el.loc.pointer)) {
    for (const v of stringsOf(m.node, m.loc.pointer)) entries.push({ type: m.name, value: v.value, loc: v.loc });
  }
  return { element: el, negated, star: entries.some((e) => e.type === 'AWS' && e.value === '*'), entries };
}

function statementOf(index: number, node: JsonNode, loc: Loc): StatementModel {
  const { elements, unknown } = classifyMembers(membersOf(node, loc.pointer), STATEMENT_ELEMENTS);
  const str = (name: string) => {
    const el = elements.get(name);
    return el?.node.type === 'string' ? (el.node.value as string) : undefined;
  };
  const actionEl = elements.get('Action') ?? elements.get('NotAction');
  const resourceEl = elements.get('Resource') ?? elements.get('NotResource');
  const sid = str('Sid');
  const effect = str('Effect');
  const principal = principalOf(elements);
  return {
    index,
    node,
    loc,
    unknown,
    elements,
    ...(sid !== undefined ? { sid } : {}),
    ...(effect !== undefined ? { effect } : {}),
    ...(principal ? { principal } : {}),
    actions: actionEl ? stringsOf(actionEl.node, actionEl.loc.pointer) : [],
    notAction: actionEl?.canonical === 'NotAction',
    resources: resourceEl ? stringsOf(resourceEl.node, resourceEl.loc.pointer) : [],
    notResource: resourceEl?.canonical === 'NotResource',
    conditions: conditionsOf(elements.get('Condition')),
  };
}

/** Builds the model of a parsed JSON object; `forced` overrides kind detection. */
export function buildModel(text: string, root: JsonNode, forced: PolicyKind | undefined, key?: KeyFacts): PolicyModel {
  const { elements, unknown } = classifyMembers(membersOf(root, ''), DOCUMENT_ELEMENTS);
  const statements = statementNodes(elements.get('Statement')).map((s) => statementOf(s.index, s.node, s.loc));
  return { kind: forced ?? kindOfModel(statements), text, root, elements, unknown, statements, ...(key ? { key } : {}) };
}

/** detectKind's rule (src/core/policy-kind.ts) on the statements as lint reads them. */
function kindOfModel(statements: StatementModel[]): DocumentKind {
  return kindFromStatements(
    statements.map((s) => ({
      principal: s.elements.has('Principal') || s.elements.has('NotPrincipal'),
      actions: s.notAction ? [] : s.actions.map((a) => a.value),
      notAction: s.notAction,
    })),
  );
}

/** A short, human name for a statement: its Sid, else its position (1-based). */
export function statementLabel(s: StatementModel): string {
  return s.sid ? `statement "${s.sid}"` : `statement ${s.index + 1}`;
}

/** statementLabel for the start of a sentence. */
export function statementTitle(s: StatementModel): string {
  const label = statementLabel(s);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
