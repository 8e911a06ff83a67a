
resource "aws_iam_{{kind}}_policy_attachment" "{{name}}" {
  {{provider}}
  {{kind}}       = {{principal}}
  policy_arn = aws_iam_policy.{{policy}}.arn
}
