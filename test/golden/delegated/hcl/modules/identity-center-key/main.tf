################################################################################
# Key
# https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html
################################################################################

resource "aws_kms_key" "this" {
  count = var.create ? 1 : 0

  description              = var.description
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  multi_region             = var.multi_region
  enable_key_rotation      = var.enable_key_rotation
  rotation_period_in_days  = var.enable_key_rotation ? var.rotation_period_in_days : null
  deletion_window_in_days  = var.deletion_window_in_days
  tags                     = var.tags

  # Deleting the key makes every Identity Center user, group and assignment unreadable.
  lifecycle {
    prevent_destroy = true
  }
}

################################################################################
# Key policy
# https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
################################################################################

locals {
  # One statement per map entry, keyed by Sid; map iteration is sorted by key, so the rendered policy
  # does not depend on the order the caller wrote the statements in.
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [for sid, statement in var.policy_statements : merge(jsondecode(statement), { Sid = sid })]
  })
}

# A separate policy resource (not aws_kms_key.policy) lets the key exist before the principals the
# policy names, and keeps policy changes out of the key's own diff.
resource "aws_kms_key_policy" "this" {
  count = var.create ? 1 : 0

  key_id = aws_kms_key.this[0].key_id
  policy = local.policy

  # Destroying this resource resets the key to the default policy, which drops the Identity Center
  # service statements while the instance may still use the key.
  lifecycle {
    prevent_destroy = true
  }
}

################################################################################
# Alias
################################################################################

resource "aws_kms_alias" "this" {
  count = var.create ? 1 : 0

  name          = var.alias
  target_key_id = aws_kms_key.this[0].key_id
}
