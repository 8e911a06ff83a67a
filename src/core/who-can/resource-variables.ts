// Policy variables in an identity policy's Resource ("IAM policy elements:
// Variables and tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html),
// e.g. arn:aws:iam::111122223333:user/${aws:username}, are filled in for the
// principal the policy is attached to before the evaluator reads it: the
// evaluator compares Resource as written, and a self-service policy such as
// "each user may edit their own inline policy" is a takeover path.
import type { IamPrincipal, SourcedDocument } from './model.js';

const hasVariables = new WeakMap<object, boolean>();

function resourceVariables(doc: Record<string, unknown>): boolean {
  let known = hasVariables.get(doc);
  if (known === undefined) {
    const statements = [doc.Statement].flat();
    known = statements.some((s) => typeof s === 'object' && s !== null && [(s as Record<string, unknown>).Resource, (s as Record<string, unknown>).NotResource].flat().some((r) => typeof r === 'string' && r.includes('${')));
    hasVariables.set(doc, known);
  }
  return known;
}

/** The value of a variable for this principal, or undefined when the exports do not tell it. */
function value(name: string, p: IamPrincipal): string | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'aws:username') return p.kind === 'user' ? p.name : undefined; // roles' sessions have no aws:username
  if (n === 'aws:principalaccount') return p.account;
  if (n.startsWith('aws:principaltag/')) return p.tags[name.trim().slice('aws:PrincipalTag/'.length)];
  return undefined;
}

function fill(text: string, p: IamPrincipal): string {
  return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const [name, fallback] = inner.split(',');
    const v = value(name ?? '', p);
    if (v !== undefined) return v;
    const f = fallback ? /^\s*'([^']*)'\s*$/.exec(fallback)?.[1] : undefined;
    return f ?? whole;
  });
}

/** The document with its Resource variables filled in for `p` (the same object when it has none). */
export function forPrincipal(source: SourcedDocument, p: IamPrincipal): SourcedDocument {
  if (!resourceVariables(source.document)) return source;
  const statements = [source.document.Statement].flat().map((s) => {
    if (typeof s !== 'object' || s === null) return s;
    const stmt = { ...(s as Record<string, unknown>) };
    for (const el of ['Resource', 'NotResource']) {
      const r = stmt[el];
      if (typeof r === 'string') stmt[el] = fill(r, p);
      else if (Array.isArray(r)) stmt[el] = r.map((x) => (typeof x === 'string' ? fill(x, p) : x));
    }
    return stmt;
  });
  return { label: source.label, document: { ...source.document, Statement: statements } };
}
