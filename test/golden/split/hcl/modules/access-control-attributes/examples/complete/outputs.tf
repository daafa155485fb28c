output "attributes" {
  description = "The attributes for access control as configured."
  value       = module.access_control_attributes.attributes
}
