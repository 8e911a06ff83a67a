import type { BuildResult, IamPolicyFile } from '../../core/build.js';
import type { PolicyDocument } from '../../core/policy.js';
import type { JsonValue } from './literal.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst } from './iac-names.js';
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
const block = (value: YamlValue, indent = '') => yamlBlock(value, indent, statementComments('# ')).join('\n');

/**
 * The IAM document with each statement's Resource made conditional: the
 * existing key's ARN (exactly as build() wrote it) unless the stack creates
 * the key, then the new key (`!GetAtt Key.Arn`, or per-Region ARNs of a new
 * multi-Region key built from its id with `!Sub`).
 */
function conditionalResources(doc: PolicyDocument, result: BuildResult): YamlValue {
  const { key } = result.spec;
  const newKey = (arn: string): YamlValue =>
    arn === key.arn && !key.multiRegion ? new CfnTag('!GetAtt', 'Key.Arn') : new CfnTag('!Sub', arn.replace(`:key/${key.keyId}`, ':key/${Key}'));
  return {
    ...(doc as unknown as { [k: string]: JsonValue }),
    Statement: doc.Statement.map((s) => {
      if (s.Resource === undefined) return s as unknown as YamlValue;
      const created = Array.isArray(s.Resource) ? s.Resource.map(newKey) : newKey(s.Resource);
      return { ...(s as unknown as { [k: string]: JsonValue }), Resource: new CfnTag('!If', [CREATES_KEY, created, s.Resource]) };
    }),
  };
}

function iamPolicyResource(result: BuildResult, p: IamPolicyFile, policy: YamlValue, note: string): string {
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
    policyName: yamlString(iamPolicyName(result.spec.key)),
    description: yamlString(iamPolicyDescription(result, p.account)),
    attach: Object.keys(attach).length > 0 ? block(attach) : '',
    policy: block(policy),
  });
}

function deployCommand(file: string, result: BuildResult): string {
  return `aws cloudformation deploy --template-file ${file} --stack-name ${iamPolicyName(result.spec.key)} --capabilities CAPABILITY_NAMED_IAM`;
}

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
  const { own, others } = keyAccountFirst(result);
  const conditional = own !== undefined;

  const keyResource = fillTemplate(loadTemplate('cloudformation/key.yaml'), {
    comment: comment(
      conditional
        ? 'A new key with the key policy, created only when CreateKey=true (the existing key is left alone otherwise).'
        : 'A new key with the key policy. Deploy this template only to create a new key.',
    ),
    condition: conditional ? `Condition: ${CREATES_KEY}` : '',
    description: yamlString(`kms-wizard: key usable only through AWS services (${[...result.spec.services.map((s) => s.name), ...result.spec.principalServices.map((p) => p.entry.id)].join(', ')})`),
    multiRegion: key.multiRegion
      ? `${comment(`A multi-Region primary key. Replicas are separate AWS::KMS::ReplicaKey resources in their Regions (${result.spec.regions.filter((r) => r !== key.region).join(', ') || 'none listed'}), each with this same KeyPolicy.`)}\nMultiRegion: true`
      : '',
    keyPolicy: block(result.keyPolicy as unknown as YamlValue),
  });

  const ownNote = ' Its Resource names the existing key unless CreateKey=true, then the new key.';
  const resources = [keyResource, ...(own ? [iamPolicyResource(result, own, conditionalResources(own.policy, result), ownNote)] : [])];
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
  const scope = conditional
    ? [
        `- It creates the IAM managed policy for account ${key.account} (IamPolicy below).`,
        '- With the parameter CreateKey=true (add --parameter-overrides CreateKey=true) it also creates',
        '  a new key with this key policy (Key below), and the IAM policy names the new key instead.',
      ]
    : [
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
    keyArn: key.arn,
    explanation: result.explanation.map(comment).join('\n#\n'),
    scope: scope.map((l) => `# ${l}`).join('\n'),
    region: key.region,
    deploy: deployCommand(CLOUDFORMATION_FILE, result),
    description: yamlString(`kms-wizard: KMS key policy and IAM policy for key ${key.keyId}`),
    parameters: block(parameters),
    resources: resources.join('\n'),
    outputs: block(outputs),
  });

  const files: OutputFile[] = [
    { name: CLOUDFORMATION_FILE, content: finishFile(main), description: `CloudFormation for account ${key.account}: ${own ? 'IAM policy, and ' : ''}the key policy on a new key` },
  ];
  for (const p of others) {
    const file = cloudFormationAccountFile(p.account);
    files.push({
      name: file,
      content: finishFile(fillTemplate(loadTemplate('cloudformation/kms-policy-account.yaml'), {
        account: p.account,
        keyArn: key.arn,
        keyAccount: key.account,
        deploy: deployCommand(file, result),
        description: yamlString(`kms-wizard: IAM policy for KMS key ${key.keyId} in account ${p.account}`),
        resources: iamPolicyResource(result, p, p.policy as unknown as YamlValue, ''),
        outputs: block({ IamPolicyArn: { Description: `The IAM policy for account ${p.account}`, Value: new CfnTag('!Ref', 'IamPolicy') } }),
      })),
      description: `CloudFormation for account ${p.account}: its IAM policy`,
    });
  }
  return files;
}
