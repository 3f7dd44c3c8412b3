// The live half of a tuning edit on a running VM, where libvirt can change it: pins (`vcpupin`,
// `emulatorpin`, `iothreadpin`), the CPU scheduler (`schedinfo`), `memtune`, `blkiotune`, the NUMA
// node set (`numatune`), I/O threads (`iothreadadd/iothreaddel`) and lifecycle actions (`set-lifecycle-action`). A refusal (a session
// connection has no cgroups) keeps libvirt's words and the field waits for the next shutdown.
import type { EditChange, FieldOutcome } from '../../../../shared/api/domain-edit';
import type { XmlDocument } from '../../../../shared/xml/document';
import { readCputune } from '../../../../shared/xml/views/domain-cpu';
import { readMemtune } from '../../../../shared/xml/views/domain-memory';
import { readBlkiotune, readLifecycle, readNumatune } from '../../../../shared/xml/views/domain-tuning';
import { iothreadDelta, iothreadIds } from '../../../../shared/domain-edit/iothread-ids';
import type { VirshRunner } from '../../virsh/virsh-runner';

type DomainChange = Extract<EditChange, { target: 'domain' }>;

export interface LiveSteps {
  attempt(fields: string[], run: () => Promise<unknown>): Promise<void>;
  report(fields: string[], applied: FieldOutcome['applied']): void;
}

/** Views with a live half here. */
export const LIVE_TUNING_VIEWS = new Set([
  'cputune',
  'memtune',
  'blkiotune',
  'numatune',
  'lifecycle',
  'iothreads',
]);

const SCHED: Record<string, string> = {
  shares: 'cpu_shares',
  period: 'vcpu_period',
  quota: 'vcpu_quota',
  emulatorPeriod: 'emulator_period',
  emulatorQuota: 'emulator_quota',
};

const MEMTUNE: Record<string, string> = {
  hardLimit: '--hard-limit',
  softLimit: '--soft-limit',
  swapHardLimit: '--swap-hard-limit',
  minGuarantee: '--min-guarantee',
};

const LIFECYCLE: Record<string, string> = {
  onPoweroff: 'poweroff',
  onReboot: 'reboot',
  onCrash: 'crash',
};

/**
 * Tries one tuning change on the running guest. `next` is the new definition, `running` the running
 * guest's XML before the edit.
 */
