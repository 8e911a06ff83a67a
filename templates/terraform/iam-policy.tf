
{{comment}}
resource "aws_iam_policy" "{{name}}" {
  {{provider}}
  {{nameAttribute}}
  description = {{description}}
  policy      = jsonencode(local.{{local}})
}
{{attachments}}
