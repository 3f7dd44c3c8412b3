import type { SerialDevice } from '../../../shared/api/consoles';
import { ApiError } from '../../../shared/api/errors';
import { findChild, getAttr, parseDomainXml } from '../../../shared/xml';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../shared/xml/views/devices/device-views';

/** Where a guest's graphical console listens, from its live XML (`dumpxml --security-info`). */
export interface GraphicsTarget {
  protocol: 'vnc' | 'spice';
  /** TCP on the host (address as the host sees it) or a unix socket on the host. */
  endpoint: { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };
  password?: string;
  /** Why the in-app client cannot show it (it can still be forwarded to remote-viewer). */
  unsupported?: string;
}

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]', '']);

/** The first VNC or SPICE `<graphics>` of a running guest, or a clear error why there is none. */
export function readGraphicsTarget(xml: string): GraphicsTarget {
  const doc = parseDomainXml(xml);
  const graphics = listDevices(doc, 'graphics')
    .map((d) => readDeviceElement('graphics', d.element))
    .filter((g) => g.type === 'vnc' || g.type === 'spice');
  const g = graphics[0];
  if (!g) throw new ApiError('console-unavailable', 'This VM has no VNC or SPICE display');
  const protocol = g.type as 'vnc' | 'spice';
  const password = g.passwd || undefined;
  // QEMU listens on the first listen only (libvirt refuses to start a display with several).
  const listen = g.listens?.[0];
  if (listen?.type === 'socket') {
    if (!listen.socket) throw new ApiError('console-unavailable', 'The display socket is not known yet');
    return { protocol, endpoint: { kind: 'unix', path: listen.socket }, ...(password ? { password } : {}) };
  }
  if (listen?.type === 'none') {
    throw new ApiError('console-unavailable', 'The display does not listen anywhere (listen type "none")');
  }
  const plainPort = g.port !== undefined && g.port > 0 ? g.port : undefined;
  const tlsPort = g.tlsPort !== undefined && g.tlsPort > 0 ? g.tlsPort : undefined;
  if (!plainPort && !tlsPort) {
    throw new ApiError('console-unavailable', 'The VM is not running, so its display has no port yet');
  }
  const address = listen?.address ?? '127.0.0.1';
  const host = ANY_ADDRESS.has(address) ? (address.includes(':') ? '::1' : '127.0.0.1') : address;
  if (!plainPort) {
    return {
      protocol,
      endpoint: { kind: 'tcp', host, port: tlsPort! },
      ...(password ? { password } : {}),
      unsupported:
        'This SPICE display accepts TLS connections only, which the in-app client cannot make. ' +
        'Open it in remote-viewer instead.',
    };
  }
  return { protocol, endpoint: { kind: 'tcp', host, port: plainPort }, ...(password ? { password } : {}) };
}

/** Serial ports and consoles a guest offers to `virsh console`, by alias, duplicates dropped. */
export function readSerialDevices(xml: string): SerialDevice[] {
  const doc = parseDomainXml(xml);
  const seen = new Set<string>();
  const out: SerialDevice[] = [];
  for (const kind of ['serial', 'console'] as const) {
    for (const d of listDevices(doc, kind)) {
      const settings = readDeviceElement(kind, d.element);
      const alias = getAttr(findChild(d.element, 'alias') ?? d.element, 'name');
      if (!alias || seen.has(alias)) continue;
      if (settings.type !== 'pty') continue;
      seen.add(alias);
      const port = settings.targetPort ?? 0;
      const type = settings.targetType;
      const label =
        kind === 'serial'
          ? `Serial ${port + 1}`
          : `Text console ${port + 1}${type && type !== 'serial' ? ` (${type})` : ''}`;
      out.push({ name: alias, label });
    }
  }
  return out;
}

export function describeEndpoint(target: GraphicsTarget): string {
  return target.endpoint.kind === 'unix'
    ? `unix:${target.endpoint.path}`
    : `${target.endpoint.host.includes(':') ? `[${target.endpoint.host}]` : target.endpoint.host}:${target.endpoint.port}`;
}
