// The NoCloud documents: user-data (the wizard's user merged with optional raw user-data), meta-data
// and network-config. YAML is read and written as YAML 1.1, the dialect cloud-init's PyYAML speaks
// (so `0644` stays octal and `yes` stays a boolean).
import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import { encodeBase64Lines } from './base64';
import { problem, type CloudInitProblem } from './problems';

export const CLOUD_CONFIG = '#cloud-config';
export const MAX_USER_DATA = 256 * 1024;
const YAML_OPTIONS = { version: '1.1' as const, prettyErrors: false, uniqueKeys: true };

export type RawUserData =
  | { kind: 'none' }
  | { kind: 'cloud-config'; doc: Document }
  | { kind: 'script'; text: string }
  | { kind: 'multipart'; text: string };

export type RawParse = { ok: true; raw: RawUserData } | { ok: false; problem: CloudInitProblem };

function yamlProblem(doc: Document): string | undefined {
  const error = doc.errors[0];
  return error ? error.message.split('\n')[0] : undefined;
}

/** What the raw user-data is, checked: #cloud-config (valid YAML mapping), a #! script or multipart. */
export function readRawUserData(text: string): RawParse {
  if (text.trim() === '') return { ok: true, raw: { kind: 'none' } };
  if (new TextEncoder().encode(text).length > MAX_USER_DATA)
    return { ok: false, problem: problem('userDataTooLarge', { max: '256 KiB' }) };
  if (text.startsWith(CLOUD_CONFIG)) {
    const doc = parseDocument(text, YAML_OPTIONS);
    const reason = yamlProblem(doc);
    if (reason) return { ok: false, problem: problem('userDataYaml', { reason }) };
    if (doc.contents !== null && !isMap(doc.contents))
      return { ok: false, problem: problem('userDataNotMapping') };
    const users = isMap(doc.contents) ? doc.contents.get('users', true) : undefined;
    if (users !== undefined && users !== null && !isSeq(users))
      return { ok: false, problem: problem('userDataUsers') };
    return { ok: true, raw: { kind: 'cloud-config', doc } };
  }
  if (text.startsWith('#!')) return { ok: true, raw: { kind: 'script', text } };
  const headers = multipartHeaders(text);
  if (headers) {
    if (!/boundary=/i.test(headers)) return { ok: false, problem: problem('multipartBoundary') };
    return { ok: true, raw: { kind: 'multipart', text } };
  }
  return { ok: false, problem: problem('userDataKind') };
}

/** The header block of a MIME document whose Content-Type is multipart/*, else undefined. */
function multipartHeaders(text: string): string | undefined {
  const end = text.search(/\r?\n\r?\n/);
  const block = end < 0 ? text : text.slice(0, end);
  if (!/^[A-Za-z-]+:/.test(block)) return undefined;
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return /^content-type:\s*multipart\//im.test(unfolded) ? unfolded : undefined;
}

export interface CloudUser {
  name: string;
  /** A crypt(3) hash (`$6$…`), never the password itself. */
  passwordHash?: string;
  sshKeys: string[];
}

/** The user as cloud-init's `users` module takes it: sudo like a cloud image's default user. */
function userEntry(user: CloudUser): Record<string, unknown> {
  return {
    name: user.name,
    sudo: 'ALL=(ALL) NOPASSWD:ALL',
    shell: '/bin/bash',
    ...(user.passwordHash ? { lock_passwd: false, passwd: user.passwordHash } : {}),
    ...(user.sshKeys.length > 0 ? { ssh_authorized_keys: user.sshKeys } : {}),
  };
}

/**
 * The user-data document. With no raw user-data or a #cloud-config: one #cloud-config whose `users`
 * list is the raw one's followed by the wizard's user (the raw text's other keys, comments and layout
 * are kept). With a script or a multipart document: a MIME multipart of the wizard's #cloud-config and
 * the raw document as its second part. `boundary` is for tests; otherwise random.
 */
export function buildUserData(user: CloudUser, raw: RawUserData, boundary?: string): string {
  const entry = userEntry(user);
  if (raw.kind === 'none') return `${CLOUD_CONFIG}\n${stringify({ users: [entry] }, YAML_OPTIONS)}`;
  if (raw.kind === 'cloud-config') {
    const doc = raw.doc.clone();
    if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
    const users = doc.getIn(['users'], true);
    if (isSeq(users)) users.add(doc.createNode(entry));
    else doc.set('users', doc.createNode([entry]));
    doc.commentBefore = null;
    return `${CLOUD_CONFIG}\n${doc.toString()}`;
  }
  return multipart(
    [
      { type: 'text/cloud-config', name: 'virtdesk.cfg', body: buildUserData(user, { kind: 'none' }) },
      raw.kind === 'script'
        ? { type: 'text/x-shellscript', name: 'user-script', body: raw.text }
        : { verbatim: raw.text },
    ],
    boundary,
  );
}

type Part = { type: string; name: string; body: string } | { verbatim: string };

function randomBoundary(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `==VirtDesk-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}==`;
}

function multipart(parts: Part[], boundary = randomBoundary()): string {
  const texts = parts.map((part) =>
    'verbatim' in part
      ? part.verbatim.replace(/\r?\n$/, '')
      : [
          `Content-Type: ${part.type}; charset="utf-8"`,
          'MIME-Version: 1.0',
          'Content-Transfer-Encoding: base64',
          `Content-Disposition: attachment; filename="${part.name}"`,
          '',
          encodeBase64Lines(part.body),
        ].join('\n'),
  );
  if (texts.some((t) => t.includes(`--${boundary}`))) return multipart(parts);
  return [
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    'MIME-Version: 1.0',
    '',
    ...texts.map((t) => `--${boundary}\n${t}`),
    `--${boundary}--`,
    '',
  ].join('\n');
}

/** meta-data: a fresh instance-id (so cloud-init runs as on a first boot) and the host name. */
export function buildMetaData(instanceId: string, hostname: string): string {
  return stringify({ 'instance-id': instanceId, 'local-hostname': hostname }, YAML_OPTIONS);
}

/** Why a network-config text is refused (YAML; version 1 or 2, at the top or under `network:`). */
export function networkConfigProblem(text: string): CloudInitProblem | undefined {
  if (text.trim() === '') return undefined;
  const doc = parseDocument(text, YAML_OPTIONS);
  const reason = yamlProblem(doc);
  if (reason) return problem('networkYaml', { reason });
  const value: unknown = doc.toJS();
  const inner = isRecord(value) && isRecord(value.network) ? value.network : value;
  if (!isRecord(inner) || (inner.version !== 1 && inner.version !== 2)) return problem('networkVersion');
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
