import { describe, expect, it } from 'vitest';
import { emptyConnectionForm, generatedUri, toHostInput, validateConnectionForm } from './connection-form';

const form = { ...emptyConnectionForm, host: 'kvm1', user: 'root' };

describe('generatedUri', () => {
  it('folds SSH into the libvirt URI like virt-manager', () => {
    expect(generatedUri(form)).toBe('qemu+ssh://root@kvm1/system');
    expect(generatedUri({ ...form, port: '2222', uri: 'qemu:///session' })).toBe(
      'qemu+ssh://root@kvm1:2222/session',
    );
    expect(generatedUri({ ...form, user: '', uri: 'test:///default' })).toBe('test+ssh://kvm1/default');
    expect(generatedUri({ ...form, uri: 'qemu+tcp://other/system?x=1' })).toBe(
      'qemu+ssh://root@kvm1/system?x=1',
    );
  });

  it('shows the URI itself for a local connection', () => {
    expect(generatedUri({ ...form, transport: 'local', uri: 'qemu:///session' })).toBe('qemu:///session');
  });
});

describe('validateConnectionForm', () => {
  it('accepts a minimal SSH connection and drops empty optional fields', () => {
    const { input, errors } = validateConnectionForm({ ...form, port: '2222' });
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: undefined,
      transport: 'ssh',
      host: 'kvm1',
      user: 'root',
      port: 2222,
      uri: 'qemu:///system',
      privateKeyPath: undefined,
      autoconnect: true,
    });
  });

  it('reports field errors as i18n keys', () => {
    const { input, errors } = validateConnectionForm({
      ...emptyConnectionForm,
      host: 'bad host',
      user: 'a;b',
      port: '70000',
      uri: 'not a uri',
    });
    expect(input).toBeNull();
    expect(errors).toEqual({
      host: 'addConnection.errors.hostInvalid',
      user: 'addConnection.errors.userInvalid',
      port: 'addConnection.errors.portInvalid',
      uri: 'addConnection.errors.uriInvalid',
    });
  });

  it('needs a host for SSH but not for local', () => {
    expect(validateConnectionForm(emptyConnectionForm).errors.host).toBe('addConnection.errors.hostRequired');
    expect(validateConnectionForm({ ...emptyConnectionForm, uri: '' }).errors.uri).toBe(
      'addConnection.errors.uriRequired',
    );
    const local = validateConnectionForm({ ...emptyConnectionForm, transport: 'local', host: 'ignored' });
    expect(local.errors).toEqual({});
    expect(toHostInput({ ...emptyConnectionForm, transport: 'local', user: 'x' })).not.toHaveProperty('user');
  });

  it('rejects a non-numeric port', () => {
    expect(validateConnectionForm({ ...form, port: '22a' }).errors.port).toBe(
      'addConnection.errors.portInvalid',
    );
  });
});
