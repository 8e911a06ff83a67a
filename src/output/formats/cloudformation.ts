import { keyRegions, keyResources } from '../../core/build.js';
import type { BuildResult, IamPolicyPlan } from '../../core/build-types.js';
import type { ExistingKey, KeyTarget } from '../../core/key-target.js';
import { cloudFormationKeyProperties, rotationSentence } from './key-options.js';
import { safeText } from '../../core/terminal-safe.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst, keyDescription } from './iac-names.js';
import { statementComments, wrapComment } from './statement-notes.js';
import { fillTemplate, finishFile, loadTemplate } from './template.js';
import type { OutputFile } from './types.js';
import { CfnTag, yamlBlock, yamlString, type YamlValue } from './yaml.js';

export const CLOUDFORMATION_FILE = 'kms-policy.yaml';
/** The template for a consumer account other than the key's. */
export const cloudFormationAccountFile = (account: string) => `kms-policy-${account}.yaml`;

/** The condition that is true when the stack creates the key (parameter CreateKey=true). */
const CREATES_KEY = 'CreateNewKey';

const comment = (text: string) => wrapComment(text, '# ').join('\n');
// Each line through safeText: a NEL, LS or PS (U+0085, U+2028, U+2029) from a kept Sid is a line break to YAML readers
// (PyYAML) inside a comment or a quoted string; as \u0085 it is the same character in a double-quoted string, and plain scalars are ASCII.
const block = (value: YamlValue, indent = '') => yamlBlock(value, indent, statementComments('# ')).map(safeText).join('\n');

const one = <T>(xs: readonly T[]): T | T[] => (xs.length === 1 ? xs[0]! : [...xs]);

/**
 * How the template names the key the stack creates: `!GetAtt Key.Arn`, or
 * for a multi-Region key the ARN in each Region built from its id with `!Sub`
 * (replicas share the primary's id).
 */
function createdKeyResource(result: BuildResult): YamlValue {
  const { spec } = result;
  const { key } = spec;
  if (!key.multiRegion) return new CfnTag('!GetAtt', 'Key.Arn');
  return one(keyRegions(spec).map((r) => new CfnTag('!Sub', `arn:${key.partition}:kms:${r}:${key.account}:key/\${Key}`)));
}

/**
 * The IAM document of the key's account. For an existing key each
 * statement's Resource is conditional: the key's ARN (exactly as build()
 * wrote it) unless the stack creates a key, then the created key. For a new
 * key it is always the created key.
 */
function ownIamDocument(p: IamPolicyPlan, result: BuildResult): YamlValue {
  const { spec } = result;
  const created = createdKeyResource(result);
  const resource = spec.key.isNew ? created : new CfnTag('!If', [CREATES_KEY, created, one(keyResources(spec, spec.key))]);
  return p.naming(resource) as unknown as YamlValue;
}

function iamPolicyResource(result: BuildResult, p: IamPolicyPlan, policy: YamlValue, note: string): string {
  const targets = p.attachTo.map(attachTarget).filter((t) => t !== undefined);
  const roles = targets.filter((t) => t.kind === 'role').map((t) => t.name);
  const users = targets.filter((t) => t.kind === 'user').map((t) => t.name);
  const attach: { [k: string]: YamlValue } = {};
  if (roles.length > 0) attach.Roles = roles;
  if (users.length > 0) attach.Users = users;
  return fillTemplate(loadTemplate('cloudformation/iam-policy.yaml'), {
    comment: comment(
      `The IAM policy for account ${p.account} (${p.fileName}). ` +
        (p.attachTo.length > 0 ? `Attached to ${p.attachTo.join(', ')}.` : 'Attach it to the roles or users that use the key through the services.') +
        note,
    ),
    policyName: result.spec.key.isNew ? '' : `ManagedPolicyName: ${yamlString(iamPolicyName(result.spec.key))}`,
    description: yamlString(iamPolicyDescription(result, p.account)),
    attach: Object.keys(attach).length > 0 ? block(attach) : '',
    policy: block(policy),
  });
}

