/**
 * What the emulator holds after an apply, and what the model says it should hold, in one shape so
 * a test compares them with one `toEqual`: permission sets (with their policies, boundary and tags),
 * groups with their members, users, assignment triples by name, and every key (settings, replica
 * Regions, and the parsed key policy of the primary and of each replica).
 *
 * The emulator is read with idcgen's own paginated reader (src/import/read.ts), through SDK clients
 * of the harness; key policies are compared as parsed JSON with statements ordered by Sid (order
 * carries no meaning in a policy; the HCL module orders them by Sid).
 */
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import { identityStoreArn } from '../../../src/aws/facts';
import { Caller } from '../../../src/import/aws';
import type { Estate } from '../../../src/import/estate';
import { readEstate } from '../../../src/import/read';
import type { ResolvedModel } from '../../../src/model/ir';
import { renderPolicy } from '../../../src/policy/render';
import type { PolicyDocumentJson } from '../../../src/model/policy-types';
import type { Emulator } from './emulator';

export interface PermissionSetFacts {
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly string[];
  readonly inlinePolicy?: unknown;
  readonly permissionsBoundary?: unknown;
}

export interface KeyFacts {
  readonly description: string;
  readonly multiRegion: boolean;
  readonly rotation: { readonly enabled: boolean; readonly periodDays?: number };
  readonly replicaRegions: readonly string[];
  /** Region → key policy (the primary's Region and each replica's). */
  readonly policies: Readonly<Record<string, unknown>>;
  /** Region → alias names of the key there (aliases are Regional: each replica carries the primary's). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
}

export interface StateFacts {
  readonly permissionSets: Readonly<Record<string, PermissionSetFacts>>;
  readonly groups: Readonly<Record<string, { description?: string; external: boolean; members: readonly string[] }>>;
  readonly users: Readonly<Record<string, { displayName?: string; givenName?: string; familyName?: string; email?: string; external: boolean }>>;
  /** `<GROUP|USER>/<principal>/<permission set>/<account id>`, sorted. */
  readonly assignments: readonly string[];
  /** By key name. */
  readonly keys: Readonly<Record<string, KeyFacts>>;
}

/** Statements ordered by Sid: equal documents compare equal whatever order they were written in. */
export function policyBySid(doc: { Version?: string; Statement?: unknown }): unknown {
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as { Sid?: string }[];
  return { ...doc, Statement: [...statements].sort((a, b) => (a.Sid ?? '').localeCompare(b.Sid ?? '')) };
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/** The ARN of every model key, looked up by alias in the emulator (it exists only once applied). */
export async function liveKeyArns(emu: Emulator, ir: ResolvedModel): Promise<Record<string, string>> {
  const kms = emu.clients(ir.identityCenter.region).kms;
  const out: Record<string, string> = {};
  for (const key of ir.keys) out[key.name] = (await kms.send(new DescribeKeyCommand({ KeyId: key.alias }))).KeyMetadata?.Arn as string;
  return out;
}

/** Read the emulator's estate (the same reader `idcgen import` uses). */
export async function readLiveEstate(emu: Emulator, region: string): Promise<Estate> {
  return readEstate(emu.clients(region), new Caller(), { region });
}

/** What the emulator holds, for the model's keys. */
export async function liveFacts(emu: Emulator, ir: ResolvedModel): Promise<StateFacts> {
  const estate = await readLiveEstate(emu, ir.identityCenter.region);
  const userNames = new Map(estate.users.map((u) => [u.id, u.userName]));
  const groupNames = new Map(estate.groups.map((g) => [g.id, g.displayName]));
  const setNames = new Map(estate.permissionSets.map((p) => [p.arn, p.name]));
  const permissionSets = Object.fromEntries(
    estate.permissionSets.map((p) => [
      p.name,
      {
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.sessionDuration !== undefined ? { sessionDuration: p.sessionDuration } : {}),
        ...(p.relayState !== undefined ? { relayState: p.relayState } : {}),
        tags: p.tags,
        managedPolicyArns: sorted(p.managedPolicyArns),
        customerManagedPolicies: sorted(p.customerManagedPolicies.map((c) => `${c.path}${c.name}`)),
        ...(p.inlinePolicy !== undefined ? { inlinePolicy: JSON.parse(p.inlinePolicy) } : {}),
        ...(p.permissionsBoundary !== undefined ? { permissionsBoundary: p.permissionsBoundary } : {}),
      },
    ]),
  );
  const groups = Object.fromEntries(
    estate.groups.map((g) => [
      g.displayName,
      {
        ...(g.description !== undefined ? { description: g.description } : {}),
        external: g.external,
        members: sorted(g.memberships.map((m) => userNames.get(m.userId) ?? `unknown user ${m.userId}`)),
      },
    ]),
  );
  const users = Object.fromEntries(
    estate.users.map((u) => [
      u.userName,
      { displayName: u.displayName, givenName: u.givenName, familyName: u.familyName, emails: u.emails ?? [], external: u.external },
    ]),
  );
  const assignments = sorted(
    estate.assignments.map((a) => {
      const principal = (a.principalType === 'GROUP' ? groupNames : userNames).get(a.principalId) ?? `unknown ${a.principalId}`;
      return `${a.principalType}/${principal}/${setNames.get(a.permissionSetArn) ?? a.permissionSetArn}/${a.accountId}`;
    }),
  );
  return { permissionSets, groups, users, assignments, keys: await liveKeys(emu, ir) };
}

