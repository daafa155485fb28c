################################################################################
# Account assignments
################################################################################

output "assignment_ids" {
  description = "ID of every account assignment, by assignment key."
  value       = { for key, a in aws_ssoadmin_account_assignment.this : key => a.id }
}

################################################################################
# Look-ups
################################################################################

output "permission_set_arns" {
  description = "ARN of every permission set these assignments use, by name."
  value       = { for name, ps in data.aws_ssoadmin_permission_set.this : name => ps.arn }
}

output "principal_ids" {
  description = "Identity store ID of every principal these assignments use, by type (GROUP, USER) and name."
  value       = local.principal_ids
}
