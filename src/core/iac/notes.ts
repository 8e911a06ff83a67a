// Findings about an infrastructure file's policies that no policy text holds:
// a value known only after `terraform apply`, a key left with the default
// key policy. They have their own codes, listed with the lint rules.
import type { PolicyKind, RuleMeta } from '../lint/types.js';

export type NoteKind = 'unknown-until-apply' | 'default-key-policy';

/** A note about one resource, at an offset in the file. */
export interface IacNote {
  readonly resource: string;
  readonly kind: PolicyKind;
  readonly offset: number;
  readonly note: NoteKind;
}

export const unknownUntilApply: RuleMeta = {
  code: 'KW901',
  name: 'policy-unknown-until-apply',
  severity: 'info',
  title: 'The policy is known only after terraform apply, so it was not checked',
};

export const defaultKeyPolicy: RuleMeta = {
  code: 'KW902',
  name: 'default-key-policy',
  severity: 'info',
  title: 'The key has no policy attribute, so KMS gives it the default key policy',
};

export const invalidTemplate: RuleMeta = {
  code: 'KW903',
  name: 'invalid-infrastructure-file',
  severity: 'error',
  title: 'The Terraform plan or CloudFormation template cannot be read',
};

export const duplicateKey: RuleMeta = {
  code: 'KW904',
  name: 'duplicate-key',
  severity: 'error',
  title: 'A name is written twice in one object of the template or plan: tools read only the last copy',
};

/** The rules of infrastructure files, for SARIF and the README's rule list. */
export const IAC_RULES: readonly RuleMeta[] = [unknownUntilApply, defaultKeyPolicy, invalidTemplate, duplicateKey];

/** What a duplicate name says: which copy deploys, and that the earlier one was not checked. */
export function duplicateKeyMessage(key: string, line: number): { message: string; hint: string } {
  return {
    message: `"${key}" is written twice in this object; JSON readers (JSON.parse, Python's json, Terraform's Go reader) keep only the last copy, at line ${line}, so this one is ignored. The last copy is the one checked.`,
    hint: 'Delete one of the two copies so that what you review is what deploys.',
  };
}

export const NOTE_RULES: Record<NoteKind, RuleMeta> = { 'unknown-until-apply': unknownUntilApply, 'default-key-policy': defaultKeyPolicy };

/** What each note says: the fact, and what to do about it. */
export function noteMessage(note: NoteKind): { message: string; hint: string } {
  if (note === 'unknown-until-apply') {
    return {
      message: 'This policy is known only after terraform apply (it depends on values the plan does not have yet), so it was not checked.',
      hint: 'Lint the policy once it is known: run lint on the state (terraform show -json) after apply, or build the policy from values known at plan time.',
    };
  }
  return {
    message:
      'This key has no key policy, so KMS gives it the default key policy: the account root may do kms:* and IAM policies in the account decide who uses the key, with no kms:ViaService or other restriction.',
    hint: 'To restrict how the key is used, write a key policy (kms-wizard generate writes one with its IAM policy). See "Default key policy", AWS KMS Developer Guide.',
  };
}
