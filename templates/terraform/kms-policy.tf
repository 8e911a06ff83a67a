# kms-policy.tf: the KMS key policy and the matching IAM policies, written by kms-wizard.
#
# Key: {{key}}
#
{{explanation}}
#
{{scope}}
#
# The policies are jsonencode() of exactly the documents `kms-wizard generate --format json`
# writes (jsonencode sorts the keys of each object; the policies mean the same).

locals {
  {{locals}}
}
{{providers}}
{{keyPolicies}}
{{iamPolicies}}
