import { STRING_MAX, type RpcConnection } from './rpc-connection';
import { XdrError, type XdrReader, type XdrWriter } from './xdr';

/**
 * The few read-only calls of libvirt's remote program VirtDesk makes (numbers and layouts from
 * libvirt's src/remote/remote_protocol.x; stable: the protocol only ever adds procedures).
 */
const enum Procedure {
  ConnectOpen = 1,
  ConnectClose = 2,
  NodeGetInfo = 6,
  DomainGetXmlDesc = 14,
  AuthList = 66,
  AuthPolkit = 70,
  StoragePoolLookupByName = 84,
  StorageVolGetXmlDesc = 99,
  DomainGetState = 212,
  ConnectListAllDomains = 273,
  StoragePoolListAllVolumes = 282,
}

export const enum AuthType {
  None = 0,
  Sasl = 1,
  Polkit = 2,
}

/** virConnectOpen's read-only flag: the daemon refuses every change on such a connection. */
const CONNECT_RO = 1;
/** virDomainGetXMLDesc's flag for the next boot's definition. */
const DOMAIN_XML_INACTIVE = 2;
const AUTH_TYPE_LIST_MAX = 20;
const DOMAIN_LIST_MAX = 16_384;
const STORAGE_VOL_LIST_MAX = 16_384;
const UUID_BYTES = 16;

export interface DomainRef {
  name: string;
  /** As libvirt prints it: 8-4-4-4-12 hex digits. */
  uuid: string;
}

/** A domain as libvirt names it on the wire; `id` is -1 when it is not running. */
export interface DomainEntry extends DomainRef {
  id: number;
}

/** virConnectListAllDomains' filters (libvirt-domain.h, virConnectListAllDomainsFlags). */
export const enum DomainListFilter {
  All = 0,
  Transient = 8,
  Running = 16,
  Paused = 32,
  Shutoff = 64,
  Other = 128,
  ManagedSave = 256,
  Autostart = 1024,
}

export interface PoolRef {
  name: string;
  uuid: Buffer;
}

export interface VolumeRef {
  pool: string;
  name: string;
  key: string;
}

export async function authList(rpc: RpcConnection): Promise<AuthType[]> {
  const r = await rpc.call(Procedure.AuthList);
  const n = r.count(AUTH_TYPE_LIST_MAX);
  return Array.from({ length: n }, () => r.int() as AuthType);
}

/** Polkit authorises by the socket's peer (the SSH user): nothing to send. */
export async function authPolkit(rpc: RpcConnection): Promise<void> {
  await rpc.call(Procedure.AuthPolkit);
}

export async function connectOpen(rpc: RpcConnection, uri: string): Promise<void> {
  await rpc.call(Procedure.ConnectOpen, (w) => w.optionalString(uri).uint(CONNECT_RO));
}

export async function connectClose(rpc: RpcConnection): Promise<void> {
  await rpc.call(Procedure.ConnectClose);
}

export async function domainXml(rpc: RpcConnection, domain: DomainRef, inactive: boolean): Promise<string> {
  const r = await rpc.call(Procedure.DomainGetXmlDesc, (w) => {
    writeDomain(w, domain);
    w.uint(inactive ? DOMAIN_XML_INACTIVE : 0);
  });
  return r.string(STRING_MAX);
}

/** virNodeGetInfo's CPU count (the model comes first: 32 XDR chars, four bytes each). */
export async function nodeCpus(rpc: RpcConnection): Promise<number> {
  const r = await rpc.call(Procedure.NodeGetInfo);
  for (let i = 0; i < 32; i++) r.int();
  r.uint(); // memory, a hyper: two words
  r.uint();
  return r.int();
}

export async function listAllDomains(rpc: RpcConnection, filter: DomainListFilter): Promise<DomainEntry[]> {
  const r = await rpc.call(Procedure.ConnectListAllDomains, (w) => w.int(1).uint(filter));
  const n = r.count(DOMAIN_LIST_MAX);
  return Array.from({ length: n }, () => readDomain(r));
}

/** virDomainGetState: the state's number (virDomainState) and its reason. */
export async function domainState(rpc: RpcConnection, domain: DomainRef): Promise<number> {
  const r = await rpc.call(Procedure.DomainGetState, (w) => writeDomain(w, domain).uint(0));
  return r.int();
}

export async function poolByName(rpc: RpcConnection, name: string): Promise<PoolRef> {
  const r = await rpc.call(Procedure.StoragePoolLookupByName, (w) => w.string(name));
  return readPool(r);
}

export async function poolVolumes(rpc: RpcConnection, pool: PoolRef): Promise<VolumeRef[]> {
  const r = await rpc.call(Procedure.StoragePoolListAllVolumes, (w) => {
    w.string(pool.name).fixedOpaque(pool.uuid, UUID_BYTES);
    w.int(1).uint(0); // need_results, flags
  });
  const n = r.count(STORAGE_VOL_LIST_MAX);
  return Array.from({ length: n }, () => readVolume(r));
}

export async function volumeXml(rpc: RpcConnection, volume: VolumeRef): Promise<string> {
  const r = await rpc.call(Procedure.StorageVolGetXmlDesc, (w) => {
    w.string(volume.pool).string(volume.name).string(volume.key);
    w.uint(0);
  });
  return r.string(STRING_MAX);
}

function writeDomain(w: XdrWriter, domain: DomainRef): XdrWriter {
  // id -1: the daemon finds the domain by its UUID
  return w.string(domain.name).fixedOpaque(uuidBytes(domain.uuid), UUID_BYTES).int(-1);
}

function readDomain(r: XdrReader): DomainEntry {
  const name = r.string(STRING_MAX);
  const uuid = uuidText(r.fixedOpaque(UUID_BYTES));
  return { name, uuid, id: r.int() };
}

function readPool(r: XdrReader): PoolRef {
  return { name: r.string(STRING_MAX), uuid: r.fixedOpaque(UUID_BYTES) };
}

function readVolume(r: XdrReader): VolumeRef {
  return { pool: r.string(STRING_MAX), name: r.string(STRING_MAX), key: r.string(STRING_MAX) };
}

/** 16 bytes → libvirt's 8-4-4-4-12 lower-case form. */
export function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new XdrError(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}
