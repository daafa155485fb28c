################################################################################
# Applications
################################################################################

output "application_arns" {
  description = "ARN of each application, by name."
  value       = { for name, app in aws_ssoadmin_application.this : name => app.application_arn }
}

################################################################################
# Assignments and access scopes
################################################################################

output "assignment_ids" {
  description = "ID of each application assignment, keyed by \"<application>/<GROUP|USER>/<principal>\" (% and / in names percent-encoded)."
  value       = { for key, a in aws_ssoadmin_application_assignment.this : key => a.id }
}

output "access_scope_ids" {
  description = "ID of each access scope, keyed by \"<application>/<scope>\" (% and / in the application name percent-encoded)."
  value       = { for key, s in aws_ssoadmin_application_access_scope.this : key => s.id }
}

output "principal_ids" {
  description = "Identity store ID of every principal the assignments use, by type (GROUP, USER) and name."
  value       = local.principal_ids
}
