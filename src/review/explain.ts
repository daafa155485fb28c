/**
 * explainModel(ir): what one model grants. The access matrix (principal × account → permission
 * sets, each with why the account was selected), per key, who can use it and how, where each
 * deployment unit and permission set is managed from, and who can open each application.
 */
import { compareKeys, type ResolvedModel } from '../model';
import { explainApplications } from './private/applications';
import { keyPower } from '../policy/power';
import { permissionSetPlacements, unitPlacements } from './private/deployment';
import { keyAccess } from './private/key-access';
import { accountIndex } from './private/production';
import type { Explanation, MatrixGrant, MatrixRow } from './types';

export function explainModel(ir: ResolvedModel): Explanation {
  const accounts = accountIndex(ir);
  const rows = new Map<string, { row: Omit<MatrixRow, 'grants'>; grants: MatrixGrant[] }>();
  for (const a of ir.assignments) {
    const k = `${a.principalType}\u0000${a.principalName}\u0000${a.accountName}`;
    let r = rows.get(k);
    if (!r) {
      const account = accounts.get(a.accountName) ?? { name: a.accountName, id: a.accountId, production: false };
      r = { row: { principalType: a.principalType, principalName: a.principalName, account }, grants: [] };
      rows.set(k, r);
    }
    r.grants.push({ permissionSet: a.permissionSet, reasons: a.reasons });
  }
  const matrix = [...rows.keys()].sort(compareKeys).map((k): MatrixRow => {
    const r = rows.get(k)!;
    return { ...r.row, grants: [...r.grants].sort((x, y) => compareKeys(x.permissionSet, y.permissionSet)) };
  });

  const groupMembers: Record<string, readonly string[]> = {};
  for (const g of [...ir.groups].sort((x, y) => compareKeys(x.name, y.name))) {
    if (g.members.length > 0) groupMembers[g.name] = [...g.members].sort(compareKeys);
  }

  return {
    source: ir.source,
    units: unitPlacements(ir),
    permissionSets: permissionSetPlacements(ir),
    matrix,
    groupMembers,
    keys: ir.keys.map((k) => ({
      name: k.name,
      alias: k.alias,
      usedByIdentityCenter: k.usedByIdentityCenter,
      multiRegion: k.multiRegion,
      replicaRegions: k.replicaRegions,
      access: keyAccess(k, ir),
      power: keyPower(ir, k),
    })),
    applications: explainApplications(ir),
  };
}
