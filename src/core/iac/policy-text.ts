// An extracted policy as the linter reads it: JSON text, plus the way back
// from an offset in that text to an offset in the infrastructure file.
import { childPointer } from '../lint/json-tree.js';
import type { KeyFacts } from '../lint/model.js';
import type { PolicyKind } from '../lint/types.js';
import type { PolicyValue } from './intrinsics.js';
import type { IacNote } from './notes.js';

/** One policy found in an infrastructure file. */
export interface ExtractedPolicy {
  /** The Terraform address or CloudFormation logical id (with the inline policy's name). */
  readonly resource: string;
  /** Known from the resource type; undefined lets the linter detect it. */
  readonly kind: PolicyKind | undefined;
  /** The policy document as JSON text. */
  readonly text: string;
  /** Maps an offset in `text` to the offset in the file where that value was written. */
  readonly fileOffset: (offset: number) => number;
  /** JSON pointers of values known only at deployment: findings about them are not reported. */
  readonly opaque: readonly string[];
  /** For a key policy: text that, inside another policy, names this key (its ARN, or a GetAtt of its logical id). */
  readonly keyRefs?: readonly string[];
  /** For a key policy: the key's KeySpec and KeyUsage as the file says (see key-facts.ts). */
  readonly key?: KeyFacts;
}

/** What a reader found in one file: policies, and notes about resources without one. */
export interface FoundPolicies {
  readonly policies: ExtractedPolicy[];
  readonly notes: IacNote[];
}

/**
 * Writes an evaluated template value as pretty JSON, remembering where each
 * value and member name came from. An opaque value is written as a string
 * naming the intrinsic (`${Fn::GetAtt Key.Arn}`), which reads as a policy
 * variable, so rules treat it as a pattern rather than a literal.
 */
export function policyTextOf(value: PolicyValue): { text: string; fileOffset: (offset: number) => number; opaque: string[] } {
  const marks: [number, number][] = [];
  const opaque: string[] = [];
  let text = '';
  /** An array or object: one member a line, indented, or `[]` / `{}` when empty. */
  const list = <T>(members: readonly T[], open: string, close: string, indent: string, member: (m: T, i: number, inner: string) => void): void => {
    if (members.length === 0) {
      text += open + close;
      return;
    }
    const inner = `${indent}  `;
    text += open;
    members.forEach((m, i) => {
      text += `${i > 0 ? ',' : ''}\n${inner}`;
      member(m, i, inner);
    });
    text += `\n${indent}${close}`;
  };
  const write = (v: PolicyValue, pointer: string, indent: string): void => {
    marks.push([text.length, v.offset]);
    switch (v.type) {
      case 'scalar':
        text += JSON.stringify(v.value);
        return;
      case 'opaque':
        opaque.push(pointer);
        // Only rules that read template values (TEMPLATE_VALUE_CODES) may report a partial value.
        text += JSON.stringify(v.partial ?? `\${${v.what}}`);
        return;
      case 'array':
        list(v.items, '[', ']', indent, (item, i, inner) => write(item, childPointer(pointer, i), inner));
        return;
      case 'object':
        list(v.entries, '{', '}', indent, (e, _, inner) => {
          marks.push([text.length, e.keyOffset]);
          text += `${JSON.stringify(e.key)}: `;
          write(e.value, childPointer(pointer, e.key), inner);
        });
    }
  };
  write(value, '', '');
  text += '\n';
  return { text, fileOffset: nearestMark(marks), opaque };
}

/** The file offset of the last mark at or before `offset` (marks are in text order). */
export function nearestMark(marks: readonly [number, number][]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = marks.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks[mid]![0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return marks[lo]![1];
  };
}

/**
 * For a JSON string literal at `start` in `raw` (Terraform writes a policy as
 * one JSON-encoded string), maps each offset of the decoded string to the
 * offset in `raw` of the character or escape sequence that wrote it; an
 * offset past the end, to the last character. Each call walks the literal
 * (findings are few): no table per policy is kept, which for a plan of
 * 10,000 policies would hold more than the plan itself.
 */
export function stringLiteralOffsets(raw: string, start: number): (offset: number) => number {
  return (offset) => {
    let at = start;
    let i = start + 1; // after the opening quote
    for (let n = 0; i < raw.length && raw[i] !== '"'; n++) {
      at = i;
      if (n >= offset) break;
      i += raw[i] === '\\' ? (raw[i + 1] === 'u' ? 6 : 2) : 1;
    }
    return at;
  };
}
