# kms-policy.tf: the KMS key policy and the matching IAM policies, written by kms-wizard.
#
# Key: {{keyArn}}
#
{{explanation}}
#
# This file assumes the key already exists: Terraform attaches the key policy to it
# (aws_kms_key_policy) and creates the IAM policies (aws_iam_policy). To let Terraform
# create the key instead, replace the aws_kms_key_policy resources with
#   resource "aws_kms_key" "this" {
#     policy = jsonencode(local.key_policy)
#   }
# and put aws_kms_key.this.arn in place of the key ARN in the IAM policies below.
#
# Removing aws_kms_key_policy from the configuration (or terraform destroy) gives the key
# KMS's default key policy again, which lets IAM policies allow any KMS action on the key:
# the kms:ViaService restriction is gone until a policy like this one is applied again.
#
# The policies are jsonencode() of exactly the documents `kms-wizard generate --format json`
# writes (jsonencode sorts the keys of each object; the policies mean the same).

locals {
  {{locals}}
}
{{providers}}
{{keyPolicies}}
{{iamPolicies}}
