import { keyRegions, keyResources } from '../../core/build.js';
import type { BuildResult, IamPolicyPlan } from '../../core/build-types.js';
import type { PolicyDocument } from '../../core/policy.js';
import { hclString, hclValue } from './hcl.js';
import { SourceExpression, type LiteralValue } from './literal.js';
import { rotationSentence, terraformKeyAttributes } from './key-options.js';
import { attachTarget, iamPolicyDescription, iamPolicyName, keyAccountFirst, keyDescription } from './iac-names.js';
import { statementComments, wrapComment } from './statement-notes.js';
import { fillTemplate, finishFile, loadTemplate } from './template.js';
import type { OutputFile } from './types.js';

export const TERRAFORM_FILE = 'kms-policy.tf';

const ident = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
const comment = (text: string) => wrapComment(text, '# ').join('\n');

const hclDocument = (doc: PolicyDocument | LiteralValue, indent: string) => hclValue(doc as unknown as LiteralValue, indent, statementComments('# '));
const one = <T>(xs: readonly T[]): T | T[] => (xs.length === 1 ? xs[0]! : [...xs]);

/** How the file names the key in IAM policies: its ARN(s), or for a new key the ARNs of the resources the file creates. */
function iamResource(result: BuildResult): LiteralValue {
  const { spec } = result;
  const { key } = spec;
  if (!key.isNew) return one(keyResources(spec, key));
  return one(keyRegions(spec).map((r) => new SourceExpression(r === key.region ? 'aws_kms_key.this.arn' : `aws_kms_replica_key.replica_${ident(r)}.arn`)));
}

const EXISTING_KEY_SCOPE = `This file assumes the key already exists: Terraform attaches the key policy to it
(aws_kms_key_policy) and creates the IAM policies (aws_iam_policy). For a key that does not exist
yet, run kms-wizard generate --new-key instead: the file then creates the key (aws_kms_key) with
the policy, and the IAM policies refer to it.

Removing aws_kms_key_policy from the configuration (or terraform destroy) gives the key
KMS's default key policy again, which lets IAM policies allow any KMS action on the key:
the kms:ViaService restriction is gone until a policy like this one is applied again.`;

const NEW_KEY_SCOPE = `This file creates the key (aws_kms_key) with the key policy, so it never has KMS's default
key policy, and the IAM policies name it by reference (aws_kms_key.this.arn): there is no key ARN
to write until Terraform creates it. For a multi-Region key, each replica is an
aws_kms_replica_key in its Region with the same key policy (replicas do not share key policies),
and the IAM policies name every Region's key.`;

interface Provider {
  readonly alias: string;
  readonly region: string;
  readonly comment: string;
  readonly account?: string;
}

/**
 * `kms-policy.tf`: aws_kms_key_policy for the existing key (one per Region
 * for a multi-Region key's replicas), or for a new key aws_kms_key (and an
 * aws_kms_replica_key per other Region of a multi-Region key) created with
 * the policy; aws_iam_policy per consumer account
 * (with a provider alias for each account other than the key's), and the
 * attachments to the roles/users named. Every policy is
 * `jsonencode(local.<name>)` of a local holding exactly build()'s document.
 */
