output "policy_arns" {
  description = "ARN of every policy, by name."
  value       = module.key_user_policies.policy_arns
}
