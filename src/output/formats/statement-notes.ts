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
  if (statement.Principal !== undefined && statement.Principal !== '*' && statement.Principal.Service !== undefined) {
    return describeServiceStatement(statement, actions);
  }
  const equals = c.StringEquals ?? {};
  const via = asArray(equals['kms:ViaService']).map(String);
  const caller = asArray(equals['kms:CallerAccount']).map(String);
  const forAwsResource = c.Bool?.['kms:GrantIsForAWSResource'] === true;
  const principal = who(statement);
  if (via.length === 0 && statement.Principal !== undefined && statement.Condition === undefined) {
    return (
      `${statement.Sid ?? 'Statement'}: ${principal} may manage the key (${actions.length} administrative actions, none that encrypt or decrypt). ` +
      'It keeps the policy lockout-safe: KMS refuses a key policy that would leave nobody able to change it.'
    );
  }
  let text = `${statement.Sid ?? 'Statement'}: ${principal} may call ${list(actions)}`;
  if (via.length > 0) text += ` only through ${either(via)} (kms:ViaService)`;
  if (caller.length > 0) text += `${via.length > 0 ? ' and' : ''} only from account ${either(caller)} (kms:CallerAccount)`;
  if (forAwsResource) text += ', and only for grants on your AWS resources (kms:GrantIsForAWSResource)';
  const context = contextLimits(c);
  if (context.length > 0) text += `, only for ${list(context)}`;
  return `${text}.${via.length > 0 ? ' Direct SDK or CLI calls carry no kms:ViaService and are denied.' : ''}`;
}

/** The encryption-context limits of a statement, in words. */
function contextLimits(c: NonNullable<Statement['Condition']>): string[] {
  const out: string[] = [];
  for (const block of Object.values(c)) {
    for (const [key, value] of Object.entries(block)) {
      const m = /^kms:EncryptionContext:(.+)$/i.exec(key);
      if (m) out.push(`data whose encryption context ${m[1]} is ${either(asArray(value).map(String))}`);
    }
  }
  return out;
}

/** A statement for an AWS service acting as itself: who, what, and the conditions that keep it to your resources. */
function describeServiceStatement(statement: Statement, actions: readonly string[]): string {
  const c = statement.Condition ?? {};
  const services = asArray((statement.Principal as Record<string, string | string[]>).Service);
  const limits: string[] = [];
  for (const block of Object.values(c)) {
    for (const [key, value] of Object.entries(block)) {
      const values = asArray(value).map(String);
      if (key === 'aws:SourceArn') limits.push(`on behalf of ${either(values)} (aws:SourceArn)`);
      else if (key === 'aws:SourceAccount') limits.push(`for resources of account ${either(values)} (aws:SourceAccount)`);
      else if (key === 'kms:GrantIsForAWSResource') limits.push('only for grants on AWS resources (kms:GrantIsForAWSResource)');
    }
  }
  limits.push(...contextLimits(c).map((l) => `only for ${l}`));
  return (
    `${statement.Sid ?? 'Statement'}: the AWS service ${list(services)}, acting as itself, may call ${list(actions)}` +
    `${limits.length > 0 ? ` ${limits.join(', ')}` : ''}. The conditions keep the service from using this key for other accounts' resources (confused deputy).`
  );
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
