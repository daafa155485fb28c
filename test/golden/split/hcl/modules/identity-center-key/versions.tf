terraform {
  # optional() defaults in object variables need 1.3; validation over other variables needs 1.9 and is
  # not used, so 1.5 (check blocks, import blocks) is the floor idcgen tests against.
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # rotation_period_in_days exists since 5.x; nothing here uses the per-resource `region` of 6.x.
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
