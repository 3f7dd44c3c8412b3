import { ApiError } from '../../../shared/api/errors';
import type { Transport } from '../transport/transport';
import { hostScript, script, words } from './quote';
import { runToEnd, virshOutcome } from './one-off-process';
import { stagerOf, type StagedXmlFile } from './staged-xml-file';

/** Where the file argument goes in a virsh command line that reads XML from a file. */
export const XML_FILE = Symbol('the XML file on the host');

/**
 * The one way XML reaches a host: `virsh VERB … FILE …` on its own channel, with the XML written to
 * the channel's stdin and kept in a 0600 temp file (mktemp) that is removed afterwards, whatever
 * happens. (Reading /dev/stdin directly fails when stdin is a socket, as it is for local child
 * processes.) The XML is never part of a command line.
 *
 *   putXml(transport, uri, ['pool-define', XML_FILE], xml)
 *   putXml(transport, uri, ['vol-create', '--pool', pool, XML_FILE, '--prealloc-metadata'], xml)
 */
export async function putXml(
  transport: Transport,
  uri: string,
  argv: ReadonlyArray<string | typeof XML_FILE>,
  xml: string,
): Promise<string> {
  const [before, ...rest] = splitAtXmlFiles(argv, 'putXml');
  const virsh = words(['virsh', '-q', '-c', uri, ...before!]);
  // Every XML_FILE is the same file (`virsh migrate --xml F --persistent-xml F`).
  const after = rest.map((part) => script` "$f" ${words(part)}`);
  const command = hostScript`f=$(mktemp) || exit 125; trap 'rm -f "$f"' EXIT; cat > "$f" || exit 125; ${virsh}${after} </dev/null 2>&1`;
  const result = await runToEnd(await transport.exec(command), xml);
  return virshOutcome(result, String(argv[0]), 'The connection dropped while libvirt read the XML');
}

/** The parts of a live host putXmlOn needs. */
export interface XmlTarget {
  transport: Transport;
  uri: string;
  shell: { run(argv: readonly string[]): Promise<string> };
}

/**
 * putXml for a live host. test:/// keeps its state inside one virsh process, so there the XML goes
 * into a 0600 temp file through its own channel and the verb runs on the host's persistent shell
 * (the file is removed afterwards, whatever happens); elsewhere it is `putXml`, unless `onShell`
 * asks for the shell there too (quick verbs such as an edit's define: no virsh to start).
 */
export async function putXmlOn(
  host: XmlTarget,
  argv: ReadonlyArray<string | typeof XML_FILE>,
  xml: string,
  options: { onShell?: boolean } = {},
): Promise<string> {
  if (!host.uri.startsWith('test:') && !options.onShell) return putXml(host.transport, host.uri, argv, xml);
  aroundXmlFile(argv, 'putXmlOn');
  const file = await stagerOf(host.transport).stage(xml);
  try {
    return await host.shell.run(argv.map((a) => (a === XML_FILE ? file.path : a)));
  } finally {
    file.release();
  }
}

/**
 * The XML in a 0600 temp file on the host, for verbs on the persistent shell that the caller runs
 * itself (pipelined with other commands); `release()` removes it. Written through a channel opened
 * ahead of time (staged-xml-file.ts), so it costs no channel start.
 */
export function stageXml(host: Pick<XmlTarget, 'transport'>, xml: string): Promise<StagedXmlFile> {
  return stagerOf(host.transport).stage(xml);
}

/** Opens the staging channel ahead of an edit (a Details page opened). */
export function warmXmlStaging(host: Pick<XmlTarget, 'transport'>): void {
  stagerOf(host.transport).warm();
}

/**
 * libvirt's schema check on the host (`virt-xml-validate FILE KIND`), with the XML going the same way
 * as putXml's. Undefined when valid or when the host has no virt-xml-validate; else its complaint.
 */
export async function validateXmlOn(
  host: Pick<XmlTarget, 'transport'>,
  xml: string,
  kind: 'domain' | 'network' | 'storagepool' | 'storagevol',
): Promise<string | undefined> {
  const command = hostScript`command -v virt-xml-validate >/dev/null 2>&1 || exit 0; f=$(mktemp) || exit 125; trap 'rm -f "$f"' EXIT; cat > "$f" || exit 125; virt-xml-validate "$f" ${words([kind])} </dev/null 2>&1`;
  const { output, code } = await runToEnd(await host.transport.exec(command), xml);
  if (code === 0) return undefined;
  if (code === null) throw new ApiError('connection-lost', 'The connection dropped while validating the XML');
  return output.trim() || `virt-xml-validate failed (exit code ${code})`;
}

/** The words before and after the one XML_FILE in `argv`. */
/** argv cut at each XML_FILE (putXml takes one or more; they all name the one file). */
function splitAtXmlFiles(argv: ReadonlyArray<string | typeof XML_FILE>, who: string): string[][] {
  if (!argv.includes(XML_FILE)) throw new Error(`${who} needs an XML_FILE`);
  const parts: string[][] = [[]];
  for (const a of argv) {
    if (a === XML_FILE) parts.push([]);
    else parts[parts.length - 1]!.push(a);
  }
  return parts;
}

function aroundXmlFile(argv: ReadonlyArray<string | typeof XML_FILE>, who: string): [string[], string[]] {
  const at = argv.indexOf(XML_FILE);
  if (at < 0 || argv.lastIndexOf(XML_FILE) !== at) throw new Error(`${who} needs exactly one XML_FILE`);
  const text = (list: ReadonlyArray<string | typeof XML_FILE>) =>
    list.filter((a): a is string => a !== XML_FILE);
  return [text(argv.slice(0, at)), text(argv.slice(at + 1))];
}