export function renderTerraform(result: BuildResult): OutputFile[] {
  const { key, regions } = result.spec;
  const providers: Provider[] = [];

  // Locals: the key policy, then one local per distinct IAM document.
  const iamLocals = new Map<string, { name: string; doc: LiteralValue; files: string[] }>();
  const { own, others } = keyAccountFirst(result);
  const ordered = [...(own ? [own] : []), ...others];
  const resource = iamResource(result);
  for (const p of ordered) {
    const doc = p.naming(resource) as unknown as LiteralValue;
    const text = JSON.stringify(doc);
    const existing = iamLocals.get(text);
    if (existing) existing.files.push(p.fileName);
    else iamLocals.set(text, { name: '', doc, files: [p.fileName] });
  }
  const distinct = [...iamLocals.values()];
  distinct.forEach((l, i) => (l.name = distinct.length === 1 ? 'iam_policy' : `iam_policy_${i + 1}`));
  const localOf = (p: IamPolicyPlan) => iamLocals.get(JSON.stringify(p.naming(resource)))!.name;
  const locals = [
    comment(`The key policy (key-policy.json), applied to ${key.multiRegion ? 'the key and each replica' : 'the key'}.`),
    `key_policy = ${hclDocument(result.keyPolicy, '')}`,
    ...distinct.flatMap((l) => ['', comment(`The IAM policy (${l.files.join(', ')}).`), `${l.name} = ${hclDocument(l.doc, '')}`]),
  ].join('\n');

  // Key policies: the key itself with the default provider; replicas through a provider per Region.
  const keyPolicies = key.isNew ? newKeyResources(result, providers) : [];
  if (!key.isNew) keyPolicies.push(
    fillTemplate(loadTemplate('terraform/key-policy.tf'), {
      comment: comment(
        `Attaches the key policy to the existing key ${key.arn}. Runs with the default aws provider, which must use account ${key.account} and Region ${key.region}.`,
      ),
      name: 'this',
      provider: '',
      keyId: hclString(key.keyId),
    }),
  );
  if (!key.isNew && key.multiRegion) {
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
      nameAttribute: key.isNew ? `name_prefix = ${hclString('kms-wizard-')}` : `name        = ${hclString(iamPolicyName(key))}`,
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
    key: key.isNew ? `a new key in account ${key.account}, Region ${key.region}${key.multiRegion ? ' (multi-Region)' : ''}, created by this file` : key.arn,
    scope: (key.isNew ? NEW_KEY_SCOPE : EXISTING_KEY_SCOPE).split('\n\n').map(comment).join('\n#\n'),
    explanation: result.explanation.map((p) => comment(p)).join('\n#\n'),
    locals: locals,
    providers: providerBlocks.join(''),
    keyPolicies: keyPolicies.join(''),
    iamPolicies: iamPolicies.join(''),
  });
  const what = key.isNew ? `a new key with its key policy${result.iamPlans.length ? ', and IAM policies that name it' : ''}` : `key policy for ${key.arn}${result.iamPlans.length ? ' and IAM policies' : ''}`;
  return [{ name: TERRAFORM_FILE, content: finishFile(content), description: `Terraform: ${what}` }];
}

/** One-line attributes with their `=` aligned, as terraform fmt writes a run of them. */
function alignedAttributes(attributes: readonly [string, string][]): string {
  const width = Math.max(...attributes.map(([k]) => k.length));
  return attributes.map(([k, v]) => `${k.padEnd(width)} = ${v}`).join('\n');
}

/** A new key: aws_kms_key with the policy, and for a multi-Region key a replica with the same policy in each other Region. */
function newKeyResources(result: BuildResult, providers: Provider[]): string[] {
  const { key, regions } = result.spec;
  const description = hclString(keyDescription(result));
  const out = [
    fillTemplate(loadTemplate('terraform/key.tf'), {
      comment: comment(
        `Creates the key with the key policy in one step, so it never has KMS's default key policy. Runs with the default aws provider, which must use account ${key.account} and Region ${key.region}. ` +
          rotationSentence(result.spec.keyMaterial) +
          (key.multiRegion ? ' Replicas share the primary\'s rotation.' : ''),
      ),
      attributes: alignedAttributes([
        ['description', description],
        ...terraformKeyAttributes(result.spec.keyMaterial),
        ...(key.multiRegion ? [['multi_region', 'true'] as [string, string]] : []),
        ['policy', 'jsonencode(local.key_policy)'],
      ]),
    }),
  ];
  if (key.multiRegion) {
    for (const region of regions.filter((r) => r !== key.region)) {
      const alias = ident(region);
      providers.push({ alias, region, comment: `Region ${region}: the replica of the multi-Region key there has its own key policy.` });
      out.push(
        fillTemplate(loadTemplate('terraform/replica-key.tf'), {
          comment: comment(`The replica in ${region}: replicas do not share key policies, so it is created with the same one.`),
          name: `replica_${alias}`,
          provider: `provider = aws.${alias}\n`,
          description,
        }),
      );
    }
  }
  return out;
}
