// https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
/**
 * Every ARN a model writes (instance, managed policies, role principals, ARNs inside policy
 * documents) must be in the partition of the Identity Center Region: IAM rejects a policy that
 * names another partition, and an `arn:aws:` principal in a GovCloud key policy names nobody.
 * The ARNs idcgen builds itself come from src/model/arns.ts with the same partition.
 */
import { arnPartition, inPartition } from '../arns';
import type { ModelPath } from '../load';
import { partitionListing, partitionOf } from '../regions';
import type { CheckContext } from './context';

export function checkPartition(ctx: CheckContext): void {
  const region = ctx.model.identityCenter.region;
  // An unknown Region is reported on its own; its partition would be a guess.
  if (!partitionListing(region)) return;
  const home = partitionOf(region);
  const visit = (value: unknown, path: ModelPath): void => {
    if (typeof value === 'string') {
      const p = arnPartition(value);
      if (p !== undefined && p !== home) {
        ctx.error(
          path,
          `arn '${value}' is in partition ${p}, but the identity center region ${region} is in partition ${home}; use ${inPartition(value, home)}`,
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(ctx.model, []);
}
