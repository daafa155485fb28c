variable "region" {
  description = "Region of the provider; IAM is global, so any enabled Region works."
  type        = string
  default     = "eu-west-1"
}

variable "key_alias" {
  description = "Alias of the Identity Center key in the management account."
  type        = string
  default     = "alias/identity-center"
}

variable "management_account_id" {
  description = "Account that holds the Identity Center key."
  type        = string
  default     = "111111111111"
}
