import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CDK_FILE, renderCdk } from '../../../src/output/formats/cdk.js';
import { BUILT, CONCRETE_KEY_ARN, NEW_KEY_BUILT } from './specs.js';

/** The value of a literal expression (what the snippet passes to PolicyDocument.fromJson); throws on anything computed. */
function literalValue(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literalValue);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((p) => {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) throw new Error(`not a plain property: ${p.getText()}`);
        return [p.name.text, literalValue(p.initializer)];
      }),
    );
  }
  throw new Error(`not a literal: ${node.getText()}`);
}

/** The exported `const NAME = {...}` declarations of the file, evaluated. */
function exportedLiterals(source: ts.SourceFile): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const st of source.statements) {
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isObjectLiteralExpression(d.initializer)) out.set(d.name.text, literalValue(d.initializer));
    }
  }
  return out;
}

// Stand-ins for aws-cdk-lib that record what the snippet builds, so the
// test can run the generated stacks without the real library.
interface Recorded {
  keys: { id: string; props: { policy: unknown; multiRegion: boolean } }[];
  policies: { stack: string; account: string; props: { document: unknown; managedPolicyName: string; roles?: unknown[]; users?: unknown[] } }[];
  outputs?: { id: string; value: unknown }[];
}
function fakeCdk(rec: Recorded) {
  class Stack {
    readonly account: string;
    readonly id: string;
    constructor(_scope: unknown, id: string, props: { env: { account: string } }) {
      this.id = id;
      this.account = props.env.account;
    }
  }
  const stackOf = (scope: unknown) => scope as Stack;
  return {
    'aws-cdk-lib': {
      Stack,
      CfnOutput: class {
        constructor(_scope: unknown, id: string, props: { value: unknown }) {
          rec.outputs?.push({ id, value: props.value });
        }
      },
    },
    'aws-cdk-lib/aws-iam': {
      PolicyDocument: { fromJson: (json: unknown) => ({ json: structuredClone(json) }) },
      ManagedPolicy: class {
        constructor(scope: unknown, _id: string, props: Recorded['policies'][number]['props']) {
          rec.policies.push({ stack: stackOf(scope).id, account: stackOf(scope).account, props });
        }
      },
      Role: { fromRoleName: (_s: unknown, _id: string, name: string) => ({ role: name }) },
      User: { fromUserName: (_s: unknown, _id: string, name: string) => ({ user: name }) },
    },
    'aws-cdk-lib/aws-kms': {
      Key: class {
        readonly keyArn = 'NEW_KEY_ARN';
        readonly keyId = 'NEW_KEY_ID';
        constructor(_scope: unknown, id: string, props: Recorded['keys'][number]['props']) {
          rec.keys.push({ id, props });
        }
      },
    },
  } as Record<string, unknown>;
}

/** Transpiles the snippet and runs it against the stand-ins; returns its exports. */
function load(content: string, rec: Recorded): Record<string, unknown> {
  const js = ts.transpileModule(content, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules = fakeCdk(rec);
  const exports: Record<string, unknown> = {};
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`the snippet imports ${name}`);
    return modules[name];
  };
  new Function('require', 'exports', js)(require, exports);
  return exports;
}

