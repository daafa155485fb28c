// https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
/**
 * The use-case catalog: every use case a key can serve, in the order its statements appear in
 * the key policy, with where AWS documents it. `keys.ts` turns a key's use cases into statements
 * with the builders in g3.ts / g2.ts / advanced.ts.
 */
import type { AddedUseCaseId, ModelUseCaseId, UseCaseId } from '../../model';
import { DOCS } from './aws';

// The ids are the model's vocabulary (the IR records them): ModelUseCaseId comes from the schema.
export type { ModelUseCaseId, UseCaseId };

/** Use cases idcgen adds from other settings (administrators, the deployer, the deletion guard): never listed under useCases. */
const ADDED: ReadonlySet<UseCaseId> = new Set<AddedUseCaseId>(['key-administration', 'identity-center-service', 'deployer', 'deletion-guard']);

export interface UseCaseEntry {
  readonly id: UseCaseId;
  /** What it grants, for messages and review. */
  readonly title: string;
  readonly docUrl: string;
  /** Whether the model must name principals for it. */
  readonly principals: 'required' | 'optional' | 'none';
  /**
   * What principals in another account (or granted through their account root) need in their
   * identity policy: full administration use, Decrypt only, or nothing.
   */
  readonly identityAccess: 'administration' | 'decrypt' | 'none';
}

export const USE_CASES: readonly UseCaseEntry[] = [
  { id: 'key-administration', title: 'key administrators', docUrl: DOCS.kmsKeyAdministrators, principals: 'required', identityAccess: 'none' },
  { id: 'identity-center-admins', title: 'Identity Center administrators', docUrl: DOCS.baseline, principals: 'required', identityAccess: 'administration' },
  { id: 'delegated-admins', title: 'delegated administrators', docUrl: DOCS.baseline, principals: 'required', identityAccess: 'administration' },
  {
    id: 'deployer',
    title: 'the deployer using the key through Identity Center (deployment.deployer)',
    docUrl: DOCS.cmkErrors,
    principals: 'none',
    identityAccess: 'none',
  },
  { id: 'identity-center-service', title: 'Identity Center and Identity Store services', docUrl: DOCS.baseline, principals: 'none', identityAccess: 'none' },
  { id: 'read-only-admins', title: 'read-only administrators of the instance', docUrl: DOCS.advanced, principals: 'required', identityAccess: 'decrypt' },
  {
    id: 'managed-application-admins',
    title: 'administrators of AWS managed applications',
    docUrl: DOCS.baseline,
    principals: 'optional',
    identityAccess: 'decrypt',
  },
  { id: 'managed-applications', title: 'AWS managed applications', docUrl: DOCS.baseline, principals: 'none', identityAccess: 'none' },
  {
    id: 'restrict-managed-applications',
    title: 'AWS managed applications restricted by service, account or instance',
    docUrl: DOCS.advanced,
    principals: 'none',
    identityAccess: 'none',
  },
  { id: 'control-tower-admins', title: 'AWS Control Tower administrators', docUrl: DOCS.baseline, principals: 'required', identityAccess: 'decrypt' },
  { id: 'ec2-windows-sso', title: 'SSO to Amazon EC2 Windows instances', docUrl: DOCS.baseline, principals: 'required', identityAccess: 'decrypt' },
  { id: 'custom-workflows', title: 'custom workflows calling Identity Center APIs', docUrl: DOCS.baseline, principals: 'required', identityAccess: 'decrypt' },
  {
    id: 'restrict-to-instance',
    title: 'encryption context restricted to this instance and identity store',
    docUrl: DOCS.advanced,
    principals: 'none',
    identityAccess: 'none',
  },
  {
    id: 'deletion-guard',
    title: 'nobody but the key administrators and the deployer may delete, disable or re-policy the key',
    docUrl: DOCS.kmsDeletingKeys,
    principals: 'none',
    identityAccess: 'none',
  },
];

const BY_ID = new Map(USE_CASES.map((u) => [u.id, u]));

export function useCaseEntry(id: UseCaseId): UseCaseEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`unknown use case '${id}'`);
  return entry;
}

/** Catalog position, for ordering use cases and statements. */
export function useCaseOrder(id: UseCaseId): number {
  return USE_CASES.findIndex((u) => u.id === id);
}

export const MODEL_USE_CASE_IDS: readonly ModelUseCaseId[] = USE_CASES.map((u) => u.id).filter((id): id is ModelUseCaseId => !ADDED.has(id));
