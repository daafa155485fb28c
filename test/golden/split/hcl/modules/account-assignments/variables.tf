variable "create" {
  description = "Whether to create the assignments."
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

variable "identity_store_id" {
  description = "ID of the identity store of the Identity Center instance (d-…), where groups and users are looked up."
  type        = string

  validation {
    condition     = can(regex("^d-[0-9a-f]{10}$|^[0-9a-f]{8}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{12}$", var.identity_store_id))
    error_message = "The identity store ID must look like d-1234567890."
  }
}

################################################################################
# Account assignments
################################################################################

variable "assignments" {
  description = <<-EOT
    Account assignments keyed by a stable key such as "GROUP/Auditors/ReadOnly/prod-app". Each names
    the principal (principal_type GROUP or USER, principal_name = group display name or user name),
    the permission set by name, and the 12-digit account ID.
  EOT
  type = map(object({
    principal_type = string
    principal_name = string
    permission_set = string
    account_id     = string
  }))
  default = {}

  validation {
    condition     = alltrue([for a in values(var.assignments) : contains(["GROUP", "USER"], a.principal_type)])
    error_message = "Every principal_type must be GROUP or USER."
  }

  validation {
    condition     = alltrue([for a in values(var.assignments) : can(regex("^[0-9]{12}$", a.account_id))])
    error_message = "Every account_id must be a 12-digit AWS account ID."
  }
}
