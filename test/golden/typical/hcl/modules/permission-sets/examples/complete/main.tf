provider "aws" {
  region = var.region
}

data "aws_ssoadmin_instances" "this" {}

# ARNs name the partition the provider runs in (aws, aws-us-gov, aws-cn).
data "aws_partition" "current" {}

module "permission_sets" {
  source = "../.."

  instance_arn = one(data.aws_ssoadmin_instances.this.arns)

  permission_sets = {
    ReadOnly = {
      description         = "Read-only access"
      managed_policy_arns = ["arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"]
      customer_managed_policies = [
        { name = "BoundaryReadOnly", path = "/" },
      ]
    }
    Developer = {
      description         = "Developers in workload accounts"
      session_duration    = "PT8H"
      relay_state         = "https://console.aws.amazon.com/console/home"
      tags                = { team = "apps" }
      managed_policy_arns = ["arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"]
      inline_policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Sid      = "OwnUserOnly"
            Effect   = "Allow"
            Action   = "iam:GetUser"
            Resource = "arn:${data.aws_partition.current.partition}:iam::*:user/$${aws:username}"
          },
        ]
      })
      permissions_boundary = {
        managed_policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"
      }
    }
  }
}
