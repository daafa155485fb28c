provider "aws" {
  region = var.region
}

data "aws_ssoadmin_instances" "this" {}

# ARNs name the partition the provider runs in (aws, aws-us-gov, aws-cn).
data "aws_partition" "current" {}

module "applications" {
  source = "../.."

  instance_arn      = one(data.aws_ssoadmin_instances.this.arns)
  identity_store_id = one(data.aws_ssoadmin_instances.this.identity_store_ids)

  applications = {
    Grafana = {
      provider_arn = "arn:${data.aws_partition.current.partition}:sso::aws:applicationProvider/custom"
      description  = "Team dashboards"
      portal = {
        visibility = "ENABLED"
        sign_in    = { origin = "APPLICATION", url = "https://grafana.example.com/login" }
      }
      assignment_required = true
      assignments = [
        { principal_type = "GROUP", principal_name = "Developers" },
        { principal_type = "USER", principal_name = "alice" },
      ]
      access_scopes = {
        "redshift:connect" = {}
      }
      tags = { team = "platform" }
    }
  }
}
