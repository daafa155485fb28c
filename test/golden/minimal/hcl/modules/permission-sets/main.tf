locals {
  permission_sets = var.create ? var.permission_sets : {}

  # Attachments are keyed by "<permission set>|<policy>" so adding a policy never moves another one.
  managed_policy_attachments = merge([
    for name, ps in local.permission_sets : {
      for arn in ps.managed_policy_arns : "${name}|${arn}" => { permission_set = name, managed_policy_arn = arn }
    }
  ]...)

  customer_managed_policy_attachments = merge([
    for name, ps in local.permission_sets : {
      for policy in ps.customer_managed_policies : "${name}|${policy.path}${policy.name}" => merge(policy, { permission_set = name })
    }
  ]...)
}

################################################################################
# Permission sets
# https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
################################################################################

resource "aws_ssoadmin_permission_set" "this" {
  for_each = local.permission_sets

  instance_arn     = var.instance_arn
  name             = each.key
  description      = each.value.description
  session_duration = each.value.session_duration
  relay_state      = each.value.relay_state
  tags             = each.value.tags
}

################################################################################
# AWS managed policies
################################################################################

resource "aws_ssoadmin_managed_policy_attachment" "this" {
  for_each = local.managed_policy_attachments

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.value.permission_set].arn
  managed_policy_arn = each.value.managed_policy_arn
}

################################################################################
# Customer managed policies
# The policy must exist, with this name and path, in every account the permission set is assigned to.
################################################################################

resource "aws_ssoadmin_customer_managed_policy_attachment" "this" {
  for_each = local.customer_managed_policy_attachments

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.value.permission_set].arn

  customer_managed_policy_reference {
    name = each.value.name
    path = each.value.path
  }
}

################################################################################
# Inline policy
################################################################################

resource "aws_ssoadmin_permission_set_inline_policy" "this" {
  for_each = { for name, ps in local.permission_sets : name => ps if ps.inline_policy != null }

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.key].arn
  inline_policy      = each.value.inline_policy
}

################################################################################
# Permissions boundary
################################################################################

resource "aws_ssoadmin_permissions_boundary_attachment" "this" {
  for_each = { for name, ps in local.permission_sets : name => ps.permissions_boundary if ps.permissions_boundary != null }

  instance_arn       = var.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.this[each.key].arn

  permissions_boundary {
    managed_policy_arn = each.value.managed_policy_arn

    dynamic "customer_managed_policy_reference" {
      for_each = each.value.customer_managed_policy != null ? [each.value.customer_managed_policy] : []

      content {
        name = customer_managed_policy_reference.value.name
        path = customer_managed_policy_reference.value.path
      }
    }
  }
}
