// https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
/**
 * AWS Regions and the partitions they belong to, from the partition metadata the AWS SDK for
 * JavaScript ships (`@aws-sdk/core`, the same data every SDK client resolves endpoints with), never
 * from a list written here. A Region the SDK does not list is not accepted: a misspelt Region
 * (`eu-centrl-1`) would otherwise generate a provider that fails only at apply time. Upgrading
 * `@aws-sdk/core` brings new Regions.
 *
 * The SDK exports only `partition(region)`, which cannot enumerate Regions (needed for "did you
 * mean"); the data it reads is the JSON object literal of its `partitions.js`, parsed here. The
 * tests check that every Region parsed here resolves to the same partition through the public API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { didYouMean } from './private/describe';

export interface PartitionInfo {
  /** `aws`, `aws-cn`, `aws-us-gov`, ... as in ARNs. */
  readonly id: string;
  /** Endpoint domain, e.g. `amazonaws.com.cn`. */
  readonly dnsSuffix: string;
  readonly regionRegex: RegExp;
  /** Region code → description (`eu-west-1` → `Europe (Ireland)`), without the `*-global` pseudo-Regions. */
  readonly regions: ReadonlyMap<string, string>;
}

/** Where `@aws-sdk/core` keeps the data, relative to its package.json. */
const PARTITIONS_FILE = 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';

let cached: readonly PartitionInfo[] | undefined;

/** Every partition the SDK knows, in its order. */
export function partitions(): readonly PartitionInfo[] {
  if (cached) return cached;
  const file = path.join(path.dirname(require.resolve('@aws-sdk/core/package.json')), PARTITIONS_FILE);
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  const data = JSON.parse(text.slice(start, end + 1)) as {
    partitions: { id: string; outputs: { dnsSuffix: string }; regionRegex: string; regions: Record<string, { description?: string }> }[];
  };
  cached = data.partitions.map((p) => ({
    id: p.id,
    dnsSuffix: p.outputs.dnsSuffix,
    regionRegex: new RegExp(p.regionRegex),
    regions: new Map(
      Object.entries(p.regions)
        .filter(([r]) => !r.endsWith('-global'))
        .map(([r, v]) => [r, v.description ?? r]),
    ),
  }));
  return cached;
}

/** The partition that lists `region`, or undefined when no partition does. */
export function partitionListing(region: string): PartitionInfo | undefined {
  return partitions().find((p) => p.regions.has(region));
}

/**
 * The partition of a Region, for ARNs idcgen builds: the one that lists it, else the one whose
 * Region pattern matches it (as the SDK resolves it), else `aws`. Models only hold listed Regions.
 */
export function partitionOf(region: string): string {
  return (partitionListing(region) ?? partitions().find((p) => p.regionRegex.test(region)))?.id ?? 'aws';
}

/** Every listed Region, sorted. */
export function knownRegions(): string[] {
  return partitions()
    .flatMap((p) => [...p.regions.keys()])
    .sort();
}

/**
 * The problem with a Region a model names, for messages (`<what> 'x' ...`), or undefined when the
 * SDK lists it: a close listed Region is suggested, otherwise the Regions of the partition whose
 * pattern the value matches (or every listed Region) are.
 */
export function unknownRegionMessage(what: string, region: string): string | undefined {
  if (partitionListing(region)) return undefined;
  const head = `${what} '${region}' is not a region the aws sdk knows`;
  const hint = didYouMean(region, knownRegions());
  if (hint) return head + hint;
  const matching = partitions().find((p) => p.regionRegex.test(region));
  const allowed = matching ? [...matching.regions.keys()].sort() : knownRegions();
  return `${head}; allowed${matching ? ` in partition ${matching.id}` : ''}: ${allowed.join(', ')}`;
}

/** The problem with a Region outside the partition of `home`, or undefined when both share it. */
export function otherPartitionMessage(what: string, region: string, home: string, homeWhat: string): string | undefined {
  const [p, h] = [partitionOf(region), partitionOf(home)];
  return p === h
    ? undefined
    : `${what} '${region}' is in partition ${p}, but ${homeWhat} ${home} is in partition ${h}; aws keeps partitions apart, so use a region of ${h}`;
}
