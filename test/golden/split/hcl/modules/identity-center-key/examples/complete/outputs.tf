output "key_arn" {
  description = "ARN of the primary key."
  value       = module.key.key_arn
}

output "replica_key_arn" {
  description = "ARN of the replica key."
  value       = module.replica.key_arn
}

output "key_policy" {
  description = "The key policy shared by the primary and the replica."
  value       = module.key.key_policy
}
