
{{comment}}
resource "aws_iam_policy" "{{name}}" {
  {{provider}}
  name        = {{policyName}}
  description = {{description}}
  policy      = jsonencode(local.{{local}})
}
{{attachments}}
