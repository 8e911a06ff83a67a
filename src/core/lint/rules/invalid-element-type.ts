import { itemsOf, membersOf, type JsonNode, type Loc } from '../json-tree.js';
import type { DocumentRule, Report } from '../types.js';

const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];

function typeName(n: JsonNode): string {
  return n.type === 'null' ? 'null' : n.type === 'array' ? 'list' : n.type;
}

/**
 * Each element has a fixed shape [IAM User Guide: policies-grammar]: Version,
 * Id, Sid and Effect are strings; Action/Resource a string or a list of
 * strings; Condition an object of operator -> key -> value(s). AWS rejects
 * anything else. (Principal shapes are checked by KW404.)
 */
export const invalidElementType: DocumentRule = {
  code: 'KW102',
  name: 'invalid-element-type',
  severity: 'error',
  title: 'An element has the wrong JSON type',
  appliesTo: 'any',
  check(doc, report) {
    for (const name of ['Version', 'Id']) {
      const el = doc.elements.get(name);
      if (el && el.node.type !== 'string') report(el.loc, `"${el.name}" must be a string, not a ${typeName(el.node)}${name === 'Version' ? ': write "Version": "2012-10-17"' : ''}.`);
    }
    const st = doc.elements.get('Statement');
    if (st && st.node.type !== 'object' && st.node.type !== 'array') {
      report(st.loc, `"${st.name}" must be a list of statement objects, not a ${typeName(st.node)}.`);
    }
    if (st?.node.type === 'array') {
      for (const item of itemsOf(st.node, st.loc.pointer)) {
        if (item.node.type !== 'object') report(item.loc, `Each statement must be an object such as {"Effect": "Allow", ...}, not a ${typeName(item.node)}.`);
      }
    }
    for (const s of doc.statements) {
      for (const name of ['Sid', 'Effect']) {
        const el = s.elements.get(name);
        if (el && el.node.type !== 'string') report(el.loc, `"${el.name}" must be a string, not a ${typeName(el.node)}.`);
      }
      for (const name of LIST_ELEMENTS) {
        const el = s.elements.get(name);
        if (el) checkStringList(el.node, el.loc, el.name, report);
      }
      const cond = s.elements.get('Condition');
      if (cond) checkCondition(cond.node, cond.loc, report);
    }
  },
};

function checkStringList(node: JsonNode, loc: Loc, name: string, report: Report) {
  if (node.type === 'string') return;
  if (node.type !== 'array') {
    report(loc, `"${name}" must be a string or a list of strings, not a ${typeName(node)}.`);
    return;
  }
  const items = itemsOf(node, loc.pointer);
  if (items.length === 0) report(loc, `"${name}" is an empty list, so the statement matches nothing. List at least one value, or remove the statement.`);
  for (const item of items) {
    if (item.node.type !== 'string') report(item.loc, `Every value of "${name}" must be a string, not a ${typeName(item.node)}.`);
  }
}

function checkCondition(node: JsonNode, loc: Loc, report: Report) {
  if (node.type !== 'object') {
    report(loc, `"Condition" must be an object such as {"StringEquals": {"kms:CallerAccount": "111122223333"}}, not a ${typeName(node)}.`);
    return;
  }
  for (const op of membersOf(node, loc.pointer)) {
    if (op.node.type !== 'object') {
      report(op.loc, `The "${op.name}" block must be an object mapping condition keys to values, such as {"kms:CallerAccount": "111122223333"}, not a ${typeName(op.node)}.`);
      continue;
    }
    for (const key of membersOf(op.node, op.loc.pointer)) {
      const scalar = (n: JsonNode) => n.type === 'string' || n.type === 'number' || n.type === 'boolean';
      if (scalar(key.node)) continue;
      if (key.node.type !== 'array') {
        report(key.loc, `The value of "${key.name}" must be a string, number, boolean or a list of them, not a ${typeName(key.node)}.`);
        continue;
      }
      const items = itemsOf(key.node, key.loc.pointer);
      if (items.length === 0) report(key.loc, `"${key.name}" has an empty list of values, so the condition can never be true. List at least one value.`);
      for (const item of items) {
        if (!scalar(item.node)) report(item.loc, `Condition values must be strings, numbers or booleans, not a ${typeName(item.node)}.`);
      }
    }
  }
}
