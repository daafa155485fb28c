provider "aws" {
  region = var.region
}

# Replicas need a provider per Region: 5.x has no per-resource `region` argument.
provider "aws" {
  alias  = "replica"
  region = var.replica_region
}

data "aws_caller_identity" "current" {}

# ARNs name the partition the provider runs in (aws, aws-us-gov, aws-cn).
data "aws_partition" "current" {}

data "aws_organizations_organization" "current" {}

module "key" {
  source = "../.."

  alias                   = "alias/identity-center"
  description             = "Encrypts IAM Identity Center workforce identity data"
  multi_region            = true
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  tags = {
    purpose = "identity-center"
  }

  policy_statements = {
    # https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
    AllowIdentityCenterAdminAccounts = jsonencode({
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    })
    AllowIdentityCenterAndIdentityStoreToDescribeKey = jsonencode({
      Effect    = "Allow"
      Principal = { Service = ["identitystore.amazonaws.com", "sso.amazonaws.com"] }
      Action    = "kms:DescribeKey"
      Resource  = "*"
      # $${...} is an IAM policy variable, not Terraform interpolation.
      Condition = { StringEquals = { "aws:SourceAccount" = "$${aws:ResourceAccount}" } }
    })
    AllowIdentityCenterAndIdentityStoreToUseKey = jsonencode({
      Effect    = "Allow"
      Principal = { Service = ["identitystore.amazonaws.com", "sso.amazonaws.com"] }
      Action    = ["kms:Decrypt", "kms:ReEncryptTo", "kms:ReEncryptFrom", "kms:GenerateDataKeyWithoutPlaintext"]
      Resource  = "*"
      Condition = {
        StringEquals               = { "aws:SourceAccount" = "$${aws:ResourceAccount}" }
        "ForAnyValue:StringEquals" = { "kms:EncryptionContextKeys" = ["aws:sso:instance-arn", "aws:identitystore:identitystore-arn"] }
      }
    })
    AllowOrgPrincipalsViaIdentityCenterAndIdentityStore = jsonencode({
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = {
        StringEquals               = { "aws:PrincipalOrgID" = data.aws_organizations_organization.current.id }
        StringLike                 = { "kms:ViaService" = ["sso.*.amazonaws.com", "identitystore.*.amazonaws.com"] }
        "ForAnyValue:StringEquals" = { "kms:EncryptionContextKeys" = ["aws:sso:instance-arn", "aws:identitystore:identitystore-arn"] }
      }
    })
  }
}

module "replica" {
  source = "../../modules/replica"

  providers = {
    aws = aws.replica
  }

  primary_key_arn         = module.key.key_arn
  policy                  = module.key.key_policy
  description             = "Encrypts IAM Identity Center workforce identity data"
  deletion_window_in_days = 30
  alias                   = "alias/identity-center"
  tags = {
    purpose = "identity-center"
  }
}
