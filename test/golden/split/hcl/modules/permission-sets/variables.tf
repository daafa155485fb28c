variable "create" {
  description = "Whether to create the permission sets and their attachments."
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
# Permission sets
################################################################################

variable "permission_sets" {
  description = <<-EOT
    Permission sets keyed by name (1 to 32 characters). For each:
    description (1 to 700 characters), session_duration (ISO-8601 hours, minutes and seconds, PT1H
    to PT12H in total), relay_state (1 to 240 characters),
    tags, managed_policy_arns (AWS managed policy ARNs), customer_managed_policies (name and path of
    IAM policies that must exist in every assigned account), inline_policy (JSON, at most 10,240
    non-whitespace characters) and permissions_boundary (exactly one of managed_policy_arn or
    customer_managed_policy).
  EOT
  type = map(object({
    description         = optional(string)
    session_duration    = optional(string, "PT1H")
    relay_state         = optional(string)
    tags                = optional(map(string), {})
    managed_policy_arns = optional(list(string), [])
    customer_managed_policies = optional(list(object({
      name = string
      path = optional(string, "/")
    })), [])
    inline_policy = optional(string)
    permissions_boundary = optional(object({
      managed_policy_arn = optional(string)
      customer_managed_policy = optional(object({
        name = string
        path = optional(string, "/")
      }))
    }))
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.permission_sets) : can(regex("^[\\w+=,.@-]{1,32}$", name))])
    error_message = "Every permission set name must be 1 to 32 letters, digits or the characters _+=,.@- ."
  }

  validation {
    # coalesce() would skip "" as well as null: test null explicitly, so an empty description is refused.
    condition     = alltrue([for ps in values(var.permission_sets) : ps.description == null || (length(ps.description == null ? "-" : ps.description) >= 1 && length(ps.description == null ? "-" : ps.description) <= 700)])
    error_message = "Every permission set description must be 1 to 700 characters long."
  }

  validation {
    # Hours, minutes and seconds in any combination (PT90M is PT1H30M), 1 to 12 hours in total.
    condition = alltrue([
      for ps in values(var.permission_sets) :
      try(alltrue([for s in [sum([for i, n in regex("^PT(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?$", ps.session_duration) : (n == null ? 0 : tonumber(n)) * [3600, 60, 1][i]])] : s >= 3600 && s <= 43200]), false)
    ])
    error_message = "Every session duration must be an ISO-8601 duration of hours, minutes and seconds from PT1H to PT12H in total, such as PT4H, PT1H30M or PT90M."
  }

  validation {
    condition     = alltrue([for ps in values(var.permission_sets) : ps.relay_state == null || (length(ps.relay_state == null ? "-" : ps.relay_state) >= 1 && length(ps.relay_state == null ? "-" : ps.relay_state) <= 240)])
    error_message = "Every relay state must be 1 to 240 characters long."
  }

  validation {
    condition     = alltrue([for ps in values(var.permission_sets) : ps.inline_policy == null || can(jsondecode(coalesce(ps.inline_policy, "{}")).Statement)])
    error_message = "Every inline policy must be a JSON policy document with a Statement."
  }

  validation {
    condition = alltrue([
      for ps in values(var.permission_sets) :
      ps.permissions_boundary == null || (try(ps.permissions_boundary.managed_policy_arn, null) == null) != (try(ps.permissions_boundary.customer_managed_policy, null) == null)
    ])
    error_message = "Every permissions boundary must set exactly one of managed_policy_arn or customer_managed_policy."
  }

  validation {
    condition     = alltrue(flatten([for ps in values(var.permission_sets) : [for p in ps.customer_managed_policies : can(regex("^/(.*/)?$", p.path)) && length(p.path) <= 512]]))
    error_message = "Every customer managed policy path must start and end with / and be at most 512 characters long."
  }
}
