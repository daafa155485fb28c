/**
 * The Terraform types each unit's stack holds, read from the synthesized CDKTF stacks (the HCL
 * roots plan the same resources: test/equivalence), split by the account they act in: the
 * unit's default provider acts in the unit's account (through the role it assumes there, if any);
 * aliased providers (`management`, replica Regions) act in the management account.
 */
import { synthCdktf } from '../emit/cdktf';
import { compareKeys, type ResolvedModel } from '../model';
import type { UnitTypes } from './deployer';

interface StackJson {
  resource?: Record<string, Record<string, { provider?: string }>>;
  data?: Record<string, Record<string, { provider?: string }>>;
}

export function unitTypes(ir: ResolvedModel): UnitTypes[] {
  const files = synthCdktf(ir);
  return ir.units.map((unit) => {
    const stack = JSON.parse(files.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string) as StackJson;
    const management = new Set<string>();
    const member = new Set<string>();
    const place = (type: string, blocks: Record<string, { provider?: string }>): void => {
      for (const block of Object.values(blocks)) {
        const aliased = block.provider !== undefined && block.provider !== 'aws';
        // The default provider of a unit that assumes a role (member units, a delegated
        // administrator's units) acts through that role.
        (unit.assumeRoleArn !== undefined && !aliased ? member : management).add(type);
      }
    };
    for (const [type, blocks] of Object.entries(stack.resource ?? {})) place(type, blocks);
    for (const [type, blocks] of Object.entries(stack.data ?? {})) place(`data.${type}`, blocks);
    return { unit: unit.name, management: [...management].sort(compareKeys), member: [...member].sort(compareKeys) };
  });
}
