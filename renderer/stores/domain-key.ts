/** A VM is identified across hosts by `hostId/uuid` (the same UUID can exist on two connections). */
export type DomainKey = string;

export type DomainRef = { hostId: string; uuid: string };

export function domainKey(hostId: string, uuid: string): DomainKey {
  return `${hostId}/${uuid}`;
}

export function parseDomainKey(key: DomainKey): DomainRef {
  const slash = key.lastIndexOf('/');
  return { hostId: key.slice(0, slash), uuid: key.slice(slash + 1) };
}