/** The stack name: after the key's id, or for a new key after its account (there is no id yet). */
export function stackName(key: KeyTarget): string {
  return key.isNew ? `kms-wizard-key-${key.account}` : iamPolicyName(key);
}

function deployCommand(file: string, result: BuildResult): string {
  return `aws cloudformation deploy --template-file ${file} --stack-name ${stackName(result.spec.key)} --capabilities CAPABILITY_NAMED_IAM`;
}

const EXISTING_KEY_NOTE = (arn: string) => [
  '- It cannot attach a key policy to a key it does not manage: no resource type sets the policy',
  '  of an existing key. For the existing key above, apply the same key policy with the AWS CLI:',
  '    kms-wizard generate <the same answers> --format json',
  `    aws kms put-key-policy --key-id ${arn} --policy-name default --policy file://key-policy.json`,
];

/**
 * `kms-policy.yaml` for the key's account, plus `kms-policy-<ACCOUNT>.yaml`
 * for each other consumer account (a stack works in one account).
 * CloudFormation can set a key policy only on a key it creates, so the key's
 * template holds an `AWS::KMS::Key` with exactly build()'s key policy: created
 * only when the CreateKey parameter is true if the template also has an IAM
 * policy to manage for the existing key, always otherwise. The header says
 * how to apply the key policy to the existing key instead.
 */
