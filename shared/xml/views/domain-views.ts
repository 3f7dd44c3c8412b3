// Every typed view of a domain's own elements, by name (devices have theirs in DEVICE_FIELDS).
// Metadata is the one domain view that is not a field spec (see domain-metadata.ts).
import type { FieldSpec } from './fields';
import { cpuFields, cputuneFields, vcpuFields } from './domain-cpu';
import { clockFields, featureFields } from './domain-features';
import { generalFields } from './domain-general';
import { memoryBackingFields, memoryFields, memtuneFields } from './domain-memory';
import { osFields } from './domain-os';
import { blkiotuneFields, lifecycleFields, numatuneFields } from './domain-tuning';
// Performance tuning (issue 13)
import { iothreadFields } from './domain-iothreads';

export const DOMAIN_FIELDS = {
  general: generalFields,
  memory: memoryFields,
  memoryBacking: memoryBackingFields,
  memtune: memtuneFields,
  vcpu: vcpuFields,
  cputune: cputuneFields,
  cpu: cpuFields,
  os: osFields,
  numatune: numatuneFields,
  blkiotune: blkiotuneFields,
  lifecycle: lifecycleFields,
  features: featureFields,
  clock: clockFields,
  iothreads: iothreadFields,
} satisfies Record<string, FieldSpec>;
