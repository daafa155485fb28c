terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The replica Region comes from the provider passed in: 5.x has no per-resource `region`.
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
