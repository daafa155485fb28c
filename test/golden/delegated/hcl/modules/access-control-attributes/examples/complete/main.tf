provider "aws" {
  region = var.region
}

data "aws_ssoadmin_instances" "this" {}

module "access_control_attributes" {
  source = "../.."

  instance_arn = one(data.aws_ssoadmin_instances.this.arns)

  attributes = {
    department = ["$${path:enterprise.department}"]
    costCenter = ["$${path:enterprise.costCenter}"]
  }
}
