variable "create" {
  description = "Whether to create the applications, their assignments and access scopes."
  type        = bool
  default     = true
}

variable "instance_arn" {
  description = "ARN of the IAM Identity Center instance (arn:<partition>:sso:::instance/ssoins-…)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$", var.instance_arn))
    error_message = "The instance ARN must look like arn:<partition>:sso:::instance/ssoins-0123456789abcdef."
  }
}

################################################################################
# Principals
################################################################################

variable "identity_store_id" {
  description = "ID of the instance's identity store (d-…), where groups and users are looked up by name when group_ids or user_ids is null."
  type        = string
  default     = null

  validation {
    condition     = var.identity_store_id == null || can(regex("^d-[0-9a-f]{10}$|^[0-9a-f]{8}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{12}$", var.identity_store_id == null ? "" : var.identity_store_id))
    error_message = "The identity store ID must look like d-1234567890."
  }
}

variable "group_ids" {
  description = "Identity store ID of every group the assignments name, by display name, from the configuration that creates them. Null: groups are looked up by display name."
  type        = map(string)
  default     = null
}

variable "user_ids" {
  description = "Identity store ID of every user the assignments name, by user name, from the configuration that creates them. Null: users are looked up by user name."
  type        = map(string)
  default     = null
}

################################################################################
# Applications
################################################################################

variable "applications" {
  description = <<-EOT
    Customer managed applications keyed by name (1 to 100 characters). For each: provider_arn
    (arn:<partition>:sso::aws:applicationProvider/<name>), description (1 to 128 characters), status
    (ENABLED or DISABLED), portal (visibility ENABLED or DISABLED; sign_in with origin
    IDENTITY_CENTER or APPLICATION, and the url APPLICATION sends users to, 1 to 512 characters),
    assignment_required (true: only the assigned principals can open it), assignments
    (principal_type GROUP or USER and principal_name: group display name or user name),
    access_scopes keyed by scope (1 to 3 parts of letters, digits and _ separated by :) with
    authorized_targets (1 to 10 application or instance ARNs), and tags (at most 75).
  EOT
  type = map(object({
    provider_arn = string
    description  = optional(string)
    status       = optional(string, "ENABLED")
    portal = optional(object({
      visibility = optional(string)
      sign_in = optional(object({
        origin = string
        url    = optional(string)
      }))
    }))
    assignment_required = optional(bool, true)
    assignments = optional(list(object({
      principal_type = string
      principal_name = string
    })), [])
    access_scopes = optional(map(object({
      authorized_targets = optional(list(string))
    })), {})
    tags = optional(map(string), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.applications) : length(name) >= 1 && length(name) <= 100])
    error_message = "Every application name must be 1 to 100 characters long."
  }

  validation {
    condition     = alltrue([for app in values(var.applications) : can(regex("^arn:aws[a-z-]*:sso::aws:applicationProvider/[a-zA-Z0-9-/]+$", app.provider_arn))])
    error_message = "Every provider_arn must be an application provider ARN such as arn:<partition>:sso::aws:applicationProvider/custom."
  }

  validation {
    # Conditionals, not ||: Terraform evaluates both sides, and length(null) fails.
    condition     = alltrue([for app in values(var.applications) : app.description == null ? true : length(app.description) >= 1 && length(app.description) <= 128])
    error_message = "Every application description must be 1 to 128 characters long."
  }

  validation {
    condition     = alltrue([for app in values(var.applications) : contains(["ENABLED", "DISABLED"], app.status)])
    error_message = "Every application status must be ENABLED or DISABLED."
  }

  validation {
    condition     = alltrue([for app in values(var.applications) : app.portal == null ? true : app.portal.visibility == null ? true : contains(["ENABLED", "DISABLED"], app.portal.visibility)])
    error_message = "Every portal visibility must be ENABLED or DISABLED."
  }

  # The AWS provider refuses portal_options.visibility without sign_in_options at plan time.
  validation {
    condition     = alltrue([for app in values(var.applications) : app.portal == null ? true : app.portal.visibility == null || app.portal.sign_in != null])
    error_message = "Every portal that sets visibility must also set sign_in: the AWS provider requires sign-in options with visibility."
  }

  validation {
    condition = alltrue([
      for app in values(var.applications) :
      app.portal == null ? true : app.portal.sign_in == null ? true : (app.portal.sign_in.origin == "IDENTITY_CENTER" || (app.portal.sign_in.origin == "APPLICATION" && app.portal.sign_in.url != null))
    ])
    error_message = "Every sign_in origin must be IDENTITY_CENTER, or APPLICATION with the url users are sent to."
  }

  validation {
    condition = alltrue([
      for app in values(var.applications) :
      app.portal == null ? true : app.portal.sign_in == null ? true : app.portal.sign_in.url == null ? true : length(app.portal.sign_in.url) <= 512 && can(regex("^https?://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%?=~_|]$", app.portal.sign_in.url))
    ])
    error_message = "Every sign_in url must be an http or https URL of at most 512 characters."
  }

  validation {
    condition     = alltrue(flatten([for app in values(var.applications) : [for a in app.assignments : contains(["GROUP", "USER"], a.principal_type)]]))
    error_message = "Every assignment principal_type must be GROUP or USER."
  }

  validation {
    condition     = alltrue(flatten([for app in values(var.applications) : [for scope in keys(app.access_scopes) : can(regex("^[A-Za-z0-9_]{1,50}(:[A-Za-z0-9_]{1,50}){0,2}$", scope))]]))
    error_message = "Every access scope must be 1 to 3 parts of 1 to 50 letters, digits or _ separated by :, such as redshift:connect."
  }

  validation {
    condition = alltrue(flatten([
      for app in values(var.applications) : [
        for s in values(app.access_scopes) : s.authorized_targets == null ? true : length(s.authorized_targets) >= 1 && length(s.authorized_targets) <= 10
      ]
    ]))
    error_message = "Every access scope's authorized_targets must list 1 to 10 application or instance ARNs (or be null)."
  }

  validation {
    condition     = alltrue([for app in values(var.applications) : length(app.tags) <= 75])
    error_message = "Every application may have at most 75 tags."
  }
}
