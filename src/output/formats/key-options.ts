// The key's spec, usage and automatic rotation, as each way of creating a key
// writes them: CreateKey/EnableKeyRotation (AWS CLI), aws_kms_key (Terraform
// AWS provider: customer_master_key_spec, key_usage, enable_key_rotation,
// rotation_period_in_days), AWS::KMS::Key (KeySpec, KeyUsage,
// EnableKeyRotation, RotationPeriodInDays) and CDK's kms.Key (keySpec,
// keyUsage, enableKeyRotation, rotationPeriod). A key that cannot rotate
// (asymmetric, HMAC) gets a comment saying so, never a rotation setting.
import type { KeyMaterial } from '../../core/key-material.js';

/** One sentence about the key's rotation, for comments and step titles. */
export function rotationSentence(m: KeyMaterial): string {
  const r = m.rotation;
  if (r.enabled) return `Automatic rotation of the key material is on, every ${r.periodDays ?? 365} days${r.periodDays === undefined ? " (KMS's default)" : ''}.`;
  if (r.reason === 'turned-off') return 'Automatic rotation is off (--no-rotation): turn it on later with aws kms enable-key-rotation.';
  return `A ${m.keySpec} key cannot rotate automatically (only symmetric encryption keys do), so no rotation is set.`;
}

const symmetric = (m: KeyMaterial) => m.keySpec === 'SYMMETRIC_DEFAULT';

/** `--key-spec X --key-usage Y` for aws kms create-key (nothing for the default symmetric key). */
export function createKeyFlags(m: KeyMaterial): string {
  return symmetric(m) ? '' : ` --key-spec ${m.keySpec} --key-usage ${m.keyUsage}`;
}

/** The aws kms enable-key-rotation command, when the key rotates. */
export function enableRotationCommand(m: KeyMaterial, region: string, keyId: string): string | undefined {
  const r = m.rotation;
  if (!r.enabled) return undefined;
  return `aws kms enable-key-rotation --region ${region} --key-id ${keyId}${r.periodDays !== undefined ? ` --rotation-period-in-days ${r.periodDays}` : ''}`;
}

/** aws_kms_key attributes (name, HCL value). */
export function terraformKeyAttributes(m: KeyMaterial): [string, string][] {
  const out: [string, string][] = [];
  if (!symmetric(m)) out.push(['customer_master_key_spec', `"${m.keySpec}"`], ['key_usage', `"${m.keyUsage}"`]);
  if (m.rotation.enabled) {
    out.push(['enable_key_rotation', 'true']);
    if (m.rotation.periodDays !== undefined) out.push(['rotation_period_in_days', String(m.rotation.periodDays)]);
  }
  return out;
}

/** AWS::KMS::Key properties, as YAML lines. */
export function cloudFormationKeyProperties(m: KeyMaterial): string[] {
  const out: string[] = [];
  if (!symmetric(m)) out.push(`KeySpec: ${m.keySpec}`, `KeyUsage: ${m.keyUsage}`);
  if (m.rotation.enabled) {
    out.push('EnableKeyRotation: true');
    if (m.rotation.periodDays !== undefined) out.push(`RotationPeriodInDays: ${m.rotation.periodDays}`);
  }
  return out;
}

/** kms.Key props, as TypeScript lines; `Duration` must be imported when rotationPeriod is set. */
export function cdkKeyProps(m: KeyMaterial): string[] {
  const out: string[] = [];
  if (!symmetric(m)) out.push(`keySpec: kms.KeySpec.${m.keySpec},`, `keyUsage: kms.KeyUsage.${m.keyUsage},`);
  if (m.rotation.enabled) {
    out.push('enableKeyRotation: true,');
    if (m.rotation.periodDays !== undefined) out.push(`rotationPeriod: Duration.days(${m.rotation.periodDays}),`);
  }
  return out;
}

/** Whether the CDK file needs `Duration` from aws-cdk-lib. */
export const cdkNeedsDuration = (m: KeyMaterial) => m.rotation.enabled && m.rotation.periodDays !== undefined;
