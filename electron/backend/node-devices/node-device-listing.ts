import { ApiError } from '../../../shared/api/errors';
import type { NodeDevice } from '../../../shared/api/node-devices';
import type { LiveHost } from '../hosts/host-connection';
import { runToEnd } from '../virsh/one-off-process';
import { remoteCommand } from '../virsh/quote';
import type { VirshRunner } from '../virsh/virsh-runner';
import { parseNodeDeviceXml } from './node-device-xml';

/** The devices libvirt's built-in `test:///default` configuration has (it cannot list them). */
const TEST_DEFAULT_DEVICES = ['computer', 'scsi_host1', 'scsi_host2', 'scsi_host11'];

/** The largest test-driver file read to find its device names. */
const TEST_FILE_LIMIT = 16 * 1024 * 1024;

export interface DeviceNames {
  names: string[];
  /** Set when `nodedev-list` was refused: libvirt's words and where the names came from instead. */
  refused?: { message: string; source: string };
}

const lines = (output: string) =>
  output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** `<device><name>N</name>` of a test-driver file (the names only; each is then read through libvirt). */
export function deviceNamesInTestFile(xml: string): string[] {
  const names: string[] = [];
  for (const match of xml.matchAll(/<device\b[^>]*>\s*<name>([^<]+)<\/name>/g)) names.push(match[1]!.trim());
  return names;
}

async function namesFromTestDriver(host: LiveHost): Promise<{ names: string[]; source: string }> {
  const path = host.uri.slice('test://'.length).split('?')[0]!;
  if (path === '/default' || path === '') {
    return { names: TEST_DEFAULT_DEVICES, source: "the devices of libvirt's built-in test configuration" };
  }
  const command = remoteCommand(['head', '-c', String(TEST_FILE_LIMIT), '--', path]);
  const { output, code } = await runToEnd(await host.transport.exec(command));
  if (code !== 0) return { names: ['computer'], source: 'the host device "computer" only' };
  return { names: deviceNamesInTestFile(output), source: `the devices named in ${path}` };
}

/**
 * The names of the host's node devices: `virsh nodedev-list` (libvirt 9.0's virsh always sends
 * flags, even with no option). Where the driver refuses it — libvirt 9.0's test driver says
 * "unsupported flags (0x80000000) in function testConnectListAllNodeDevices" — the names come from
 * what the driver was configured with, and the refusal is kept to be shown. Each device is then
 * classified from its own XML, so no listing by capability is needed.
 */
export async function readDeviceNames(host: LiveHost): Promise<DeviceNames> {
  try {
    return { names: lines(await host.shell.run(['nodedev-list'])) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'virsh-error') throw error;
    if (!host.uri.startsWith('test:')) throw error;
    const { names, source } = await namesFromTestDriver(host);
    return { names, refused: { message: error.message, source } };
  }
}

/** libvirt's words for a device that is not there (any more). */
export function isDeviceGone(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    /node device not found|could not find matching device|no node device with matching name/i.test(
      error.message,
    )
  );
}

/** One device's XML, parsed; undefined when libvirt no longer has it. */
export async function readNodeDevice(virsh: VirshRunner, name: string): Promise<NodeDevice | undefined> {
  try {
    return parseNodeDeviceXml(await virsh.run(['nodedev-dumpxml', '--device', name]));
  } catch (error) {
    if (isDeviceGone(error)) return undefined;
    throw error;
  }
}

/** Every named device, pipelined; the ones that vanished meanwhile are left out. */
export async function readNodeDevices(virsh: VirshRunner, names: readonly string[]): Promise<NodeDevice[]> {
  const read = await Promise.all(names.map((name) => readNodeDevice(virsh, name)));
  return read.filter((d): d is NodeDevice => d !== undefined);
}
