################################################################################
# Permission sets
################################################################################

output "permission_set_arns" {
  description = "ARN of each permission set, by name."
  value       = { for name, ps in aws_ssoadmin_permission_set.this : name => ps.arn }
}

################################################################################
# Attachments
################################################################################

output "managed_policy_attachment_ids" {
  description = "ID of each AWS managed policy attachment, keyed by \"<permission set>|<policy ARN>\"."
  value       = { for key, a in aws_ssoadmin_managed_policy_attachment.this : key => a.id }
}

output "customer_managed_policy_attachment_ids" {
  description = "ID of each customer managed policy attachment, keyed by \"<permission set>|<path><name>\"."
  value       = { for key, a in aws_ssoadmin_customer_managed_policy_attachment.this : key => a.id }
}

output "inline_policies" {
  description = "Inline policy JSON of each permission set that has one, by name."
  value       = { for name, p in aws_ssoadmin_permission_set_inline_policy.this : name => p.inline_policy }
}
