import type { BuildResult, IamPolicyFile } from '../../core/build.js';
import type { PolicyDocument } from '../../core/policy.js';
import { hclString, hclValue } from './hcl.js';
import type { JsonValue } from './literal.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst } from './iac-names.js';
import { statementComments, wrapComment } from './statement-notes.js';
import { fillTemplate, finishFile, loadTemplate } from './template.js';
import type { OutputFile } from './types.js';

export const TERRAFORM_FILE = 'kms-policy.tf';

const ident = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
const comment = (text: string) => wrapComment(text, '# ').join('\n');

const hclDocument = (doc: PolicyDocument, indent: string) => hclValue(doc as unknown as JsonValue, indent, statementComments('# '));

interface Provider {
  readonly alias: string;
  readonly region: string;
  readonly comment: string;
  readonly account?: string;
}

/**
 * `kms-policy.tf`: aws_kms_key_policy for the existing key (one per Region
 * for a multi-Region key's replicas), aws_iam_policy per consumer account
 * (with a provider alias for each account other than the key's), and the
 * attachments to the roles/users named. Every policy is
 * `jsonencode(local.<name>)` of a local holding exactly build()'s document.
 */
export function renderTerraform(result: BuildResult): OutputFile[] {
  const { key, regions } = result.spec;
  const providers: Provider[] = [];

  // Locals: the key policy, then one local per distinct IAM document.
  const iamLocals = new Map<string, { name: string; doc: PolicyDocument; files: string[] }>();
  const { own, others } = keyAccountFirst(result);
  const ordered = [...(own ? [own] : []), ...others];
  for (const p of ordered) {
    const text = JSON.stringify(p.policy);
    const existing = iamLocals.get(text);
    if (existing) existing.files.push(p.fileName);
    else iamLocals.set(text, { name: '', doc: p.policy, files: [p.fileName] });
  }
  const distinct = [...iamLocals.values()];
  distinct.forEach((l, i) => (l.name = distinct.length === 1 ? 'iam_policy' : `iam_policy_${i + 1}`));
  const localOf = (p: IamPolicyFile) => iamLocals.get(JSON.stringify(p.policy))!.name;
  const locals = [
    comment(`The key policy (key-policy.json), applied to ${key.multiRegion ? 'the key and each replica' : 'the key'}.`),
    `key_policy = ${hclDocument(result.keyPolicy, '')}`,
    ...distinct.flatMap((l) => ['', comment(`The IAM policy (${l.files.join(', ')}).`), `${l.name} = ${hclDocument(l.doc, '')}`]),
  ].join('\n');

  // Key policies: the key itself with the default provider; replicas through a provider per Region.
  const keyPolicies = [
    fillTemplate(loadTemplate('terraform/key-policy.tf'), {
      comment: comment(
        `Attaches the key policy to the existing key ${key.arn}. Runs with the default aws provider, which must use account ${key.account} and Region ${key.region}.`,
      ),
      name: 'this',
      provider: '',
      keyId: hclString(key.keyId),
    }),
  ];
  if (key.multiRegion) {
    for (const region of regions.filter((r) => r !== key.region)) {
      const alias = ident(region);
      providers.push({ alias, region, comment: `Region ${region}: the replica of the multi-Region key there has its own key policy.` });
      keyPolicies.push(
        fillTemplate(loadTemplate('terraform/key-policy.tf'), {
          comment: comment(`The replica in ${region}: replicas do not share key policies, so each gets the same one.`),
          name: `replica_${alias}`,
          provider: `provider = aws.${alias}\n`,
          keyId: hclString(key.keyId),
        }),
      );
    }
  }

  // IAM policies: the key's account with the default provider, every other account with its own.
  const iamPolicies = ordered.map((p) => {
    const other = p.account !== key.account;
    const name = other ? `kms_wizard_${p.account}` : 'kms_wizard';
    const provider = other ? `provider = aws.account_${p.account}\n` : '';
    if (other) {
      providers.push({
        alias: `account_${p.account}`,
        region: key.region,
        account: p.account,
        comment:
          `Account ${p.account} uses the key from outside its account, so its IAM policy is created there: give this provider credentials for that account ` +
          `(for example assume_role { role_arn = "arn:${key.partition}:iam::${p.account}:role/..." }). allowed_account_ids stops Terraform if they are for another account.`,
      });
    }
    const attachments = p.attachTo.flatMap((arn) => {
      const target = attachTarget(arn);
      if (!target) return [];
      return [
        fillTemplate(loadTemplate('terraform/policy-attachment.tf'), {
          kind: target.kind,
          name: ident(`${name}_${target.kind}_${target.name}`),
          provider,
          principal: hclString(target.name),
          policy: name,
        }),
      ];
    });
    return fillTemplate(loadTemplate('terraform/iam-policy.tf'), {
      comment: comment(
        `The IAM policy for account ${p.account} (${p.fileName})${other ? ', created in that account' : ''}. ` +
          (p.attachTo.length > 0 ? `Attached to ${p.attachTo.join(', ')}.` : 'Attach it to the roles or users that use the key through the services.'),
      ),
      name,
      provider,
      policyName: hclString(iamPolicyName(key)),
      description: hclString(iamPolicyDescription(result, p.account)),
      local: localOf(p),
      attachments: attachments.join(''),
    });
  });

  const providerBlocks = providers.map((pr) =>
    fillTemplate(loadTemplate('terraform/provider.tf'), {
      comment: comment(pr.comment),
      alias: hclString(pr.alias),
      region: hclString(pr.region),
      guard: pr.account ? `\nallowed_account_ids = [${hclString(pr.account)}]` : '',
    }),
  );

  const content = fillTemplate(loadTemplate('terraform/kms-policy.tf'), {
    keyArn: key.arn,
    explanation: result.explanation.map((p) => comment(p)).join('\n#\n'),
    locals: locals,
    providers: providerBlocks.join(''),
    keyPolicies: keyPolicies.join(''),
    iamPolicies: iamPolicies.join(''),
  });
  return [{ name: TERRAFORM_FILE, content: finishFile(content), description: `Terraform: key policy for ${key.arn}${result.iamPolicies.length ? ' and IAM policies' : ''}` }];
}