describe.each(BUILT)('cdk: $name', ({ result }) => {
  const [file] = renderCdk(result);
  const source = ts.createSourceFile(CDK_FILE, file!.content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const literals = exportedLiterals(source);
  const { key } = result.spec;
  const own = result.iamPolicies.find((p) => p.account === key.account);
  const constNameOf = (doc: unknown) => [...literals].find(([, v]) => JSON.stringify(v) === JSON.stringify(doc))?.[0];

  it('is kms-policy.ts and has no syntax errors', () => {
    expect(file!.name).toBe('kms-policy.ts');
    const { diagnostics } = ts.transpileModule(file!.content, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('exports the key policy as an object literal equal to the JSON document', () => {
    expect(literals.get('keyPolicy')).toStrictEqual(result.keyPolicy);
  });

  it('exports every IAM document as an object literal equal to its JSON file', () => {
    for (const p of result.iamPolicies) expect(constNameOf(p.policy)).toMatch(/^iamPolicy\d*$/);
    expect([...literals.keys()].filter((k) => k !== 'keyPolicy')).toHaveLength(new Set(result.iamPolicies.map((p) => JSON.stringify(p.policy))).size);
  });

  it('runs: each account stack deploys exactly its IAM document; the key stack creates the key only on request', () => {
    const rec: Recorded = { keys: [], policies: [] };
    const mod = load(file!.content, rec);
    const stacks = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [string, new (...a: unknown[]) => unknown][];
    for (const [name, Stack] of stacks) new Stack({}, name);
    expect(rec.keys).toHaveLength(own ? 0 : 1); // without an IAM policy to manage, the key stack only creates a key
    expect(rec.policies.map((p) => p.account).sort()).toEqual(result.iamPolicies.map((p) => p.account).sort());
    for (const p of result.iamPolicies) {
      const deployed = rec.policies.find((r) => r.account === p.account)!;
      expect(deployed.props.document).toStrictEqual({ json: p.policy });
      const names = (kind: string) => p.attachTo.filter((a) => a.includes(`:${kind}/`)).map((a) => ({ [kind]: a.split('/').pop() }));
      expect(deployed.props.roles ?? []).toEqual(names('role'));
      expect(deployed.props.users ?? []).toEqual(names('user'));
    }
  });

  it('with createKey: true, creates a key with exactly the key policy, and the IAM policy names it', () => {
    const rec: Recorded = { keys: [], policies: [] };
    const Stack = load(file!.content, rec).KmsKeyPolicyStack as new (...a: unknown[]) => unknown;
    new Stack({}, 'KeyStack', { createKey: true });
    expect(rec.keys).toHaveLength(1);
    expect(rec.keys[0]!.props.policy).toStrictEqual({ json: result.keyPolicy });
    expect(rec.keys[0]!.props.multiRegion).toBe(key.multiRegion);
    if (!own) return;
    const newArns = key.multiRegion ? result.spec.regions.map((r) => `arn:${key.partition}:kms:${r}:${key.account}:key/NEW_KEY_ID`) : ['NEW_KEY_ARN'];
    const expected = { ...own.policy, Statement: own.policy.Statement.map((s) => ({ ...s, Resource: newArns.length === 1 ? newArns[0] : newArns })) };
    expect(rec.policies[0]!.props.document).toStrictEqual({ json: expected });
  });

  it('warns that CDK adds root kms:* to a key created without an explicit policy', () => {
    expect(file!.content).toMatch(/without `policy` gets a statement that allows the\s+\/\/\s+account root kms:\*/);
  });
});

describe.each(NEW_KEY_BUILT)('cdk, a new key: $name', ({ result }) => {
  const [file] = renderCdk(result);
  const { key, regions } = result.spec;
  const own = result.iamPlans.find((p) => p.account === key.account);

  it('has no syntax errors and exports the key policy as an object literal equal to the JSON document', () => {
    const { diagnostics } = ts.transpileModule(file!.content, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
    expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const source = ts.createSourceFile(CDK_FILE, file!.content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    expect(exportedLiterals(source).get('keyPolicy')).toStrictEqual(result.keyPolicy);
  });

  it('runs: one stack creates the key with exactly the key policy, outputs its ARN, and its IAM policy names it', () => {
    const rec: Recorded = { keys: [], policies: [], outputs: [] };
    const mod = load(file!.content, rec);
    const stacks = Object.entries(mod).filter(([, v]) => typeof v === 'function' && /Stack$/.test(v.name)) as [string, new (...a: unknown[]) => unknown][];
    expect(stacks.map(([name]) => name)).toEqual(['KmsKeyPolicyStack']);
    new stacks[0]![1]({}, 'KmsKeyPolicy');
    expect(rec.keys).toHaveLength(1);
    expect(rec.keys[0]!.props.policy).toStrictEqual({ json: result.keyPolicy });
    expect(rec.keys[0]!.props.multiRegion).toBe(key.multiRegion);
    expect(rec.outputs).toEqual([{ id: 'KeyArn', value: 'NEW_KEY_ARN' }]);
    expect(rec.policies.map((p) => p.account)).toEqual(own ? [key.account] : []);
    if (!own) return;
    const arns = (key.multiRegion ? regions : [key.region]).map((r) => (r === key.region ? 'NEW_KEY_ARN' : `arn:${key.partition}:kms:${r}:${key.account}:key/NEW_KEY_ID`));
    expect(rec.policies[0]!.props.document).toStrictEqual({ json: own.naming(arns.length === 1 ? arns[0] : arns) });
    expect(rec.policies[0]!.props.managedPolicyName).toBeUndefined();
    const names = (kind: string) => own.attachTo.filter((a) => a.includes(`:${kind}/`)).map((a) => ({ [kind]: a.split('/').pop() }));
    expect(rec.policies[0]!.props.roles ?? []).toEqual(names('role'));
    expect(rec.policies[0]!.props.users ?? []).toEqual(names('user'));
  });

  it('holds no key ARN', () => {
    expect(file!.content).not.toMatch(CONCRETE_KEY_ARN);
  });
});