async function liveKeys(emu: Emulator, ir: ResolvedModel): Promise<Record<string, KeyFacts>> {
  const out: Record<string, KeyFacts> = {};
  for (const key of ir.keys) {
    const kms = emu.clients(ir.identityCenter.region).kms;
    const meta = (await kms.send(new DescribeKeyCommand({ KeyId: key.alias }))).KeyMetadata;
    const KeyId = meta?.KeyId as string;
    const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId }));
    const replicaRegions = sorted((meta?.MultiRegionConfiguration?.ReplicaKeys ?? []).map((r) => r.Region as string));
    const policies: Record<string, unknown> = {};
    const aliases: Record<string, string[]> = {};
    for (const region of [ir.identityCenter.region, ...replicaRegions]) {
      const regional = emu.clients(region).kms;
      const policy = await regional.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }));
      policies[region] = policyBySid(JSON.parse(policy.Policy as string));
      aliases[region] = sorted(((await regional.send(new ListAliasesCommand({ KeyId }))).Aliases ?? []).map((a) => a.AliasName as string));
    }
    out[key.name] = {
      description: meta?.Description ?? '',
      multiRegion: meta?.MultiRegion === true,
      rotation: {
        enabled: rotation.KeyRotationEnabled === true,
        ...(rotation.RotationPeriodInDays !== undefined ? { periodDays: rotation.RotationPeriodInDays } : {}),
      },
      replicaRegions,
      policies,
      aliases,
    };
  }
  return out;
}

/** What the model says the emulator should hold, with the live key ARNs filled in. */
export function modelFacts(ir: ResolvedModel, keyArns: Readonly<Record<string, string>>, ownerAccountId: string): StateFacts {
  const { region, instanceArn = '', identityStoreId = '' } = ir.identityCenter;
  const values = { keyArns, instanceArn, identityStoreArn: identityStoreArn(instanceArn, ownerAccountId, identityStoreId) };
  const render = (doc: PolicyDocumentJson): unknown => JSON.parse(JSON.stringify(renderPolicy(doc, values)));
  const permissionSets = Object.fromEntries(
    ir.permissionSets.map((p) => [
      p.name,
      {
        ...(p.description !== undefined ? { description: p.description } : {}),
        sessionDuration: p.sessionDuration,
        ...(p.relayState !== undefined ? { relayState: p.relayState } : {}),
        tags: p.tags,
        managedPolicyArns: sorted(p.managedPolicyArns),
        customerManagedPolicies: sorted(p.customerManagedPolicies.map((c) => `${c.path}${c.name}`)),
        ...(p.inlinePolicy !== undefined ? { inlinePolicy: render(p.inlinePolicy) } : {}),
        ...(p.permissionsBoundary !== undefined ? { permissionsBoundary: p.permissionsBoundary } : {}),
      },
    ]),
  );
  const groups = Object.fromEntries(
    ir.groups.map((g) => [
      g.name,
      { ...(g.description !== undefined ? { description: g.description } : {}), external: g.external, members: g.external ? [] : sorted(g.members) },
    ]),
  );
  const users = Object.fromEntries(
    ir.users.map((u) => [
      u.userName,
      { displayName: u.displayName, givenName: u.givenName, familyName: u.familyName, emails: u.emails ?? [], external: u.external },
    ]),
  );
  const assignments = sorted(ir.assignments.map((a) => `${a.principalType}/${a.principalName}/${a.permissionSet}/${a.accountId}`));
  const keys = Object.fromEntries(
    ir.keys.map((k) => {
      const policy = policyBySid(render(k.keyPolicy) as PolicyDocumentJson);
      return [
        k.name,
        {
          description: k.description,
          multiRegion: k.multiRegion,
          rotation: { enabled: k.rotation.enabled, ...(k.rotation.enabled ? { periodDays: k.rotation.periodDays } : {}) },
          replicaRegions: sorted(k.replicaRegions),
          policies: Object.fromEntries([region, ...k.replicaRegions].map((r) => [r, policy])),
          aliases: Object.fromEntries([region, ...k.replicaRegions].map((r) => [r, [k.alias]])),
        },
      ];
    }),
  );
  return { permissionSets, groups, users, assignments, keys };
}
