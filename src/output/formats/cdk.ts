import type { BuildResult, IamPolicyFile } from '../../core/build.js';
import type { PolicyDocument } from '../../core/policy.js';
import type { JsonValue } from './literal.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst } from './iac-names.js';
import { statementComments, wrapComment } from './statement-notes.js';
import { fillTemplate, finishFile, loadTemplate } from './template.js';
import type { OutputFile } from './types.js';
import { tsString, tsValue } from './typescript.js';

export const CDK_FILE = 'kms-policy.ts';

const comment = (text: string) => wrapComment(text, '// ').join('\n');
const literal = (doc: PolicyDocument) => tsValue(doc as unknown as JsonValue, '', statementComments('// '));
const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** `roles: [...]` / `users: [...]` for the principals an IAM policy is attached to. */
function attachments(p: IamPolicyFile): string {
  const targets = p.attachTo.map(attachTarget).filter((t) => t !== undefined);
  const lines: string[] = [];
  const roles = targets.filter((t) => t.kind === 'role');
  const users = targets.filter((t) => t.kind === 'user');
  if (roles.length > 0) lines.push(`roles: [${roles.map((t) => `iam.Role.fromRoleName(this, ${tsString(`Role${pascal(t.name)}`)}, ${tsString(t.name)})`).join(', ')}],`);
  if (users.length > 0) lines.push(`users: [${users.map((t) => `iam.User.fromUserName(this, ${tsString(`User${pascal(t.name)}`)}, ${tsString(t.name)})`).join(', ')}],`);
  return lines.join('\n');
}

const iamComment = (p: IamPolicyFile) =>
  comment(
    `The IAM policy for account ${p.account} (${p.fileName}). ` +
      (p.attachTo.length > 0 ? `Attached to ${p.attachTo.join(', ')}.` : 'Attach it to the roles or users that use the key through the services.'),
  );

/**
 * `kms-policy.ts`: the documents as exported object literals (exactly
 * build()'s), a stack for the key's account (its IAM policy, and the key
 * itself with `createKey: true`: CDK cannot set the policy of a key it does
 * not create) and one stack per other consumer account.
 */
export function renderCdk(result: BuildResult): OutputFile[] {
  const { key, regions } = result.spec;
  const { own, others } = keyAccountFirst(result);

  // Documents: the key policy, then one constant per distinct IAM document.
  const iamConsts = new Map<string, { name: string; doc: PolicyDocument; files: string[] }>();
  for (const p of [...(own ? [own] : []), ...others]) {
    const text = JSON.stringify(p.policy);
    const existing = iamConsts.get(text);
    if (existing) existing.files.push(p.fileName);
    else iamConsts.set(text, { name: '', doc: p.policy, files: [p.fileName] });
  }
  const distinct = [...iamConsts.values()];
  distinct.forEach((c, i) => (c.name = distinct.length === 1 ? 'iamPolicy' : `iamPolicy${i + 1}`));
  const constOf = (p: IamPolicyFile) => iamConsts.get(JSON.stringify(p.policy))!.name;
  const documents = [
    `/** The key policy (key-policy.json). */\nexport const keyPolicy = ${literal(result.keyPolicy)};`,
    ...distinct.map((c) => `/** The IAM policy (${c.files.join(', ')}). */\nexport const ${c.name} = ${literal(c.doc)};`),
  ].join('\n\n');

  const common = {
    account: key.account,
    region: key.region,
    accountLiteral: tsString(key.account),
    regionLiteral: tsString(key.region),
    description: tsString(`kms-wizard: key usable only through AWS services (${[...result.spec.services.map((s) => s.name), ...result.spec.principalServices.map((p) => p.entry.id)].join(', ')})`),
    multiRegion: String(key.multiRegion),
  };
  const newKeyArns = key.multiRegion
    ? `[${regions.map((r) => `\`arn:${key.partition}:kms:${r}:${key.account}:key/\${key.keyId}\``).join(', ')}]`
    : '[key.keyArn]';
  const keyStack = own
    ? fillTemplate(loadTemplate('cdk/key-stack.ts'), {
        ...common,
        comment: iamComment(own),
        policyName: tsString(iamPolicyName(key)),
        policyDescription: tsString(iamPolicyDescription(result, own.account)),
        document: constOf(own),
        attach: attachments(own),
        newKeyArns,
      })
    : fillTemplate(loadTemplate('cdk/key-only-stack.ts'), common);

  const accountStacks = others.map((p) =>
    fillTemplate(loadTemplate('cdk/account-stack.ts'), {
      account: p.account,
      fileName: p.fileName,
      className: `KmsIamPolicyStack${p.account}`,
      accountLiteral: tsString(p.account),
      regionLiteral: tsString(key.region),
      comment: iamComment(p),
      policyName: tsString(iamPolicyName(key)),
      policyDescription: tsString(iamPolicyDescription(result, p.account)),
      document: constOf(p),
      attach: attachments(p),
    }),
  );

  const scope = own
    ? [
        `- KmsKeyPolicyStack creates the IAM policy for account ${key.account}; with { createKey: true }`,
        '  it also creates a new key with keyPolicy, and the IAM policy then names the new key.',
      ]
    : [
        `- Account ${key.account} needs no IAM policy (the key policy names who may use the key), so`,
        '  KmsKeyPolicyStack only creates a new key with keyPolicy: use it only for a new key.',
      ];
  if (others.length > 0) scope.push(`- One stack per other consumer account (${others.map((p) => p.account).join(', ')}) creates its IAM policy there.`);
  const usage = [
    '//   const app = new App();',
    ...(own
      ? ["//   new KmsKeyPolicyStack(app, 'KmsKeyPolicy');                      // the key exists", "//   // or: new KmsKeyPolicyStack(app, 'KmsKeyPolicy', { createKey: true }); // CDK creates the key"]
      : ["//   new KmsKeyPolicyStack(app, 'KmsKeyPolicy'); // creates a new key"]),
    ...others.map((p) => `//   new KmsIamPolicyStack${p.account}(app, 'KmsIamPolicy${p.account}');`),
  ];

  const content = fillTemplate(loadTemplate('cdk/kms-policy.ts'), {
    keyArn: key.arn,
    explanation: result.explanation.map(comment).join('\n//\n'),
    scope: scope.map((l) => `// ${l}`).join('\n'),
    usage: usage.join('\n'),
    documents,
    stacks: [keyStack, ...accountStacks].join('\n'),
  });
  return [{ name: CDK_FILE, content: finishFile(content), description: `AWS CDK (TypeScript): stacks for the key policy and IAM policies of ${key.arn}` }];
}
