# Runs in the member account (here: through a role assumed in it) and reads the key's ARN from the
# management account, so no remote state is shared between the two.
provider "aws" {
  region = var.region

  assume_role {
    role_arn = "arn:${data.aws_partition.current.partition}:iam::222222222222:role/OrganizationAccountAccessRole"
  }
}

provider "aws" {
  alias  = "management"
  region = var.region
}

# ARNs name the partition the provider runs in (aws, aws-us-gov, aws-cn).
data "aws_partition" "current" {
  provider = aws.management
}

data "aws_kms_alias" "key" {
  provider = aws.management
  name     = var.key_alias
}

module "key_user_policies" {
  source = "../.."

  policies = {
    idcgen-identity-center-key-use = {
      description     = "Use of the Identity Center key by the provisioning pipeline"
      attach_to_roles = ["ProvisioningPipeline"]
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Sid    = "UseIdentityCenterKey"
            Effect = "Allow"
            Action = ["kms:Decrypt", "kms:DescribeKey"]
            # The primary key and every multi-Region replica share the key ID.
            Resource = "arn:${data.aws_partition.current.partition}:kms:*:${var.management_account_id}:key/${data.aws_kms_alias.key.target_key_id}"
            Condition = {
              StringLike = { "kms:ViaService" = ["sso.*.amazonaws.com", "identitystore.*.amazonaws.com"] }
            }
          },
        ]
      })
    }
  }
}
