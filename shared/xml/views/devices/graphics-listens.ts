// Where a <graphics> display listens, as libvirt defines it (formatdomain "Graphical framebuffers";
// virDomainGraphicsListensParseXML in src/conf/domain_conf.c):
//  - the <listen> children, in order, each of type address, network, socket or none;
//  - the legacy `listen` attribute mirrors the address of the first one when it is of type address
//    (libvirt fills a first address listen without address from it and ignores it otherwise);
//  - for VNC, the legacy `socket` attribute mirrors the socket of a first socket listen, and
//    replaces a first address or network listen;
//  - without children, the attributes alone define one listen.
// Writing keeps the mirrors in step, or drops them where libvirt would read them differently.
import type { XmlElement } from '../../document';
import { findChildren, getAttr, setAttr } from '../../node-ops';
import { attr, type Field } from '../fields';
import { list } from '../list-field';

export type ListenType = 'address' | 'network' | 'socket' | 'none';

export interface GraphicsListen {
  type: ListenType;
  /** An IP address or host name (type address; for network, the address libvirt resolved). */
  address?: string;
  /** A libvirt network name (type network). */
  network?: string;
  /** A unix socket path (type socket; libvirt picks one when absent). */
  socket?: string;
}

const children = list('', 'listen', {
  type: attr<ListenType>('', 'type'),
  address: attr('', 'address'),
  network: attr('', 'network'),
  socket: attr('', 'socket'),
}) as Field<GraphicsListen[]>;

/** The graphics types libvirt reads the legacy attributes of. */
const LEGACY_TYPES = new Set(['vnc', 'spice', 'rdp']);

const nonEmpty = (s: string | undefined): string | undefined => (s ? s : undefined);
const legacyAddress = (g: XmlElement) =>
  LEGACY_TYPES.has(getAttr(g, 'type') ?? '') ? nonEmpty(getAttr(g, 'listen')) : undefined;
const legacySocket = (g: XmlElement) =>
  getAttr(g, 'type') === 'vnc' ? nonEmpty(getAttr(g, 'socket')) : undefined;

function readListens(g: XmlElement): GraphicsListen[] | undefined {
  const address = legacyAddress(g);
  const socket = legacySocket(g);
  const listens = children.read(g);
  if (!listens) {
    if (socket) return [{ type: 'socket', socket }];
    return address ? [{ type: 'address', address }] : undefined;
  }
  const [first, ...rest] = listens as [GraphicsListen, ...GraphicsListen[]];
  if (socket && (first.type === 'address' || first.type === 'network')) {
    return [{ type: 'socket', socket }, ...rest];
  }
  if (first.type === 'address' && first.address === undefined && address) {
    return [{ ...first, address }, ...rest];
  }
  if (first.type === 'socket' && first.socket === undefined && socket) return [{ ...first, socket }, ...rest];
  return listens;
}

const sameListen = (a: GraphicsListen, b: GraphicsListen): boolean =>
  a.type === b.type && a.address === b.address && a.network === b.network && a.socket === b.socket;

const sameListens = (a: GraphicsListen[] | undefined, b: GraphicsListen[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => sameListen(x, b![i]!));

/** A document without <listen> children whose legacy attribute can say it alone: set just that. */
function writeLegacyOnly(g: XmlElement, listens: GraphicsListen[]): boolean {
  if (listens.length !== 1 || findChildren(g, 'listen').length > 0) return false;
  const { type, address, network, socket } = listens[0]!;
  if (type === 'address' && address && !network && !socket && legacyAddress(g) && !legacySocket(g)) {
    setAttr(g, 'listen', address);
    return true;
  }
  if (type === 'socket' && socket && !address && !network && legacySocket(g)) {
    setAttr(g, 'socket', socket);
    return true;
  }
  return false;
}

/** Keep the legacy attributes that are there in step with the first listen, or drop them. */
function syncLegacy(g: XmlElement, first: GraphicsListen | undefined): void {
  if (getAttr(g, 'listen') !== undefined) {
    const mirrors = first?.type === 'address' || first?.type === 'network';
    setAttr(g, 'listen', mirrors ? first.address : undefined);
  }
  if (getAttr(g, 'type') === 'vnc' && getAttr(g, 'socket') !== undefined) {
    setAttr(g, 'socket', first?.type === 'socket' ? first.socket : undefined);
  }
}

/** All listens of a display, first one first (QEMU uses only one). `undefined`: libvirt's default. */
export const graphicsListens: Field<GraphicsListen[]> = {
  read: readListens,
  write(g, value, depth) {
    const listens = value?.length ? value : undefined;
    if (sameListens(readListens(g), listens)) return;
    if (listens && writeLegacyOnly(g, listens)) return;
    children.write(g, listens, depth);
    syncLegacy(g, listens?.[0]);
  },
};
