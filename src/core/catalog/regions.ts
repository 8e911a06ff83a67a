/**
 * AWS partitions and their Regions. The list is a snapshot (late 2026):
 * a well-formed Region that is not listed is accepted with a warning,
 * because AWS adds Regions faster than this tool ships.
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface PartitionInfo {
  readonly id: Partition;
  readonly name: string;
  readonly regions: readonly string[];
}

export const PARTITIONS: readonly PartitionInfo[] = [
  {
    id: 'aws',
    name: 'AWS commercial',
    regions: [
      'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
      'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
      'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1',
      'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
      'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
      'mx-central-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
    ],
  },
  { id: 'aws-cn', name: 'AWS China', regions: ['cn-north-1', 'cn-northwest-1'] },
  { id: 'aws-us-gov', name: 'AWS GovCloud (US)', regions: ['us-gov-east-1', 'us-gov-west-1'] },
];

export const PARTITION_IDS: readonly Partition[] = PARTITIONS.map((p) => p.id);

/** Shape of a Region code: `us-east-1`, `us-gov-west-1`, `cn-north-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function isPartition(value: string): value is Partition {
  return (PARTITION_IDS as readonly string[]).includes(value);
}

export function partitionInfo(id: Partition): PartitionInfo {
  return PARTITIONS.find((p) => p.id === id)!;
}

/** The partition a Region code belongs to, by its prefix. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function isKnownRegion(region: string): boolean {
  return PARTITIONS.some((p) => p.regions.includes(region));
}

export const ALL_REGIONS: readonly string[] = PARTITIONS.flatMap((p) => p.regions);
