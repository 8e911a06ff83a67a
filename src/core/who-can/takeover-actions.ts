// IAM actions that change who may use a key when its key policy lets IAM
// policies decide ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html,
// "Allows access to the AWS account and enables IAM policies"): whoever can
// write an IAM policy in the account can give any principal there the access
// the key policy delegates.
export const IAM_WRITE_ACTIONS: readonly string[] = [
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:AttachUserPolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AddUserToGroup',
  'iam:PutGroupPolicy',
  'iam:AttachGroupPolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:PassRole',
];

/** The IAM resource type each write acts on ("Actions, resources, and condition keys for AWS Identity and Access Management"). */
export const IAM_WRITE_TARGET: Readonly<Record<string, 'role' | 'user' | 'group' | 'policy'>> = {
  'iam:PutRolePolicy': 'role',
  'iam:AttachRolePolicy': 'role',
  'iam:UpdateAssumeRolePolicy': 'role',
  'iam:PassRole': 'role',
  'iam:PutUserPolicy': 'user',
  'iam:AttachUserPolicy': 'user',
  'iam:AddUserToGroup': 'group',
  'iam:PutGroupPolicy': 'group',
  'iam:AttachGroupPolicy': 'group',
  'iam:CreatePolicyVersion': 'policy',
  'iam:SetDefaultPolicyVersion': 'policy',
};
