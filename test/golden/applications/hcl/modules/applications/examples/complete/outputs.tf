output "application_arns" {
  description = "ARN of each application, by name."
  value       = module.applications.application_arns
}