export function renderCloudFormation(result: BuildResult): OutputFile[] {
  const { key } = result.spec;
  // Another account's IAM policy names the key's ARN, and a stack in that account cannot read
  // this stack's new key: for a new key those policies are written by a rerun with --key-arn.
  const { own, others } = keyAccountFirst(result);
  const conditional = own !== undefined && !key.isNew;

  const keyResource = fillTemplate(loadTemplate('cloudformation/key.yaml'), {
    comment: comment(
      key.isNew
        ? 'The new key, created with the key policy in one step, so it never has KMS\'s default key policy.'
        : conditional
          ? 'A new key with the key policy, created only when CreateKey=true (the existing key is left alone otherwise).'
          : 'A new key with the key policy. Deploy this template only to create a new key.',
    ) + `\n${comment(rotationSentence(result.spec.keyMaterial))}`,
    condition: conditional ? `Condition: ${CREATES_KEY}` : '',
    description: yamlString(keyDescription(result)),
    multiRegion: key.multiRegion
      ? `${comment(`A multi-Region primary key. Replicas are separate AWS::KMS::ReplicaKey resources in their Regions (${result.spec.regions.filter((r) => r !== key.region).join(', ') || 'none listed'}), each with this same KeyPolicy.`)}\nMultiRegion: true`
      : '',
    keyOptions: cloudFormationKeyProperties(result.spec.keyMaterial).join('\n'),
    keyPolicy: block(result.keyPolicy as unknown as YamlValue),
  });

  const ownNote = key.isNew ? ' Its Resource names the key this stack creates.' : ' Its Resource names the existing key unless CreateKey=true, then the new key.';
  const resources = [keyResource, ...(own ? [iamPolicyResource(result, own, ownIamDocument(own, result), ownNote)] : [])];
  const outputs: { [k: string]: YamlValue } = {
    KeyArn: {
      ...(conditional ? { Condition: CREATES_KEY } : {}),
      Description: 'The ARN of the key this stack created',
      Value: new CfnTag('!GetAtt', 'Key.Arn'),
    },
    ...(own ? { IamPolicyArn: { Description: `The IAM policy for account ${own.account}`, Value: new CfnTag('!Ref', 'IamPolicy') } } : {}),
  };
  const parameters: { [k: string]: YamlValue } = conditional
    ? {
        Parameters: {
          CreateKey: {
            Type: 'String',
            AllowedValues: ['false', 'true'],
            Default: 'false',
            Description: 'true: create a new key with the key policy (the IAM policy then names it). false: the key exists; apply the key policy with the AWS CLI.',
          },
        },
        Conditions: { [CREATES_KEY]: new CfnTag('!Equals', [new CfnTag('!Ref', 'CreateKey'), 'true']) },
      }
    : {};
  const scope = key.isNew
    ? [
        `- It creates the key (Key below) with the key policy in account ${key.account}, so the key never`,
        "  has KMS's default key policy" + (own ? `, and the IAM managed policy for account ${key.account} (IamPolicy` : '.'),
        ...(own ? ['  below), which names the new key by reference: there is no key ARN to write before it exists.'] : []),
        ...(key.multiRegion
          ? ['- Replicas of this multi-Region key are AWS::KMS::ReplicaKey resources in stacks in their own Regions,', '  each with the same key policy (or use aws kms replicate-key --policy).']
          : []),
        ...(others.length > 0
          ? [
              `- The IAM policies of the other accounts (${others.map((p) => p.account).join(', ')}) name the key's ARN: once the stack`,
              '  has created the key (output KeyArn), run kms-wizard generate again with --key-arn to write them.',
            ]
          : []),
      ]
    : conditional
    ? [
        ...EXISTING_KEY_NOTE(key.arn),
        `- It creates the IAM managed policy for account ${key.account} (IamPolicy below).`,
        '- With the parameter CreateKey=true (add --parameter-overrides CreateKey=true) it also creates',
        '  a new key with this key policy (Key below), and the IAM policy names the new key instead.',
      ]
    : [
        ...EXISTING_KEY_NOTE(key.arn),
        `- Account ${key.account} needs no IAM policy here (the key policy names who may use the key),`,
        '  so the one thing this template can do is create a new key with this key policy (Key below).',
      ];
  scope.push(
    '- KMS accepts a new key policy only if the caller could change it again (lockout check): deploy',
    '  as a principal the key policy lets call kms:PutKeyPolicy (an administrator, or through IAM when',
    '  the account root is the administrator).',
  );

  const main = fillTemplate(loadTemplate('cloudformation/kms-policy.yaml'), {
    account: key.account,
    key: key.isNew ? `a new key in account ${key.account}, Region ${key.region}${key.multiRegion ? ' (multi-Region)' : ''}, created by this template` : key.arn,
    explanation: result.explanation.map(comment).join('\n#\n'),
    scope: scope.map((l) => `# ${l}`).join('\n'),
    region: key.region,
    deploy: deployCommand(CLOUDFORMATION_FILE, result),
    description: yamlString(key.isNew ? 'kms-wizard: a new KMS key with its key policy, and the IAM policy that names it' : `kms-wizard: KMS key policy and IAM policy for key ${key.keyId}`),
    parameters: block(parameters),
    resources: resources.join('\n'),
    outputs: block(outputs),
  });

  const files: OutputFile[] = [
    {
      name: CLOUDFORMATION_FILE,
      content: finishFile(main),
      description: key.isNew
        ? `CloudFormation for account ${key.account}: the new key with its key policy${own ? ', and the IAM policy that names it' : ''}`
        : `CloudFormation for account ${key.account}: ${own ? 'IAM policy, and ' : ''}the key policy on a new key`,
    },
  ];
  return key.isNew ? files : [...files, ...others.map((p) => accountFile(result, key, p))];
}

/** The template for another consumer account: its IAM policy, naming the existing key. */
function accountFile(result: BuildResult, key: ExistingKey, p: IamPolicyPlan): OutputFile {
  const file = cloudFormationAccountFile(p.account);
  return {
    name: file,
    content: finishFile(fillTemplate(loadTemplate('cloudformation/kms-policy-account.yaml'), {
      account: p.account,
      keyArn: key.arn,
      keyAccount: key.account,
      deploy: deployCommand(file, result),
      description: yamlString(`kms-wizard: IAM policy for KMS key ${key.keyId} in account ${p.account}`),
      resources: iamPolicyResource(result, p, p.naming(one(keyResources(result.spec, key))) as unknown as YamlValue, ''),
      outputs: block({ IamPolicyArn: { Description: `The IAM policy for account ${p.account}`, Value: new CfnTag('!Ref', 'IamPolicy') } }),
    })),
    description: `CloudFormation for account ${p.account}: its IAM policy`,
  };
}
