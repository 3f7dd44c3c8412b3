import { randomBytes } from 'node:crypto';
import type { CloudImageChoice } from '../../../shared/api/cloud-init';
import { ApiError } from '../../../shared/api/errors';
import { problemMessage } from '../../../shared/cloud-init/problems';
import { parsePublicKeys } from '../../../shared/cloud-init/ssh-public-key';
import { buildMetaData, buildUserData, readRawUserData } from '../../../shared/cloud-init/user-data';
import { hashPassword } from './sha512-crypt';

export interface SeedFile {
  name: 'user-data' | 'meta-data' | 'network-config';
  text: string;
}

/**
 * The NoCloud seed's files from a checked choice. The password is hashed here (SHA-512 crypt, random
 * salt); from this point on only the hash exists outside the request. A fresh instance-id makes
 * cloud-init treat the first boot as a first boot.
 */
export function seedFiles(
  choice: CloudImageChoice,
  instanceId = `iid-${randomBytes(8).toString('hex')}`,
): SeedFile[] {
  const keys = parsePublicKeys(choice.sshKeys);
  if ('problem' in keys) throw new ApiError('invalid-request', problemMessage(keys.problem));
  const raw = readRawUserData(choice.userData);
  if (!raw.ok) throw new ApiError('invalid-request', problemMessage(raw.problem));
  const userData = buildUserData(
    {
      name: choice.userName,
      sshKeys: keys.keys.map((k) => k.line),
      ...(choice.password ? { passwordHash: hashPassword(choice.password) } : {}),
    },
    raw.raw,
  );
  return [
    { name: 'user-data', text: userData },
    { name: 'meta-data', text: buildMetaData(instanceId, choice.hostname) },
    ...(choice.networkConfig.trim() ? [{ name: 'network-config' as const, text: choice.networkConfig }] : []),
  ];
}