export async function applyLiveTuning(
  shell: VirshRunner,
  uuid: string,
  change: DomainChange,
  next: XmlDocument,
  running: XmlDocument,
  steps: LiveSteps,
): Promise<void> {
  const keys = Object.keys(change.patch);
  const field = (key: string) => `${change.view}.${key}`;
  const done = new Set<string>();
  const run = async (key: string, argv: string[][]) => {
    done.add(key);
    await steps.attempt([field(key)], async () => {
      for (const a of argv) await shell.run(a);
    });
  };
  if (change.view === 'cputune') {
    const tune = readCputune(next);
    if (keys.includes('vcpupin')) {
      // Every pin of the new definition (a removed pin stays until the next boot).
      const pins = tune.vcpupin ?? [];
      const argv = pins
        .filter((p) => p.vcpu !== undefined && p.cpuset !== undefined)
        .map((p) => [
          'vcpupin',
          '--domain',
          uuid,
          '--vcpu',
          String(p.vcpu),
          '--cpulist',
          p.cpuset!,
          '--live',
        ]);
      // libvirt cannot unpin a running vCPU: a removed pin waits for the next boot.
      const kept = new Set(pins.map((p) => p.vcpu));
      const unpinned = (readCputune(running).vcpupin ?? []).some((p) => !kept.has(p.vcpu));
      if (unpinned) for (const a of argv) await shell.run(a).catch(() => undefined);
      else await run('vcpupin', argv);
    }
    if (keys.includes('emulatorpin'))
      await run('emulatorpin', [
        ['emulatorpin', '--domain', uuid, '--cpulist', tune.emulatorpin ?? 'r', '--live'],
      ]);
    if (keys.includes('iothreadpin'))
      await run(
        'iothreadpin',
        (tune.iothreadpin ?? [])
          .filter((p) => p.iothread !== undefined && p.cpuset !== undefined)
          .map((p) => [
            'iothreadpin',
            '--domain',
            uuid,
            '--iothread',
            String(p.iothread),
            '--cpulist',
            p.cpuset!,
            '--live',
          ]),
      );
    for (const [key, param] of Object.entries(SCHED)) {
      const value = tune[key as keyof typeof tune];
      if (keys.includes(key) && typeof value === 'number')
        await run(key, [['schedinfo', '--domain', uuid, '--live', '--set', `${param}=${value}`]]);
    }
  } else if (change.view === 'memtune') {
    const tune = readMemtune(next);
    const argv = ['memtune', '--domain', uuid];
    const set = keys.filter((k) => k in MEMTUNE);
    for (const key of set) {
      const bytes = tune[key as keyof typeof tune];
      // -1: unlimited (the limit was removed).
      argv.push(MEMTUNE[key]!, bytes === undefined ? '-1' : String(Math.ceil(bytes / 1024)));
    }
    if (set.length > 0) {
      set.forEach((k) => done.add(k));
      await steps.attempt(set.map(field), () => shell.run([...argv, '--live']));
    }
  } else if (change.view === 'blkiotune') {
    const tune = readBlkiotune(next);
    if (keys.includes('weight') && tune.weight !== undefined)
      await run('weight', [['blkiotune', '--domain', uuid, '--weight', String(tune.weight), '--live']]);
    if (keys.includes('devices')) {
      const argv = ['blkiotune', '--domain', uuid];
      const per = (
        name: string,
        pick: (d: NonNullable<typeof tune.devices>[number]) => number | undefined,
      ) => {
        const values = (tune.devices ?? []).filter((d) => d.path && pick(d) !== undefined);
        if (values.length > 0) argv.push(name, values.map((d) => `${d.path},${pick(d)}`).join(','));
      };
      per('--device-weights', (d) => d.weight);
      per('--device-read-bytes-sec', (d) => d.readBytesSec);
      per('--device-write-bytes-sec', (d) => d.writeBytesSec);
      per('--device-read-iops-sec', (d) => d.readIopsSec);
      per('--device-write-iops-sec', (d) => d.writeIopsSec);
      if (argv.length > 3) await run('devices', [[...argv, '--live']]);
    }
  } else if (change.view === 'numatune') {
    const tune = readNumatune(next);
    if (keys.includes('nodeset') && tune.nodeset !== undefined)
      await run('nodeset', [['numatune', '--domain', uuid, '--nodeset', tune.nodeset, '--live']]);
  } else if (change.view === 'iothreads') {
    // The running guest's threads made the new definition's: `iothreadadd/iothreaddel --live` (the
    // definition already holds them; a thread a disk still uses is refused by libvirt, in its words).
    const { add, remove } = iothreadDelta(iothreadIds(running), iothreadIds(next));
    const fields = keys.filter((k) => k === 'count' || k === 'ids');
    fields.forEach((k) => done.add(k));
    if (add.length + remove.length > 0)
      await steps.attempt(fields.map(field), async () => {
        for (const id of remove)
          await shell.run(['iothreaddel', '--domain', uuid, '--id', String(id), '--live']);
        for (const id of add)
          await shell.run(['iothreadadd', '--domain', uuid, '--id', String(id), '--live']);
      });
    else steps.report(fields.map(field), 'live');
  } else if (change.view === 'lifecycle') {
    const actions = readLifecycle(next);
    for (const [key, type] of Object.entries(LIFECYCLE)) {
      const action = actions[key as keyof typeof actions];
      if (keys.includes(key) && typeof action === 'string')
        await run(key, [
          ['set-lifecycle-action', '--domain', uuid, '--type', type, '--action', action, '--live'],
        ]);
    }
  }
  steps.report(keys.filter((k) => !done.has(k)).map(field), 'next-boot');
}
