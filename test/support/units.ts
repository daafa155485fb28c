/** A unit of a resolved model by name, checked to be of the kind a test expects (and typed as that kind). */
import type { ResolvedModel, UnitKind, UnitOfKind } from '../../src/model/ir';

export function unitNamed<K extends UnitKind>(ir: Pick<ResolvedModel, 'units'>, name: string, kind: K): UnitOfKind<K> {
  const unit = ir.units.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}; units: ${ir.units.map((u) => u.name).join(', ')}`);
  if (unit.kind !== kind) throw new Error(`unit ${name} is of kind ${unit.kind}, not ${kind}`);
  return unit as UnitOfKind<K>;
}

/** Every unit of one kind, in IR order. */
export function unitsOfKind<K extends UnitKind>(ir: Pick<ResolvedModel, 'units'>, kind: K): UnitOfKind<K>[] {
  return ir.units.filter((u): u is UnitOfKind<K> => u.kind === kind);
}
