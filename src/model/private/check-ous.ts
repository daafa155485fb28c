/**
 * `organizationalUnits`: OU path → OU id, so targets can name OUs by id (private/target-refs.ts).
 * Each path is one OU (written once, however it is spelt: `Root/Workloads` is `Workloads`), each
 * id one OU, the root takes a root id (`r-…`) and every other OU an OU id (`ou-…`), and an OU id
 * carries its root's id suffix (`ou-<root suffix>-…`, as Organizations issues them), so ids pasted
 * from another organization are caught.
 */
import { PATTERNS } from '../aws-patterns';
import { hasEmptySegment } from '../paths';
import type { OrgModel } from '../schema';
import { displayOu, normOu } from './account-index';
import { checkPattern, type CheckContext } from './context';
import { emptySegmentMessage, quote } from './describe';
import type { OuIds } from './target-refs';

const SECTION = 'organizationalUnits';

export function checkOrganizationalUnits(ctx: CheckContext): void {
  const ous = ctx.model.organizationalUnits ?? {};
  const byPath = new Map<string, string>();
  const byId = new Map<string, string>();
  const rootId = Object.entries(ous).find(([p]) => normOu(p) === '')?.[1];
  const rootSuffix = rootId !== undefined && PATTERNS.rootId.re.test(rootId) ? rootId.slice('r-'.length) : undefined;
  for (const [written, id] of Object.entries(ous)) {
    const at = [SECTION, written];
    if (hasEmptySegment(written)) {
      ctx.error(at, emptySegmentMessage(SECTION, written), { key: true });
      continue;
    }
    const path = normOu(written);
    const shown = displayOu(written);
    if (byPath.has(path)) {
      ctx.error(at, `${SECTION} ${quote(written)} is the ou ${shown}, which is already listed; list each ou once`, { key: true });
      continue;
    }
    byPath.set(path, id);
    if (!checkPattern(ctx, at, `${SECTION} ${quote(written)} id`, id, path === '' ? PATTERNS.rootId : PATTERNS.ouId)) continue;
    const other = byId.get(id);
    if (other !== undefined) {
      ctx.error(at, `ou id ${quote(id)} is given to both ${other} and ${shown}; each ou has its own id`);
      continue;
    }
    byId.set(id, shown);
    const suffix = id.split('-')[1];
    if (path !== '' && rootSuffix !== undefined && suffix !== rootSuffix) {
      ctx.error(at, `ou id ${quote(id)} belongs to root r-${suffix}, but ${SECTION} gives Root the id ${rootId}; ou ids start with ou-<root id suffix>-`);
    }
  }
}

/** OU id → OU path relative to the root (`''` for the root), for target expansion. */
export function ouIdMap(model: OrgModel): OuIds {
  return new Map(Object.entries(model.organizationalUnits ?? {}).map(([path, id]) => [id, normOu(path)]));
}
