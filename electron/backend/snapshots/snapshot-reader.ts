import type { SnapshotSupport, SnapshotView } from '../../../shared/api/snapshots';
import type { VirshRunner } from '../virsh/virsh-runner';
import { parseNameLines, parseSnapshotSummary, parseSupport, SUMMARY_XPATH } from './snapshot-parse';

/** The name of the VM's current snapshot, if it has one (virsh fails when there is none). */
export async function currentSnapshot(shell: VirshRunner, uuid: string): Promise<string | undefined> {
  try {
    const name = (await shell.run(['snapshot-current', '--domain', uuid, '--name'])).trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/**
 * Every snapshot of a VM: names, the current one, then each one's summary (pipelined on the shell,
 * without the copies of the domain definition each snapshot carries). Oldest first.
 */
export async function readSnapshots(shell: VirshRunner, uuid: string): Promise<SnapshotView[]> {
  const [names, current] = await Promise.all([
    shell.run(['snapshot-list', '--domain', uuid, '--name']).then(parseNameLines),
    currentSnapshot(shell, uuid),
  ]);
  const views = await Promise.all(
    names.map((name) =>
      shell
        .run([
          'snapshot-dumpxml',
          '--domain',
          uuid,
          '--snapshotname',
          name,
          '--xpath',
          SUMMARY_XPATH,
          '--wrap',
        ])
        .then((xml) => parseSnapshotSummary(xml, current)),
    ),
  );
  return views.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** What the host and this VM allow for snapshots now. */
export async function readSnapshotSupport(
  shell: VirshRunner,
  uuid: string,
  running: boolean,
): Promise<SnapshotSupport> {
  const [domainXml, capabilities] = await Promise.all([
    shell.run(['dumpxml', '--domain', uuid]),
    shell.run(['capabilities']),
  ]);
  return parseSupport(domainXml, capabilities, running);
}
