output "assignment_ids" {
  description = "ID of every account assignment, by assignment key."
  value       = module.account_assignments.assignment_ids
}
