variable "create" {
  description = "Whether to create (and look up) anything at all."
  type        = bool
  default     = true
}

variable "identity_store_id" {
  description = "ID of the identity store of the Identity Center instance (d-…)."
  type        = string

  validation {
    condition     = can(regex("^d-[0-9a-f]{10}$|^[0-9a-f]{8}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{12}$", var.identity_store_id))
    error_message = "The identity store ID must look like d-1234567890."
  }
}

################################################################################
# Groups
################################################################################

variable "groups" {
  description = <<-EOT
    Groups keyed by display name (1 to 1024 characters). external = true looks the group up (it is
    synced from the identity provider) instead of creating it; members (user names) are only set on
    groups this module creates.
  EOT
  type = map(object({
    description = optional(string)
    external    = optional(bool, false)
    members     = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.groups) : length(name) >= 1 && length(name) <= 1024])
    error_message = "Every group display name must be 1 to 1024 characters long."
  }

  validation {
    condition     = alltrue([for group in values(var.groups) : !group.external || length(group.members) == 0])
    error_message = "External groups get their members from the identity provider; remove members from them."
  }
}

################################################################################
# Users
################################################################################

variable "users" {
  description = <<-EOT
    Users keyed by user name (1 to 128 characters). external = true looks the user up instead of
    creating it; every other attribute is then ignored (the identity provider owns it). Created
    users need display_name, given_name and family_name; the other attributes are optional, each 1
    to 1024 characters. email is short for one primary email; emails, phone_numbers and addresses
    hold at most one entry each (the identity store keeps one of each per user).
  EOT
  type = map(object({
    display_name       = optional(string)
    given_name         = optional(string)
    family_name        = optional(string)
    middle_name        = optional(string)
    honorific_prefix   = optional(string)
    honorific_suffix   = optional(string)
    formatted_name     = optional(string)
    nickname           = optional(string)
    profile_url        = optional(string)
    title              = optional(string)
    user_type          = optional(string)
    preferred_language = optional(string)
    locale             = optional(string)
    timezone           = optional(string)
    email              = optional(string)
    emails = optional(list(object({
      value   = string
      type    = optional(string)
      primary = optional(bool, true)
    })), [])
    phone_numbers = optional(list(object({
      value   = string
      type    = optional(string)
      primary = optional(bool, true)
    })), [])
    addresses = optional(list(object({
      street_address = optional(string)
      locality       = optional(string)
      region         = optional(string)
      postal_code    = optional(string)
      country        = optional(string)
      formatted      = optional(string)
      type           = optional(string)
      primary        = optional(bool, true)
    })), [])
    external = optional(bool, false)
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.users) : length(name) >= 1 && length(name) <= 128])
    error_message = "Every user name must be 1 to 128 characters long."
  }

  validation {
    condition     = alltrue([for user in values(var.users) : user.external || (user.display_name != null && user.given_name != null && user.family_name != null)])
    error_message = "Every user this module creates needs display_name, given_name and family_name."
  }

  validation {
    condition     = alltrue([for user in values(var.users) : length(user.emails) + (user.email != null ? 1 : 0) <= 1 && length(user.phone_numbers) <= 1 && length(user.addresses) <= 1])
    error_message = "Every user has at most one email (email or emails), one phone number and one address: the identity store keeps one of each per user."
  }
}
