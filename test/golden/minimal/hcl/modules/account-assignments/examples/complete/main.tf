provider "aws" {
  region = var.region
}

data "aws_ssoadmin_instances" "this" {}

module "account_assignments" {
  source = "../.."

  instance_arn      = one(data.aws_ssoadmin_instances.this.arns)
  identity_store_id = one(data.aws_ssoadmin_instances.this.identity_store_ids)

  assignments = {
    "GROUP/Auditors/ReadOnly/prod-app" = {
      principal_type = "GROUP"
      principal_name = "Auditors"
      permission_set = "ReadOnly"
      account_id     = "333333333333"
    }
    "USER/alice/ReadOnly/prod-app" = {
      principal_type = "USER"
      principal_name = "alice"
      permission_set = "ReadOnly"
      account_id     = "333333333333"
    }
  }
}
