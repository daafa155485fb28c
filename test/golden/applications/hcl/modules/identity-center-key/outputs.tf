################################################################################
# Key
################################################################################

output "key_arn" {
  description = "ARN of the primary key: the value Identity Center's KmsKeyArn takes."
  value       = try(aws_kms_key.this[0].arn, null)
}

output "key_id" {
  description = "Key ID (mrk-… for a multi-Region key); replicas share it."
  value       = try(aws_kms_key.this[0].key_id, null)
}

################################################################################
# Key policy
################################################################################

output "key_policy" {
  description = "The key policy JSON; give the same document to every replica, because KMS does not copy it."
  value       = try(aws_kms_key_policy.this[0].policy, null)
}

################################################################################
# Alias
################################################################################

output "alias_arn" {
  description = "ARN of the alias."
  value       = try(aws_kms_alias.this[0].arn, null)
}

output "alias_name" {
  description = "Name of the alias."
  value       = try(aws_kms_alias.this[0].name, null)
}
