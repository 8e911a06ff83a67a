import { keyRegions, keyResources } from '../../core/build.js';
import type { BuildResult, IamPolicyPlan } from '../../core/build-types.js';
import type { NewKey } from '../../core/key-target.js';
import type { PolicyDocument } from '../../core/policy.js';
import { SourceExpression, type LiteralValue } from './literal.js';
import { cdkKeyProps, cdkNeedsDuration, rotationSentence } from './key-options.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst, keyDescription } from './iac-names.js';
import { statementComments, wrapComment } from './statement-notes.js';
import { fillTemplate, finishFile, loadTemplate } from './template.js';
import type { OutputFile } from './types.js';
import { tsString, tsValue } from './typescript.js';

export const CDK_FILE = 'kms-policy.ts';

const comment = (text: string) => wrapComment(text, '// ').join('\n');
const literal = (doc: PolicyDocument | LiteralValue) => tsValue(doc as unknown as LiteralValue, '', statementComments('// '));
const one = <T>(xs: readonly T[]): T | T[] => (xs.length === 1 ? xs[0]! : [...xs]);
const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/** `roles: [...]` / `users: [...]` for the principals an IAM policy is attached to. */
function attachments(p: IamPolicyPlan): string {
  const targets = p.attachTo.map(attachTarget).filter((t) => t !== undefined);
  const lines: string[] = [];
  const roles = targets.filter((t) => t.kind === 'role');
  const users = targets.filter((t) => t.kind === 'user');
  if (roles.length > 0) lines.push(`roles: [${roles.map((t) => `iam.Role.fromRoleName(this, ${tsString(`Role${pascal(t.name)}`)}, ${tsString(t.name)})`).join(', ')}],`);
  if (users.length > 0) lines.push(`users: [${users.map((t) => `iam.User.fromUserName(this, ${tsString(`User${pascal(t.name)}`)}, ${tsString(t.name)})`).join(', ')}],`);
  return lines.join('\n');
}

const iamComment = (p: IamPolicyPlan) =>
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
  if (key.isNew) return renderNewKeyCdk(result, key);
  const { own, others } = keyAccountFirst(result);
  const policyOf = (p: IamPolicyPlan) => p.naming(one(keyResources(result.spec, key)));

  // Documents: the key policy, then one constant per distinct IAM document.
  const iamConsts = new Map<string, { name: string; doc: PolicyDocument; files: string[] }>();
  for (const p of [...(own ? [own] : []), ...others]) {
    const doc = policyOf(p);
    const text = JSON.stringify(doc);
    const existing = iamConsts.get(text);
    if (existing) existing.files.push(p.fileName);
    else iamConsts.set(text, { name: '', doc, files: [p.fileName] });
  }
  const distinct = [...iamConsts.values()];
  distinct.forEach((c, i) => (c.name = distinct.length === 1 ? 'iamPolicy' : `iamPolicy${i + 1}`));
  const constOf = (p: IamPolicyPlan) => iamConsts.get(JSON.stringify(policyOf(p)))!.name;
  const documents = [
    `/** The key policy (key-policy.json). */\nexport const keyPolicy = ${literal(result.keyPolicy)};`,
    ...distinct.map((c) => `/** The IAM policy (${c.files.join(', ')}). */\nexport const ${c.name} = ${literal(c.doc)};`),
  ].join('\n\n');

  const common = commonValues(result);
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

  const scope = [
    ...EXISTING_KEY_NOTE(key.arn),
    ...(own
    ? [
        `- KmsKeyPolicyStack creates the IAM policy for account ${key.account}; with { createKey: true }`,
        '  it also creates a new key with keyPolicy, and the IAM policy then names the new key.',
      ]
    : [
        `- Account ${key.account} needs no IAM policy (the key policy names who may use the key), so`,
        '  KmsKeyPolicyStack only creates a new key with keyPolicy: use it only for a new key.',
      ]),
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
    cdkImport: cdkImport(result, ['Stack']),
    key: key.arn,
    explanation: result.explanation.map(comment).join('\n//\n'),
    scope: scope.map((l) => `// ${l}`).join('\n'),
    usage: usage.join('\n'),
    documents,
    stacks: [keyStack, ...accountStacks].join('\n'),
  });
  return [{ name: CDK_FILE, content: finishFile(content), description: `AWS CDK (TypeScript): stacks for the key policy and IAM policies of ${key.arn}` }];
}

