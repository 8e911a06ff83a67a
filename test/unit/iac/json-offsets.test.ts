// The offsets scan (json-offsets.ts) against the position-keeping parser
// (json-source.ts): for JSON of any shape, layout and escapes, with names
// written twice, the scan gives every value the offset the parser gives it,
// and lists the same duplicate names in the same order.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { itemsAt, memberAt, OffsetRequests, type JsonAt, type OffsetSlot } from '../../../src/core/iac/json-offsets.js';
import { parseJsonSource } from '../../../src/core/iac/json-source.js';
import type { SourceNode } from '../../../src/core/iac/source-tree.js';

/** A JSON value that may write a name twice: objects are lists of members. */
type Written = { members: [string, Written][] } | { items: Written[] } | { scalar: string | number | boolean | null };

const names = fc.constantFrom('a', 'b', 'Policy', 'é', 'a/b', '__proto__', 'constructor', '0', 'x"y', 'tab\t');
const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', 'é', '\u{1F511}', '<', '\u2028', ' ') });
const { written } = fc.letrec<{ written: Written }>((tie) => ({
  written: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar: fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null)) }),
    fc.record({ members: fc.array(fc.tuple(names, tie('written')), { maxLength: 5 }) }),
    fc.record({ items: fc.array(tie('written'), { maxLength: 4 }) }),
  ),
}));
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  ');

/** A string literal, some characters written as \u escapes. */
function literal(value: string, escapeAll: boolean): string {
  const plain = JSON.stringify(value);
  return escapeAll ? plain.replace(/[a-zé<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : plain;
}

function serialize(w: Written, ws: () => string, escapeAll: boolean): string {
  if ('scalar' in w) return typeof w.scalar === 'string' ? literal(w.scalar, escapeAll) : JSON.stringify(w.scalar);
  if ('items' in w) return `[${ws()}${w.items.map((x) => serialize(x, ws, escapeAll)).join(`${ws()},${ws()}`)}${ws()}]`;
  return `{${ws()}${w.members.map(([k, v]) => `${literal(k, escapeAll)}${ws()}:${ws()}${serialize(v, ws, escapeAll)}`).join(`${ws()},${ws()}`)}${ws()}}`;
}

/** Every value of the tree with its JsonAt, asking the scan for each offset. */
function ask(node: SourceNode, at: JsonAt, requests: OffsetRequests, out: [SourceNode, OffsetSlot][]): void {
  out.push([node, requests.want(at)]);
  if (node.type === 'object') for (const e of node.entries) ask(e.value, memberAt(at, e.key)!, requests, out);
  if (node.type === 'array') node.items.forEach((item, i) => ask(item, itemsAt(at)[i]!, requests, out));
}

describe('OffsetRequests.scan', () => {
  test('gives each value the offset the position-keeping parser gives it, and the same duplicate names', () => {
    fc.assert(
      fc.property(written, fc.array(space, { minLength: 1, maxLength: 8 }), fc.boolean(), (w, spaces, escapeAll) => {
        let n = 0;
        const json = `${spaces[0]}${serialize(w, () => spaces[n++ % spaces.length]!, escapeAll)}${spaces.at(-1)}`;
        const tree = parseJsonSource(json);
        if (!tree.ok) throw new Error(`not JSON: ${json}`);
        const requests = new OffsetRequests();
        const asked: [SourceNode, OffsetSlot][] = [];
        ask(tree.root, { value: JSON.parse(json) as unknown }, requests, asked);
        const duplicates = requests.scan(json);
        for (const [node, slot] of asked) expect(slot.offset).toBe(node.offset);
        expect(duplicates).toEqual(tree.duplicates);
      }),
      { numRuns: 400 },
    );
  });

  test('a value never asked for keeps offset -1; a name written twice gives the last copy', () => {
    const json = '{"a": 1, "b": {"c": [10, 20]}, "a": {"d": "x"}}';
    const requests = new OffsetRequests();
    const root = { value: JSON.parse(json) as unknown };
    const d = requests.want(memberAt(memberAt(root, 'a'), 'd')!);
    const twenty = requests.want(itemsAt(memberAt(memberAt(root, 'b'), 'c'))[1]!);
    const b = requests.want(memberAt(root, 'b')!);
    expect(requests.scan(json)).toEqual([{ key: 'a', offset: 1, lastOffset: json.lastIndexOf('"a"') }]);
    expect([d.offset, twenty.offset, b.offset]).toEqual([json.indexOf('"x"'), json.indexOf('20'), json.indexOf('{"c"')]);
  });
});
