
{{comment}}
resource "aws_kms_key" "this" {
  {{attributes}}
}

# The new key's ARN: terraform output -raw key_arn
output "key_arn" {
  value = aws_kms_key.this.arn
}
