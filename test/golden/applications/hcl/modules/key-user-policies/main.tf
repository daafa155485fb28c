locals {
  policies = var.create ? var.policies : {}

  # Keyed by "<policy>/<role>": attaching the policy to one more role never moves another attachment.
  role_attachments = merge([
    for name, policy in local.policies : {
      for role in policy.attach_to_roles : "${name}/${role}" => { policy = name, role = role }
    }
  ]...)
}

################################################################################
# IAM policies
# Principals outside the key's account need an identity policy as well as the key policy.
# https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
################################################################################

resource "aws_iam_policy" "this" {
  for_each = local.policies

  name        = each.key
  path        = each.value.path
  description = each.value.description
  policy      = each.value.policy
  tags        = var.tags
}

################################################################################
# Role attachments
################################################################################

resource "aws_iam_role_policy_attachment" "this" {
  for_each = local.role_attachments

  role       = each.value.role
  policy_arn = aws_iam_policy.this[each.value.policy].arn
}
