output "status" {
  description = "Status of the instance's attributes for access control configuration (ENABLED, CREATION_IN_PROGRESS, CREATION_FAILED), or null when none is managed."
  value       = try(aws_ssoadmin_instance_access_control_attributes.this[0].status, null)
}

output "attributes" {
  description = "The attributes for access control as configured: key to sources."
  value       = var.create ? var.attributes : {}
}
