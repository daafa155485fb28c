################################################################################
# IAM policies
################################################################################

output "policy_arns" {
  description = "ARN of every policy, by name."
  value       = { for name, policy in aws_iam_policy.this : name => policy.arn }
}

################################################################################
# Role attachments
################################################################################

output "role_attachment_ids" {
  description = "ID of every role attachment, keyed by \"<policy>/<role>\"."
  value       = { for key, a in aws_iam_role_policy_attachment.this : key => a.id }
}
