locals {
  assignments = var.create ? var.assignments : {}

  # One look-up per distinct name, however many assignments use it.
  permission_set_names = toset([for a in values(local.assignments) : a.permission_set])
  group_names          = toset([for a in values(local.assignments) : a.principal_name if a.principal_type == "GROUP"])
  user_names           = toset([for a in values(local.assignments) : a.principal_name if a.principal_type == "USER"])

  principal_ids = {
    GROUP = { for name, group in data.aws_identitystore_group.this : name => group.group_id }
    USER  = { for name, user in data.aws_identitystore_user.this : name => user.user_id }
  }
}

################################################################################
# Look-ups
# Permission sets, groups and users are managed elsewhere (another root, or the identity provider),
# so they must exist before this configuration is planned.
################################################################################

data "aws_ssoadmin_permission_set" "this" {
  for_each = local.permission_set_names

  instance_arn = var.instance_arn
  name         = each.key
}

data "aws_identitystore_group" "this" {
  for_each = local.group_names

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = each.key
    }
  }
}

data "aws_identitystore_user" "this" {
  for_each = local.user_names

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "UserName"
      attribute_value = each.key
    }
  }
}

################################################################################
# Account assignments
# https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html
################################################################################

# Every argument forces replacement, so the for_each key (principal, permission set, account) must
# never depend on list positions: a moved key would revoke and grant access again.
resource "aws_ssoadmin_account_assignment" "this" {
  for_each = local.assignments

  instance_arn       = var.instance_arn
  permission_set_arn = data.aws_ssoadmin_permission_set.this[each.value.permission_set].arn
  principal_type     = each.value.principal_type
  principal_id       = local.principal_ids[each.value.principal_type][each.value.principal_name]
  target_type        = "AWS_ACCOUNT"
  target_id          = each.value.account_id
}
