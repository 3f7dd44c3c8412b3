import { HostInput, type Transport } from '../../shared/api/hosts';

/** The Add connection dialog's fields, as typed (strings until validated). */
export type ConnectionForm = {
  transport: Transport;
  name: string;
  host: string;
  user: string;
  port: string;
  uri: string;
  privateKeyPath: string;
  autoconnect: boolean;
};

export type ConnectionField = 'name' | 'host' | 'user' | 'port' | 'uri' | 'privateKeyPath';

export const emptyConnectionForm: ConnectionForm = {
  transport: 'ssh',
  name: '',
  host: '',
  user: '',
  port: '',
  uri: 'qemu:///system',
  privateKeyPath: '',
  autoconnect: true,
};

export const commonUris = ['qemu:///system', 'qemu:///session', 'test:///default'] as const;

/** i18n keys (under addConnection.errors) per field. */
export type FieldErrors = Partial<Record<ConnectionField, string>>;

const errorKeyFor: Record<ConnectionField, string> = {
  name: 'nameInvalid',
  host: 'hostInvalid',
  user: 'userInvalid',
  port: 'portInvalid',
  uri: 'uriInvalid',
  privateKeyPath: 'privateKeyInvalid',
};

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The request for hosts/add; local connections carry no SSH fields. */
export function toHostInput(form: ConnectionForm): HostInput {
  const base = {
    name: optional(form.name),
    transport: form.transport,
    uri: form.uri.trim(),
    autoconnect: form.autoconnect,
  };
  if (form.transport === 'local') return { ...base, host: '' };
  const port = optional(form.port);
  return {
    ...base,
    host: form.host.trim(),
    user: optional(form.user),
    port: port === undefined ? undefined : /^\d+$/.test(port) ? Number(port) : Number.NaN,
    privateKeyPath: optional(form.privateKeyPath),
  };
}

/** Validates with the contract's HostInput schema (plus "SSH needs a host"); errors are i18n keys. */
export function validateConnectionForm(form: ConnectionForm): {
  input: HostInput | null;
  errors: FieldErrors;
} {
  const input = toHostInput(form);
  const errors: FieldErrors = {};
  const parsed = HostInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in errorKeyFor && !errors[field as ConnectionField]) {
        errors[field as ConnectionField] = `addConnection.errors.${errorKeyFor[field as ConnectionField]}`;
      }
    }
  }
  if (input.uri === '') errors.uri = 'addConnection.errors.uriRequired';
  if (form.transport === 'ssh' && form.host.trim() === '' && !errors.host) {
    errors.host = 'addConnection.errors.hostRequired';
  }
  return { input: Object.keys(errors).length === 0 ? input : null, errors };
}

/**
 * virt-manager's live "Generated URI": the libvirt URI with the SSH transport folded in
 * (qemu:///system + root@host:2222 → qemu+ssh://root@host:2222/system). Local: the URI itself.
 */
export function generatedUri(form: ConnectionForm): string {
  const uri = form.uri.trim();
  if (form.transport === 'local') return uri;
  const match = /^([a-z0-9.-]+)(?:\+[a-z0-9.-]+)?:\/\/[^/?#]*(.*)$/i.exec(uri);
  if (!match) return '';
  const [, driver, rest] = match;
  const user = form.user.trim() ? `${form.user.trim()}@` : '';
  const port = form.port.trim() && form.port.trim() !== '22' ? `:${form.port.trim()}` : '';
  return `${driver}+ssh://${user}${form.host.trim()}${port}${rest}`;
}
