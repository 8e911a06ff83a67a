
{{comment}}
resource "aws_kms_replica_key" "{{name}}" {
  {{provider}}
  primary_key_arn = aws_kms_key.this.arn
  description     = {{description}}
  policy          = jsonencode(local.key_policy)
}
