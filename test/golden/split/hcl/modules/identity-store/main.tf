locals {
  created_groups  = { for name, group in var.groups : name => group if var.create && !group.external }
  external_groups = { for name, group in var.groups : name => group if var.create && group.external }
  created_users   = { for name, user in var.users : name => user if var.create && !user.external }
  external_users  = { for name, user in var.users : name => user if var.create && user.external }

  user_ids = merge(
    { for name, user in aws_identitystore_user.this : name => user.user_id },
    { for name, user in data.aws_identitystore_user.external : name => user.user_id },
  )

  group_ids = merge(
    { for name, group in aws_identitystore_group.this : name => group.group_id },
    { for name, group in data.aws_identitystore_group.external : name => group.group_id },
  )

  # Keyed by "<group>/<user>", "%" and "/" in each name written as "%25" and "%2F", so the key is
  # one to one (group "A/B" with "c" and group "A" with "B/c" would meet otherwise) and adding a
  # member never moves another membership.
  memberships = merge([
    for group_name, group in local.created_groups : {
      for user_name in group.members :
      "${replace(replace(group_name, "%", "%25"), "/", "%2F")}/${replace(replace(user_name, "%", "%25"), "/", "%2F")}" => { group = group_name, user = user_name }
    }
  ]...)
}

################################################################################
# Groups
# https://docs.aws.amazon.com/singlesignon/latest/userguide/users-groups-provisioning.html
################################################################################

resource "aws_identitystore_group" "this" {
  for_each = local.created_groups

  identity_store_id = var.identity_store_id
  display_name      = each.key
  description       = each.value.description
}

# Groups synced from the identity provider (SCIM) are only looked up. Never look up a group this
# module creates: the look-up would run at plan time, before the group exists.
data "aws_identitystore_group" "external" {
  for_each = local.external_groups

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = each.key
    }
  }
}

################################################################################
# Users
################################################################################

resource "aws_identitystore_user" "this" {
  for_each = local.created_users

  identity_store_id  = var.identity_store_id
  user_name          = each.key
  display_name       = each.value.display_name
  nickname           = each.value.nickname
  profile_url        = each.value.profile_url
  title              = each.value.title
  user_type          = each.value.user_type
  preferred_language = each.value.preferred_language
  locale             = each.value.locale
  timezone           = each.value.timezone

  name {
    given_name       = each.value.given_name
    family_name      = each.value.family_name
    middle_name      = each.value.middle_name
    honorific_prefix = each.value.honorific_prefix
    honorific_suffix = each.value.honorific_suffix
    formatted        = each.value.formatted_name
  }

  # `email` is short for one primary email of no type.
  dynamic "emails" {
    for_each = each.value.email != null ? [{ value = each.value.email, type = null, primary = true }] : each.value.emails

    content {
      value   = emails.value.value
      type    = emails.value.type
      primary = emails.value.primary
    }
  }

  dynamic "phone_numbers" {
    for_each = each.value.phone_numbers

    content {
      value   = phone_numbers.value.value
      type    = phone_numbers.value.type
      primary = phone_numbers.value.primary
    }
  }

  dynamic "addresses" {
    for_each = each.value.addresses

    content {
      street_address = addresses.value.street_address
      locality       = addresses.value.locality
      region         = addresses.value.region
      postal_code    = addresses.value.postal_code
      country        = addresses.value.country
      formatted      = addresses.value.formatted
      type           = addresses.value.type
      primary        = addresses.value.primary
    }
  }
}

data "aws_identitystore_user" "external" {
  for_each = local.external_users

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "UserName"
      attribute_value = each.key
    }
  }
}

################################################################################
# Group memberships
################################################################################

resource "aws_identitystore_group_membership" "this" {
  for_each = local.memberships

  identity_store_id = var.identity_store_id
  group_id          = aws_identitystore_group.this[each.value.group].group_id
  member_id         = lookup(local.user_ids, each.value.user, null)

  lifecycle {
    precondition {
      condition     = contains(keys(var.users), each.value.user)
      error_message = "Group ${each.value.group} lists member ${each.value.user}, who is not in users."
    }
  }
}
