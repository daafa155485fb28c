locals {
  applications = var.create ? var.applications : {}

  # for_each keys are "<application>/<GROUP|USER>/<principal>" and "<application>/<scope>", with "%"
  # and "/" in each name written as "%25" and "%2F": one to one, and adding a principal or a scope
  # never moves another.
  assignments = merge([
    for name, app in local.applications : {
      for a in app.assignments :
      "${replace(replace(name, "%", "%25"), "/", "%2F")}/${a.principal_type}/${replace(replace(a.principal_name, "%", "%25"), "/", "%2F")}" => merge(a, { application = name })
    }
  ]...)

  access_scopes = merge([
    for name, app in local.applications : {
      for scope, s in app.access_scopes :
      "${replace(replace(name, "%", "%25"), "/", "%2F")}/${scope}" => { application = name, scope = scope, authorized_targets = s.authorized_targets }
    }
  ]...)

  # Principals are looked up by name unless the caller passes the IDs of principals it creates.
  group_lookups = var.group_ids == null ? toset([for a in values(local.assignments) : a.principal_name if a.principal_type == "GROUP"]) : toset([])
  user_lookups  = var.user_ids == null ? toset([for a in values(local.assignments) : a.principal_name if a.principal_type == "USER"]) : toset([])

  principal_ids = {
    GROUP = var.group_ids != null ? var.group_ids : { for name, group in data.aws_identitystore_group.this : name => group.group_id }
    USER  = var.user_ids != null ? var.user_ids : { for name, user in data.aws_identitystore_user.this : name => user.user_id }
  }
}

################################################################################
# Look-ups
# Groups and users are created by another configuration (applied first) or synced from the
# identity provider. Never look up a principal the same configuration creates: pass its ID instead.
################################################################################

data "aws_identitystore_group" "this" {
  for_each = local.group_lookups

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "DisplayName"
      attribute_value = each.key
    }
  }
}

data "aws_identitystore_user" "this" {
  for_each = local.user_lookups

  identity_store_id = var.identity_store_id

  alternate_identifier {
    unique_attribute {
      attribute_path  = "UserName"
      attribute_value = each.key
    }
  }
}

################################################################################
# Applications
# https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps.html
################################################################################

resource "aws_ssoadmin_application" "this" {
  for_each = local.applications

  instance_arn             = var.instance_arn
  name                     = each.key
  application_provider_arn = each.value.provider_arn
  description              = each.value.description
  status                   = each.value.status
  tags                     = each.value.tags

  dynamic "portal_options" {
    for_each = each.value.portal != null ? [each.value.portal] : []

    content {
      visibility = portal_options.value.visibility

      dynamic "sign_in_options" {
        for_each = portal_options.value.sign_in != null ? [portal_options.value.sign_in] : []

        content {
          origin          = sign_in_options.value.origin
          application_url = sign_in_options.value.url
        }
      }
    }
  }
}

# Whether only assigned principals may open the application (true) or every user (false).
resource "aws_ssoadmin_application_assignment_configuration" "this" {
  for_each = local.applications

  application_arn     = aws_ssoadmin_application.this[each.key].application_arn
  assignment_required = each.value.assignment_required
}

################################################################################
# Access scopes
################################################################################

resource "aws_ssoadmin_application_access_scope" "this" {
  for_each = local.access_scopes

  application_arn    = aws_ssoadmin_application.this[each.value.application].application_arn
  scope              = each.value.scope
  authorized_targets = each.value.authorized_targets
}

################################################################################
# Assignments: who may open each application
################################################################################

resource "aws_ssoadmin_application_assignment" "this" {
  for_each = local.assignments

  application_arn = aws_ssoadmin_application.this[each.value.application].application_arn
  principal_type  = each.value.principal_type
  principal_id    = lookup(local.principal_ids[each.value.principal_type], each.value.principal_name, null)

  lifecycle {
    precondition {
      condition     = contains(keys(local.principal_ids[each.value.principal_type]), each.value.principal_name)
      error_message = "Application ${each.value.application} is assigned to ${lower(each.value.principal_type)} ${each.value.principal_name}, whose ID was not passed in ${lower(each.value.principal_type)}_ids."
    }
  }
}
