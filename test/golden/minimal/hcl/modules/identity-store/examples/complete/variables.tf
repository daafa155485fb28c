variable "region" {
  description = "Identity Center Region."
  type        = string
  default     = "eu-west-1"
}
