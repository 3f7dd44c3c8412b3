import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { GraphicsSession, SerialDevice } from '../../../shared/api/consoles';
import { ApiError } from '../../../shared/api/errors';
import type { EventBus } from '../events/event-bus';
import type { HostSession } from '../hosts/host-session';
import { consolePasswordKey, type SecretStore } from '../secrets/secret-store';
import { describeEndpoint, readGraphicsTarget, readSerialDevices, type GraphicsTarget } from './console-xml';
import { SerialSession } from './serial-session';
import { WebSocketBridge } from './websocket-bridge';
import { launchRemoteViewer, type ViewerLauncher } from './remote-viewer';

export interface ConsoleManagerDeps {
  session: (hostId: string) => HostSession;
  bus: EventBus;
  secrets: SecretStore;
  /** The renderer's origins (serve mode: its loopback URL; desktop: its file:// or dev origin). */
  allowedOrigin: (origin: string | undefined) => boolean;
  launchViewer?: ViewerLauncher;
}

/**
 * SPICE opens one WebSocket per channel (main, display, inputs, cursor, playback, record, a few
 * usbredir or port channels), all on the main connection's URL, right after the main channel logs
 * in: they share one token, good for this many connections within this time of `consoles/open`.
 */
const SPICE_CHANNEL_USES = 16;
const SPICE_TOKEN_TTL_MS = 60_000;

type Graphics = { kind: 'graphics'; hostId: string; bridge: WebSocketBridge; target: GraphicsTarget };
type Serial = { kind: 'serial'; hostId: string; serial: SerialSession };

/**
 * Every open console. A graphical console is a loopback WebSocket server whose connections are
 * piped to `forwardOut` channels of the host's one SSH connection; a serial console is a PTY
 * channel running `virsh console`. Nothing is opened for a VM the user did not open.
 */
export class ConsoleManager {
  private readonly consoles = new Map<string, Graphics | Serial>();

  constructor(private readonly deps: ConsoleManagerDeps) {}

  async openGraphics(hostId: string, uuid: string): Promise<GraphicsSession> {
    const session = this.deps.session(hostId);
    const { shell } = session.connection();
    const target = readGraphicsTarget(await shell.run(['dumpxml', '--security-info', uuid]));
    const remembered = target.password
      ? undefined
      : await this.deps.secrets.get(consolePasswordKey(hostId, uuid));
    const password = target.password ?? remembered;
    const bridge = await WebSocketBridge.start({
      connect: () => this.connectTarget(session, target),
      allowedOrigin: this.deps.allowedOrigin,
    });
    const consoleId = randomUUID();
    this.consoles.set(consoleId, { kind: 'graphics', hostId, bridge, target });
    return {
      consoleId,
      protocol: target.protocol,
      address: describeEndpoint(target),
      url: bridge.url,
      tokens:
        target.protocol === 'spice'
          ? [bridge.tokens.issueShared(SPICE_CHANNEL_USES, SPICE_TOKEN_TTL_MS)]
          : bridge.tokens.issue(1),
      passwordSource: target.password ? 'xml' : remembered ? 'remembered' : 'none',
      ...(password ? { password } : {}),
      ...(target.unsupported ? { unsupported: target.unsupported } : {}),
    };
  }

  tokens(consoleId: string, count: number): string[] {
    return this.graphics(consoleId).bridge.tokens.issue(count);
  }

  async rememberPassword(hostId: string, uuid: string, password: string | null): Promise<void> {
    const key = consolePasswordKey(hostId, uuid);
    if (password === null) await this.deps.secrets.delete(key);
    else await this.deps.secrets.set(key, password, 'remembered');
  }

  async launchViewer(consoleId: string): Promise<string> {
    const { hostId, target } = this.graphics(consoleId);
    const session = this.deps.session(hostId);
    const launch = this.deps.launchViewer ?? launchRemoteViewer;
    return launch(target, () => this.connectTarget(session, target));
  }

  async serialDevices(hostId: string, uuid: string): Promise<SerialDevice[]> {
    const { shell } = this.deps.session(hostId).connection();
    return readSerialDevices(await shell.run(['dumpxml', uuid]));
  }

  async openSerial(
    hostId: string,
    uuid: string,
    size: { rows: number; cols: number },
    device?: string,
  ): Promise<{ consoleId: string; device?: string }> {
    const { transport, uri } = this.deps.session(hostId).connection();
    const consoleId = randomUUID();
    let hostLost = false;
    void transport.closed.then(() => (hostLost = true));
    const serial = await SerialSession.open(transport, {
      uri,
      domain: uuid,
      device,
      ...size,
      onData: (seq, data) => this.deps.bus.emit('consoles/serial-data', { consoleId, seq, data }),
      onEnd: (code) => {
        if (!this.consoles.delete(consoleId)) return;
        this.deps.bus.emit('consoles/closed', {
          consoleId,
          reason: hostLost ? 'host-lost' : 'ended',
          message: hostLost
            ? 'The connection to the host was lost'
            : `The serial console ended${code ? ` (virsh exit code ${code})` : ''}`,
        });
      },
    });
    this.consoles.set(consoleId, { kind: 'serial', hostId, serial });
    return { consoleId, ...(device ? { device } : {}) };
  }

  serialInput(consoleId: string, data: string): void {
    this.serial(consoleId).write(data);
  }

  serialAck(consoleId: string, seq: number): void {
    // Acks may trail a console that just closed; that is not an error.
    const entry = this.consoles.get(consoleId);
    if (entry?.kind === 'serial') entry.serial.ack(seq);
  }

  serialResize(consoleId: string, rows: number, cols: number): void {
    this.serial(consoleId).resize(rows, cols);
  }

  async close(consoleId: string): Promise<void> {
    const entry = this.consoles.get(consoleId);
    if (!entry) return;
    this.consoles.delete(consoleId);
    if (entry.kind === 'graphics') await entry.bridge.close();
    else entry.serial.close();
  }

  /** Open console ids of a host (tests and diagnostics). */
  openConsoles(hostId?: string): string[] {
    return [...this.consoles].filter(([, c]) => !hostId || c.hostId === hostId).map(([id]) => id);
  }

  dispose(): void {
    for (const id of [...this.consoles.keys()]) void this.close(id);
  }

  private connectTarget(session: HostSession, target: GraphicsTarget): Promise<Duplex> {
    const { transport } = session.connection();
    return target.endpoint.kind === 'unix'
      ? transport.connectUnix(target.endpoint.path)
      : transport.connectTcp(target.endpoint.host, target.endpoint.port);
  }

  private graphics(consoleId: string): Graphics {
    const entry = this.consoles.get(consoleId);
    if (entry?.kind !== 'graphics') throw new ApiError('invalid-request', 'No such graphical console');
    return entry;
  }

  private serial(consoleId: string): SerialSession {
    const entry = this.consoles.get(consoleId);
    if (entry?.kind !== 'serial') throw new ApiError('invalid-request', 'No such serial console');
    return entry.serial;
  }
}
