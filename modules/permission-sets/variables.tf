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
    description (1 to 700 characters), session_duration (ISO-8601, PT1H to PT12H), relay_state,
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
    condition     = alltrue([for ps in values(var.permission_sets) : ps.description == null || (length(coalesce(ps.description, "-")) >= 1 && length(coalesce(ps.description, "-")) <= 700)])
    error_message = "Every permission set description must be 1 to 700 characters long."
  }

  validation {
    condition     = alltrue([for ps in values(var.permission_sets) : can(regex("^PT(([1-9]|1[01])H([1-5]?[0-9]M)?|12H)$", ps.session_duration))])
    error_message = "Every session duration must be an ISO-8601 duration from PT1H to PT12H, such as PT4H or PT1H30M."
  }

  validation {
    condition     = alltrue([for ps in values(var.permission_sets) : ps.relay_state == null || length(coalesce(ps.relay_state, "-")) <= 240])
    error_message = "Every relay state must be at most 240 characters long."
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
    condition     = alltrue(flatten([for ps in values(var.permission_sets) : [for p in ps.customer_managed_policies : can(regex("^/(.*/)?$", p.path))]]))
    error_message = "Every customer managed policy path must start and end with /."
  }
}
