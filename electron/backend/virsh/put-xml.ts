import { ApiError } from '../../../shared/api/errors';
import type { Transport } from '../hosts/transport';
import { hostScript, quoteArg, shellCommand } from './quote';
import { classifyVirshError } from './virsh-shell';

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
  if (argv.filter((a) => a === XML_FILE).length !== 1) throw new Error('putXml needs exactly one XML_FILE');
  const words = argv.map((a) => (a === XML_FILE ? '"$f"' : quoteArg(a)));
  const virsh = `${shellCommand(['virsh', '-q', '-c', uri])} ${words.join(' ')}`;
  const script =
    `f=$(mktemp) || exit 125; trap 'rm -f "$f"' EXIT; ` + `cat > "$f" || exit 125; ${virsh} </dev/null 2>&1`;
  const proc = await transport.exec(hostScript(script));
  let output = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => (output += chunk));
  proc.stderr.resume();
  proc.write(xml);
  proc.end();
  const code = await proc.exited;
  if (code === 0) return output;
  const errors = output
    .split('\n')
    .filter((l) => l.startsWith('error: '))
    .map((l) => l.slice('error: '.length).trim());
  if (errors.length > 0) throw classifyVirshError(errors.join('\n'));
  if (code === null)
    throw new ApiError('connection-lost', 'The connection dropped while libvirt read the XML');
  throw new ApiError('virsh-error', output.trim() || `virsh ${String(argv[0])} failed (exit code ${code})`);
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
 * (the file is removed afterwards, whatever happens); elsewhere it is `putXml`.
 */
export async function putXmlOn(
  host: XmlTarget,
  argv: ReadonlyArray<string | typeof XML_FILE>,
  xml: string,
): Promise<string> {
  if (!host.uri.startsWith('test:')) return putXml(host.transport, host.uri, argv, xml);
  if (argv.filter((a) => a === XML_FILE).length !== 1) throw new Error('putXmlOn needs exactly one XML_FILE');
  const writer = await host.transport.exec(
    hostScript(`f=$(mktemp) || exit 125; cat > "$f" && printf %s "$f"`),
  );
  let path = '';
  writer.stdout.setEncoding('utf8');
  writer.stdout.on('data', (chunk: string) => (path += chunk));
  writer.stderr.resume();
  writer.write(xml);
  writer.end();
  if ((await writer.exited) !== 0 || !path.startsWith('/'))
    throw new ApiError('virsh-error', 'Could not write the XML to a temporary file on the host');
  try {
    return await host.shell.run(argv.map((a) => (a === XML_FILE ? path : a)));
  } finally {
    const remover = await host.transport.exec(hostScript(shellCommand(['rm', '-f', '--', path])));
    remover.end();
    remover.stdout.resume();
    remover.stderr.resume();
    await remover.exited;
  }
}
