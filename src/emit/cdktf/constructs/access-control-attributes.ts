/**
 * The instance's attributes for access control (ABAC): each key becomes the session tag
 * `aws:PrincipalTag/<key>`, filled from its source in the identity source.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html
 */
import type { AccessControlAttribute } from '../../../model';
import { Construct, SsoadminInstanceAccessControlAttributes } from '../cdktf';

/** Props of {@link AccessControlAttributes}. */
export interface AccessControlAttributesProps {
  readonly instanceArn: string;
  /** At least one; sorted by key. */
  readonly attributes: readonly AccessControlAttribute[];
}

/** `aws_ssoadmin_instance_access_control_attributes` of the instance. */
export class AccessControlAttributes extends Construct {
  constructor(scope: Construct, id: string, props: AccessControlAttributesProps) {
    super(scope, id);
    new SsoadminInstanceAccessControlAttributes(this, 'Attributes', {
      instanceArn: props.instanceArn,
      attribute: props.attributes.map((a) => ({
        key: a.key,
        // Sources are AWS's attribute references (`${path:...}`): model text, escaped at the stack
        // boundary (GeneratedStack) like every other, so they reach AWS as written.
        value: [{ source: [...a.sources] }],
      })),
    });
  }
}
