variable "region" {
  description = "Identity Center Region: the primary key lives here, in the management account."
  type        = string
  default     = "eu-west-1"
}

variable "replica_region" {
  description = "Additional Identity Center Region that gets a replica of the key."
  type        = string
  default     = "eu-central-1"
}
