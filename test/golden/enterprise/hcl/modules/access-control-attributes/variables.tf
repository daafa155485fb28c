variable "create" {
  description = "Whether to manage the instance's attributes for access control."
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
# Attributes
################################################################################

variable "attributes" {
  description = <<-EOT
    Attributes for access control: session tag key (1 to 128 letters, digits, spaces and _.:/=+-@)
    to a list of exactly one source, at most 256 characters, such as "$${path:enterprise.department}"
    (write $${ in HCL so the reference reaches AWS literally). At most 50 attributes; an empty map
    manages nothing.
  EOT
  type        = map(list(string))
  default     = {}

  validation {
    condition     = length(var.attributes) <= 50
    error_message = "An instance has at most 50 attributes for access control."
  }

  validation {
    condition     = alltrue([for key in keys(var.attributes) : length(key) <= 128 && can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$", key))])
    error_message = "Every attribute key must be 1 to 128 letters, digits, spaces or the characters _.:/=+-@ ."
  }

  validation {
    condition     = alltrue([for sources in values(var.attributes) : length(sources) == 1])
    error_message = "Every attribute must have exactly one source."
  }

  validation {
    condition     = alltrue(flatten([for sources in values(var.attributes) : [for s in sources : length(s) <= 256 && can(regex("\\$\\{[^}]+\\}", s))]]))
    error_message = "Every source must be at most 256 characters and reference an attribute, such as $${path:enterprise.department}."
  }
}
