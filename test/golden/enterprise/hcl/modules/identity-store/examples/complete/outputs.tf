output "group_ids" {
  description = "Identity store ID of every group, by display name."
  value       = module.identity_store.group_ids
}

output "user_ids" {
  description = "Identity store ID of every user, by user name."
  value       = module.identity_store.user_ids
}
