import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyCloudImageChoice } from '../../../shared/api/cloud-init';
import { realPublicKeys } from '../../../shared/cloud-init/testing/public-keys';
import { seedFiles } from './seed-files';
import { sha512Crypt } from './sha512-crypt';

const choice = {
  ...emptyCloudImageChoice,
  userName: 'alice',
  password: 's3cret pässword',
  sshKeys: `${realPublicKeys.rsab2048}\n`,
  hostname: 'web-1',
};

describe('seed files', () => {
  it('user-data carries the hash (never the password) and the keys; meta-data the host name', () => {
    const files = seedFiles(choice, 'iid-test');
    expect(files.map((f) => f.name)).toEqual(['user-data', 'meta-data']);
    const userData = files[0]!.text;
    expect(userData).not.toContain('s3cret');
    const user = (parse(userData) as { users: Array<{ passwd: string; ssh_authorized_keys: string[] }> })
      .users[0]!;
    expect(sha512Crypt('s3cret pässword', user.passwd.split('$')[2]!)).toBe(user.passwd);
    expect(user.ssh_authorized_keys).toEqual([realPublicKeys.rsab2048]);
    expect(parse(files[1]!.text)).toEqual({ 'instance-id': 'iid-test', 'local-hostname': 'web-1' });
  });

  it('network-config only when given; a fresh instance-id each time', () => {
    expect(seedFiles({ ...choice, networkConfig: 'version: 2\n' }).map((f) => f.name)).toContain(
      'network-config',
    );
    const id = (c: typeof choice) => (parse(seedFiles(c)[1]!.text) as Record<string, string>)['instance-id'];
    expect(id(choice)).toMatch(/^iid-[0-9a-f]{16}$/);
    expect(id(choice)).not.toBe(id(choice));
  });

  it('refuses what the step would refuse', () => {
    expect(() => seedFiles({ ...choice, sshKeys: 'ssh-rsa AAAA' })).toThrow(/Line 1/);
    expect(() => seedFiles({ ...choice, userData: 'echo hi' })).toThrow(/#cloud-config/);
  });
});
