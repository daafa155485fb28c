################################################################################
# Replica key
################################################################################

output "key_arn" {
  description = "ARN of the replica key; it differs from the primary's only in the Region."
  value       = try(aws_kms_replica_key.this[0].arn, null)
}

output "key_id" {
  description = "Key ID of the replica (the same as the primary's)."
  value       = try(aws_kms_replica_key.this[0].key_id, null)
}

################################################################################
# Alias
################################################################################

output "alias_arn" {
  description = "ARN of the replica's alias, or null when none is created."
  value       = try(aws_kms_alias.this[0].arn, null)
}
