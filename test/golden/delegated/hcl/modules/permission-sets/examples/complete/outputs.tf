output "permission_set_arns" {
  description = "ARN of each permission set, by name."
  value       = module.permission_sets.permission_set_arns
}