const EXISTING_KEY_NOTE = (arn: string) => [
  '- CDK, like CloudFormation, cannot change the policy of a key it does not create:',
  '  kms.Key.fromKeyArn() gives a reference whose addToResourcePolicy() does nothing. For the',
  '  existing key, apply the same key policy with the AWS CLI:',
  '    kms-wizard generate <the same answers> --format json',
  `    aws kms put-key-policy --key-id ${arn} --policy-name default --policy file://key-policy.json`,
];

function commonValues(result: BuildResult) {
  const { key } = result.spec;
  return {
    account: key.account,
    region: key.region,
    accountLiteral: tsString(key.account),
    regionLiteral: tsString(key.region),
    description: tsString(keyDescription(result)),
    multiRegion: String(key.multiRegion),
    keyOptions: [`// ${rotationSentence(result.spec.keyMaterial)}`, ...cdkKeyProps(result.spec.keyMaterial)].join('\n'),
  };
}

/** The aws-cdk-lib import line: these names, and Duration when the key has a rotation period. */
function cdkImport(result: BuildResult, names: readonly string[]): string {
  const all = [...names, ...(cdkNeedsDuration(result.spec.keyMaterial) ? ['Duration'] : [])].sort();
  return `import { ${all.join(', ')}, type StackProps } from 'aws-cdk-lib';`;
}

/**
 * A new key: one stack creates it with keyPolicy and, when the key's
 * account needs one, the IAM policy, exported as a function of the key so
 * it names the key by reference (`key.keyArn`; for a multi-Region key the
 * ARN in each Region built from `key.keyId`, which replicas share). Other
 * accounts' IAM policies name the key's ARN from outside this app's stack,
 * so they are written by a rerun with --key-arn once the key exists.
 */
function renderNewKeyCdk(result: BuildResult, key: NewKey): OutputFile[] {
  const { own, others } = keyAccountFirst(result);
  const resource = one(
    keyRegions(result.spec).map((r) =>
      r === key.region ? new SourceExpression('key.keyArn') : new SourceExpression(`\`arn:${key.partition}:kms:${r}:${key.account}:key/\${key.keyId}\``),
    ),
  );
  const documents = [
    `/** The key policy (key-policy.json). */\nexport const keyPolicy = ${literal(result.keyPolicy)};`,
    ...(own
      ? [`/** The IAM policy for account ${own.account} (${own.fileName}), naming the key the stack creates. */\nexport const iamPolicy = (key: kms.IKey) => (${literal(own.naming(resource) as unknown as LiteralValue)});`]
      : []),
  ].join('\n\n');
  const iam = own
    ? [
        iamComment(own),
        "new iam.ManagedPolicy(this, 'IamPolicy', {",
        `  description: ${tsString(iamPolicyDescription(result, own.account))},`,
        '  document: iam.PolicyDocument.fromJson(iamPolicy(key)),',
        ...attachments(own).split('\n').filter((l) => l !== '').map((l) => `  ${l}`),
        '});',
      ].join('\n')
    : '';
  const stack = fillTemplate(loadTemplate('cdk/new-key-stack.ts'), {
    ...commonValues(result),
    iamSummary: own ? `, and the IAM policy for account ${own.account} that names it` : '',
    iam,
  });
  const scope = [
    `- KmsKeyPolicyStack creates the key with keyPolicy in account ${key.account}, Region ${key.region}, so it never`,
    `  has KMS's default key policy${own ? `; its IAM policy names the new key by reference (iamPolicy(key)).` : '.'}`,
    ...(key.multiRegion
      ? ['- Replicas of this multi-Region key: kms.CfnReplicaKey in a stack per Region, each with keyPolicy', '  (or aws kms replicate-key --policy).']
      : []),
    ...(others.length > 0
      ? [
          `- The IAM policies of the other accounts (${others.map((p) => p.account).join(', ')}) name the key's ARN: once the`,
          '  key exists, run kms-wizard generate again with --key-arn to write them.',
        ]
      : []),
  ];
  const content = fillTemplate(loadTemplate('cdk/kms-policy.ts'), {
    cdkImport: cdkImport(result, ['CfnOutput', 'Stack']),
    key: `a new key in account ${key.account}, Region ${key.region}${key.multiRegion ? ' (multi-Region)' : ''}, created by KmsKeyPolicyStack`,
    explanation: result.explanation.map(comment).join('\n//\n'),
    scope: scope.map((l) => `// ${l}`).join('\n'),
    usage: ['//   const app = new App();', "//   new KmsKeyPolicyStack(app, 'KmsKeyPolicy'); // creates the key"].join('\n'),
    documents,
    stacks: stack,
  });
  return [{ name: CDK_FILE, content: finishFile(content), description: `AWS CDK (TypeScript): a stack that creates the new key${own ? ' and the IAM policy that names it' : ''}` }];
}
