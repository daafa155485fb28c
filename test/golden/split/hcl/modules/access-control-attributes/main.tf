################################################################################
# Attributes for access control (ABAC)
# Each key becomes the session tag aws:PrincipalTag/<key> of every permission-set session, filled
# from its source in the identity source. One configuration per instance.
# https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html
################################################################################

resource "aws_ssoadmin_instance_access_control_attributes" "this" {
  count = var.create && length(var.attributes) > 0 ? 1 : 0

  instance_arn = var.instance_arn

  dynamic "attribute" {
    for_each = var.attributes

    content {
      key = attribute.key

      value {
        source = attribute.value
      }
    }
  }
}
