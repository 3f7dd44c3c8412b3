import type { Transport } from '../transport/transport';
import { hostScript, words } from './quote';
import type { VirshRunner } from './virsh-runner';
import { runToEnd, virshOutcome } from './one-off-process';

/**
 * Runs one virsh command in its own process on its own channel of the host's connection, for verbs
 * that can take minutes (save, restore): the shared shell and everything queued on it go on
 * meanwhile. No time limit: the command ends when virsh ends; a dropped connection is reported as
 * such, with the warning that libvirt may still finish the work.
 */
export class VirshApart implements VirshRunner {
  constructor(
    private readonly transport: Transport,
    private readonly uri: string,
  ) {}

  async run(argv: readonly string[]): Promise<string> {
    const virsh = words(['virsh', '-q', '-c', this.uri, ...argv]);
    const proc = await this.transport.exec(hostScript`exec ${virsh} </dev/null 2>&1`);
    return virshOutcome(
      await runToEnd(proc),
      argv[0] ?? 'virsh',
      `The connection dropped while virsh ran "${argv[0]}"; libvirt may still complete it on the host`,
    );
  }
}
