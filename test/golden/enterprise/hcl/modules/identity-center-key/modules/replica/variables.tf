variable "create" {
  description = "Whether to create the replica key and its alias."
  type        = bool
  default     = true
}

################################################################################
# Replica key
################################################################################

variable "primary_key_arn" {
  description = "ARN of the multi-Region primary key to replicate; it must be in another Region of the same partition."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/mrk-[0-9a-f]+$", var.primary_key_arn))
    error_message = "The primary key ARN must be the ARN of a multi-Region key (its key ID starts with mrk-)."
  }
}

variable "policy" {
  description = "Key policy JSON of the replica: pass the primary's policy so every Region grants the same access."
  type        = string

  validation {
    condition     = can(jsondecode(var.policy).Statement)
    error_message = "The policy must be a JSON policy document with a Statement."
  }
}

variable "description" {
  description = "Description of the replica key (at most 8192 characters)."
  type        = string

  validation {
    condition     = length(var.description) <= 8192
    error_message = "The replica key description must be at most 8192 characters long."
  }
}

variable "deletion_window_in_days" {
  description = "Waiting period, 7 to 30 days, before KMS deletes the replica after it is scheduled for deletion."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "The deletion window must be a whole number of days from 7 to 30."
  }
}

variable "tags" {
  description = "Tags for the replica key."
  type        = map(string)
  default     = {}
}

################################################################################
# Alias
################################################################################

variable "alias" {
  description = "Alias of the replica in its Region, starting with alias/; null creates none."
  type        = string
  default     = null

  validation {
    condition     = var.alias == null || (can(regex("^alias/[A-Za-z0-9/_-]+$", var.alias)) && !startswith(coalesce(var.alias, "alias/"), "alias/aws/") && length(coalesce(var.alias, "alias/")) <= 256)
    error_message = "The alias must start with alias/, contain only letters, digits, /, _ and -, be at most 256 characters long, and must not start with alias/aws/."
  }
}
