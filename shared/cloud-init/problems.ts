// Why a cloud-init input is refused: a key into these English texts (the renderer's i18n uses them as
// its English strings, so translations can override each) plus the values they interpolate.

import type { CheckMessage } from '../checks/check-message';

export const cloudInitProblemTexts = {
  baseNeeded: 'Choose the cloud image: a volume of a pool or a path on the host',
  pathNotAbsolute: 'Write an absolute path on the host (starting with /)',
  sizeNotSize: '{{reason}}',
  sizeShrinks: '{{size}} is smaller than the image’s {{base}}: a cloud image can only grow',
  userNameNeeded: 'Enter a user name',
  userNameBad:
    '“{{name}}” is not a Linux user name: use lower-case letters, digits, “_” and “-”, starting with a letter or “_”',
  userNameLong: 'A user name can have at most 32 characters',
  userNameRoot: 'Use a normal user: cloud images lock root logins (it gets sudo rights)',
  noWayIn: 'Set a password or add an SSH public key: otherwise nobody can log in',
  passwordControl: 'A password cannot contain control characters or line breaks',
  hostnameNeeded: 'Enter a host name',
  hostnameLong: 'A host name can have at most 253 characters',
  hostnameLabel:
    '“{{label}}” is not a valid host name part: use letters, digits and “-” (not first or last), at most 63 characters',
  hostnameNumeric: 'A host name cannot be all digits (it would read as an address)',
  keyPrivate: 'Line {{line}} is a private key. Never share it: paste the public key (the .pub file) instead',
  keyPrivateBlock:
    'This is a private key. Never share it: paste the public key (the .pub file, one line starting with ssh-…) instead',
  keyRfc4716:
    'Line {{line}}: this public key is in the SSH2 (RFC 4716) format; convert it with “ssh-keygen -i -f FILE” first',
  keyUnknownType:
    'Line {{line}}: “{{type}}” is not an SSH public key type (expected ssh-ed25519, ecdsa-sha2-…, ssh-rsa or sk-…)',
  keyDsa: 'Line {{line}}: DSA keys (ssh-dss) are refused by current OpenSSH; use an ed25519 key',
  keyCertificate:
    'Line {{line}}: a certificate (“{{type}}”) is not a key to authorize; paste the plain public key',
  keyNoData: 'Line {{line}}: the key data is missing after “{{type}}”',
  keyNotBase64: 'Line {{line}}: the key data is not valid base64 (cut or mistyped?)',
  keyTruncated: 'Line {{line}}: the {{type}} key is cut short (its data ends early)',
  keyTrailing: 'Line {{line}}: the {{type}} key has extra bytes at its end',
  keyTypeMismatch: 'Line {{line}}: the line says {{type}} but the key data is a {{inner}} key',
  keyBadPoint: 'Line {{line}}: the {{type}} key’s curve point is not valid',
  keyRsaSmall: 'Line {{line}}: this RSA key has only {{bits}} bits; OpenSSH refuses keys under 1024 bits',
  keyTooMany: 'At most {{max}} keys',
  userDataKind:
    'User-data must start with “#cloud-config”, be a script (“#!…”) or a MIME multipart document (“Content-Type: multipart/…”)',
  userDataYaml: 'The #cloud-config is not valid YAML: {{reason}}',
  userDataNotMapping: 'The #cloud-config must be a mapping of keys (like “packages: […]”)',
  userDataUsers: '“users” in the #cloud-config must be a list',
  userDataTooLarge: 'User-data can have at most {{max}}',
  multipartBoundary: 'The multipart user-data has no boundary in its Content-Type',
  networkYaml: 'The network-config is not valid YAML: {{reason}}',
  networkVersion: 'The network-config must be a mapping with “version: 1” or “version: 2”',
} as const;

export type CloudInitProblemKey = keyof typeof cloudInitProblemTexts;

export interface CloudInitProblem {
  key: CloudInitProblemKey;
  values?: Record<string, string | number>;
  /** A shared check behind the problem (a size that does not parse): the renderer translates it. */
  check?: CheckMessage;
}

export const problem = (
  key: CloudInitProblemKey,
  values?: Record<string, string | number>,
): CloudInitProblem => (values ? { key, values } : { key });

/** The English text of a problem (the backend's error messages; the renderer translates instead). */
export function problemMessage(p: CloudInitProblem): string {
  return cloudInitProblemTexts[p.key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(p.values?.[name] ?? ''),
  );
}
