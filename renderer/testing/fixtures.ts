import type { DomainSummary } from '../../shared/api/domains';
import type { HostStatus, HostView } from '../../shared/api/hosts';

/** A VM summary for tests; name defaults from the uuid. */
export function summary(uuid: string, overrides: Partial<DomainSummary> = {}): DomainSummary {
  return { uuid, name: `vm-${uuid}`, state: 'shut off', detailsLoaded: true, ...overrides };
}

export function hostView(
  id: string,
  state: HostStatus['state'] = 'connected',
  name = `host ${id}`,
): HostView {
  return {
    config: { id, name, transport: 'ssh', host: `${id}.example`, uri: 'qemu:///system', autoconnect: true },
    status: { hostId: id, state },
  };
}

/** Lets pending promise callbacks run. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
