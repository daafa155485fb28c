variable "create" {
  description = "Whether to create the key, its policy and its alias."
  type        = bool
  default     = true
}

################################################################################
# Key
################################################################################

variable "description" {
  description = "Description of the key (at most 8192 characters)."
  type        = string

  validation {
    condition     = length(var.description) <= 8192
    error_message = "The key description must be at most 8192 characters long."
  }
}

variable "multi_region" {
  description = "Whether the key is a multi-Region primary key. AWS recommends multi-Region keys for Identity Center, so replicas can serve additional Regions."
  type        = bool
  default     = true
}

variable "enable_key_rotation" {
  description = "Whether KMS rotates the key material automatically."
  type        = bool
  default     = true
}

variable "rotation_period_in_days" {
  description = "Days between automatic rotations, 90 to 2560; used only when enable_key_rotation is true."
  type        = number
  default     = 365

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 2560 && floor(var.rotation_period_in_days) == var.rotation_period_in_days
    error_message = "The rotation period must be a whole number of days from 90 to 2560."
  }
}

variable "deletion_window_in_days" {
  description = "Waiting period, 7 to 30 days, before KMS deletes the key after it is scheduled for deletion."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "The deletion window must be a whole number of days from 7 to 30."
  }
}

variable "tags" {
  description = "Tags for the key."
  type        = map(string)
  default     = {}
}

################################################################################
# Key policy
################################################################################

variable "policy_statements" {
  description = "Key policy statements keyed by Sid. Each value is the JSON of one statement without its Sid (for example jsonencode({ Effect = \"Allow\", ... })). Write IAM policy variables such as aws:ResourceAccount with a doubled dollar sign in HCL strings, so Terraform does not interpolate them."
  type        = map(string)

  validation {
    condition     = length(var.policy_statements) > 0
    error_message = "The key policy needs at least one statement; a key without one would get the default policy."
  }

  validation {
    condition     = alltrue([for statement in values(var.policy_statements) : try(contains(["Allow", "Deny"], jsondecode(statement).Effect), false)])
    error_message = "Every key policy statement must be a JSON object whose Effect is Allow or Deny."
  }

  validation {
    condition     = alltrue([for sid in keys(var.policy_statements) : can(regex("^[A-Za-z0-9]+$", sid))])
    error_message = "Every key policy statement key is its Sid and must contain only letters and digits."
  }
}

################################################################################
# Alias
################################################################################

variable "alias" {
  description = "Alias of the key, starting with alias/ (but not alias/aws/, which AWS reserves)."
  type        = string

  validation {
    condition     = can(regex("^alias/[A-Za-z0-9/_-]+$", var.alias)) && !startswith(var.alias, "alias/aws/") && length(var.alias) <= 256
    error_message = "The alias must start with alias/, contain only letters, digits, /, _ and -, be at most 256 characters long, and must not start with alias/aws/."
  }
}
