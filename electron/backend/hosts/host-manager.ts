import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { HostConfig, HostInput, type HostView } from '../../../shared/api/hosts';
import type { JsonFile } from '../prefs/json-file';
import { HostSession, type HostSessionDeps } from './host-session';

export const ConnectionsFile = z.object({ version: z.literal(1), hosts: z.array(HostConfig) });
export type ConnectionsFile = z.infer<typeof ConnectionsFile>;

/** The saved connections and one live session per connection. */
export class HostManager {
  private readonly sessions = new Map<string, HostSession>();
  private order: string[] = [];

  constructor(
    private readonly file: JsonFile<typeof ConnectionsFile>,
    private readonly deps: HostSessionDeps,
  ) {}

  /** Loads saved connections and starts the autoconnect ones. Returns whether any file existed. */
  async load(): Promise<{ existed: boolean; warning?: string }> {
    const { value, existed, warning } = await this.file.load();
    for (const config of value.hosts) this.addSession(config);
    for (const session of this.sessions.values()) if (session.config.autoconnect) void session.connect();
    return { existed, ...(warning ? { warning } : {}) };
  }

  list(): HostView[] {
    return this.order.map((id) => this.view(this.session(id)));
  }

  async add(input: HostInput): Promise<HostView> {
    const config = HostConfig.parse({ ...HostInput.parse(input), id: randomUUID() });
    if (config.transport === 'ssh' && !config.host)
      throw new ApiError('invalid-request', 'Enter the host to connect to');
    const session = this.addSession(config);
    await this.persist();
    this.deps.bus.emit('hosts/changed', this.list());
    return this.view(session);
  }

  async update(config: HostConfig): Promise<HostView> {
    const session = this.session(config.id);
    const changedTarget =
      JSON.stringify({ ...session.config, name: '', autoconnect: true }) !==
      JSON.stringify({ ...config, name: '', autoconnect: true });
    if (changedTarget) session.disconnect();
    session.config = config;
    await this.persist();
    this.deps.bus.emit('hosts/changed', this.list());
    return this.view(session);
  }

  async remove(hostId: string): Promise<void> {
    this.session(hostId).dispose();
    this.sessions.delete(hostId);
    this.order = this.order.filter((id) => id !== hostId);
    await this.persist();
    this.deps.bus.emit('hosts/changed', this.list());
  }

  session(hostId: string): HostSession {
    const session = this.sessions.get(hostId);
    if (!session) throw new ApiError('host-not-found', `No connection with id ${hostId}`);
    return session;
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
  }

  private addSession(config: HostConfig): HostSession {
    const session = new HostSession(config, this.deps);
    this.sessions.set(config.id, session);
    this.order.push(config.id);
    return session;
  }

  private view(session: HostSession): HostView {
    return { config: session.config, status: session.getStatus() };
  }

  private persist(): Promise<void> {
    return this.file.save({ version: 1, hosts: this.order.map((id) => this.session(id).config) });
  }
}
