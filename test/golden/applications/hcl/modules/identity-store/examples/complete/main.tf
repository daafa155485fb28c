provider "aws" {
  region = var.region
}

data "aws_ssoadmin_instances" "this" {}

module "identity_store" {
  source = "../.."

  identity_store_id = one(data.aws_ssoadmin_instances.this.identity_store_ids)

  groups = {
    PlatformAdmins = {
      description = "Platform team"
      members     = ["alice"]
    }
    # Synced by SCIM from the identity provider: looked up, never created.
    Auditors = {
      external = true
    }
  }

  users = {
    alice = {
      display_name = "Alice Example"
      given_name   = "Alice"
      family_name  = "Example"
      email        = "alice@example.com"
    }
  }
}
