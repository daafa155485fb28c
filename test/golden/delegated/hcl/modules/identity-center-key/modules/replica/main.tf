################################################################################
# Replica key
# https://docs.aws.amazon.com/singlesignon/latest/userguide/multi-region-iam-identity-center.html
################################################################################

resource "aws_kms_replica_key" "this" {
  count = var.create ? 1 : 0

  primary_key_arn         = var.primary_key_arn
  description             = var.description
  deletion_window_in_days = var.deletion_window_in_days
  # KMS does not copy the key policy to replicas; without one a replica gets the default policy.
  policy = var.policy
  tags   = var.tags

  lifecycle {
    prevent_destroy = true
  }
}

################################################################################
# Alias
################################################################################

# Aliases are Regional: the replica gets the primary's alias name in its own Region.
resource "aws_kms_alias" "this" {
  count = var.create && var.alias != null ? 1 : 0

  name          = var.alias
  target_key_id = aws_kms_replica_key.this[0].key_id
}
