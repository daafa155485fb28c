################################################################################
# Groups
################################################################################

output "group_ids" {
  description = "Identity store ID of every group, created or looked up, by display name."
  value       = local.group_ids
}

################################################################################
# Users
################################################################################

output "user_ids" {
  description = "Identity store ID of every user, created or looked up, by user name."
  value       = local.user_ids
}

################################################################################
# Group memberships
################################################################################

output "membership_ids" {
  description = "Membership ID of every group membership, keyed by \"<group>/<user>\"."
  value       = { for key, m in aws_identitystore_group_membership.this : key => m.membership_id }
}
