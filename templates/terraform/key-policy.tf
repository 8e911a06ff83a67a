
{{comment}}
resource "aws_kms_key_policy" "{{name}}" {
  {{provider}}
  key_id = {{keyId}}
  policy = jsonencode(local.key_policy)
}
