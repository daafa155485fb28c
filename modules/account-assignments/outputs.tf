################################################################################
# Account assignments
################################################################################

output "assignment_ids" {
  description = "ID of every account assignment, by assignment key."
  value       = try({ for key, a in aws_ssoadmin_account_assignment.this : key => a.id }, null)
}

################################################################################
# Look-ups
################################################################################

output "permission_set_arns" {
  description = "ARN of every permission set these assignments use, by name."
  value       = try({ for name, ps in data.aws_ssoadmin_permission_set.this : name => ps.arn }, null)
}

output "principal_ids" {
  description = "Identity store ID of every principal these assignments use, by type (GROUP, USER) and name."
  value       = try(local.principal_ids, null)
}
