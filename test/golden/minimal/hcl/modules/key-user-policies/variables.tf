variable "create" {
  description = "Whether to create the policies and their attachments."
  type        = bool
  default     = true
}

################################################################################
# IAM policies
################################################################################

variable "policies" {
  description = <<-EOT
    Customer managed IAM policies keyed by policy name (1 to 128 characters, unique in the account
    whatever the path). policy is the JSON document (at most 6,144 non-whitespace characters);
    attach_to_roles lists role names in this account to attach it to. Permission sets that
    reference a customer managed policy need it, with the same name and path, in every account they
    are assigned to.
  EOT
  type = map(object({
    path            = optional(string, "/")
    description     = optional(string)
    policy          = string
    attach_to_roles = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.policies) : can(regex("^[\\w+=,.@-]{1,128}$", name))])
    error_message = "Every policy name must be 1 to 128 letters, digits or the characters _+=,.@- ."
  }

  validation {
    condition     = alltrue([for policy in values(var.policies) : can(regex("^/(.*/)?$", policy.path)) && length(policy.path) <= 512])
    error_message = "Every policy path must start and end with / and be at most 512 characters long."
  }

  validation {
    condition     = alltrue([for policy in values(var.policies) : can(jsondecode(policy.policy).Statement)])
    error_message = "Every policy must be a JSON policy document with a Statement."
  }
}

variable "tags" {
  description = "Tags for every policy."
  type        = map(string)
  default     = {}
}
