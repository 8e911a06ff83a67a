// One plain-language sentence per policy statement, for the comments the IaC
// formats put above each statement. Worked out from the statement itself, so
// any document build() returns gets an accurate comment.
import { isGeneratedSid } from '../../core/generated-sids.js';
import { asArray, type Statement } from '../../core/policy.js';
import type { CommentsFor } from './literal.js';

const ROOT = /^arn:[a-z-]+:iam::(\d{12}):root$/;

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const either = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);
const short = (actions: readonly string[]) => actions.map((a) => a.replace(/^kms:/, ''));

function who(statement: Statement): string {
  const p = statement.Principal;
  if (p === undefined) return 'the principals this IAM policy is attached to';
  const aws = p === '*' ? ['*'] : asArray(p.AWS);
  if (aws.includes('*')) return 'any principal (limited by the conditions below)';
  const roots = aws.map((a) => ROOT.exec(a)?.[1]).filter((a): a is string => a !== undefined);
  if (roots.length === aws.length) return `IAM policies in account ${list(roots)} (the account root delegates to IAM)`;
  return list(aws);
}

/**
 * What a statement allows, in one sentence: who, which actions, and each
 * condition that limits it. A statement with a principal and no ViaService
 * condition is the administrators' (build() emits no other kind).
 */
export function describeStatement(statement: Statement): string {
  // A statement kept from the key's current policy (generate --from) can hold anything: it is not described.
  if (statement.Principal !== undefined && !isGeneratedSid(statement.Sid)) {
    return `${typeof statement.Sid === 'string' ? statement.Sid : 'Statement'}: kept from the key's current policy exactly as it was.`;
  }
  const actions = short(asArray(statement.Action));
  const c = statement.Condition ?? {};
  const equals = c.StringEquals ?? {};
  const via = asArray(equals['kms:ViaService']).map(String);
  const caller = asArray(equals['kms:CallerAccount']).map(String);
  const forAwsResource = c.Bool?.['kms:GrantIsForAWSResource'] === true;
  const principal = who(statement);
  if (via.length === 0 && statement.Principal !== undefined) {
    return (
      `${statement.Sid ?? 'Statement'}: ${principal} may manage the key (${actions.length} administrative actions, none that encrypt or decrypt). ` +
      'It keeps the policy lockout-safe: KMS refuses a key policy that would leave nobody able to change it.'
    );
  }
  let text = `${statement.Sid ?? 'Statement'}: ${principal} may call ${list(actions)}`;
  if (via.length > 0) text += ` only through ${either(via)} (kms:ViaService)`;
  if (caller.length > 0) text += `${via.length > 0 ? ' and' : ''} only from account ${either(caller)} (kms:CallerAccount)`;
  if (forAwsResource) text += ', and only for grants on your AWS resources (kms:GrantIsForAWSResource)';
  return `${text}.${via.length > 0 ? ' Direct SDK or CLI calls carry no kms:ViaService and are denied.' : ''}`;
}

/** Word-wraps `text` into lines of at most `width` characters, each starting with `prefix`. */
export function wrapComment(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(prefix + line);
  return lines;
}

/** Comment lines (`# ...` or `// ...`) above each statement of a policy document rendered from its root. */
export function statementComments(prefix: string): CommentsFor {
  return (path, value, indent) =>
    /^Statement\.\d+$/.test(path) ? wrapComment(describeStatement(value as unknown as Statement), prefix, Math.max(60, 100 - indent.length)) : [];
}
