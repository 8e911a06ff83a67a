
{{comment}}
provider "aws" {
  alias  = {{alias}}
  region = {{region}}
  {{guard}}
}
