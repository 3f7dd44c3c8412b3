import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { installerKernel, startMemoryFilledGuest } from '../../../e2e/host/busy-guest';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import {
  clearEvents,
  connectByKey,
  createHarness,
  pollUntil,
  type Harness,
} from '../testing/backend-harness';

// Real sshd + real libvirt session: a disk-less VM (an empty CD-ROM only), booted once, saved to a
// file in a folder of the test user's, and restored from it.
const host = inject('testHost');
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;
let uuid: string;
let folder: string;

const state = async () => (await hostVirsh(['domstate', fixture.vm])).stdout.trim();
const rowState = () =>
  h.call('domains/list', { hostId }).then((list) => list.find((d) => d.uuid === uuid)?.state);

beforeAll(async () => {
  fixture = await createVmWithVolumes(`s-save-${process.pid}`, []);
  folder = mkdtempSync(join(tmpdir(), 'vd-s-save-'));
  const id = (flag: string) => Number(execFileSync('id', [flag, host.user], { encoding: 'utf8' }).trim());
  chownSync(folder, id('-u'), id('-g'));
  h = await createHarness();
  hostId = await connectByKey(h, host);
  uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === fixture.vm)!.uuid;
});

afterAll(async () => {
  h?.dispose();
  await hostVirsh(['destroy', fixture.vm]);
  await fixture?.remove();
  rmSync(folder, { recursive: true, force: true });
});

describe('Save to file and restore on the real test host', () => {
  it('refuses a VM that is off, a folder it cannot write and a file that exists, with reasons', async () => {
    const file = join(folder, 'off.save');
    await expect(h.call('domains/save-to-file', { hostId, uuid, path: file })).rejects.toThrow(/not running/);
    await hostVirsh(['start', fixture.vm]);
    await pollUntil(rowState, (s) => s === 'running');
    await expect(h.call('domains/save-to-file', { hostId, uuid, path: '/root/x.save' })).rejects.toThrow(
      /\/root is not writable on the host/,
    );
    await expect(
      h.call('domains/save-to-file', { hostId, uuid, path: '/nonexistent/x.save' }),
    ).rejects.toThrow(/\/nonexistent does not exist/);
    await expect(h.call('domains/save-to-file', { hostId, uuid, path: 'relative.save' })).rejects.toThrow(
      /absolute path/,
    );
    await expect(h.call('domains/save-to-file', { hostId, uuid, path: folder })).rejects.toThrow(/exists/);
    expect(await state()).toBe('running');
  });

  it('saves the running VM to a file as a job, and restores it paused', async () => {
    const file = join(folder, `${fixture.vm} “saved”.save`);
    const finished = h.waitFor('jobs/finished', (j) => j.kind === 'domain-save');
    const saved = await h.call('domains/save-to-file', { hostId, uuid, path: file });
    expect(saved.message).toBe(`${fixture.vm} saved to ${file}`);
    expect((await finished).state).toBe('done');
    expect(existsSync(file)).toBe(true);
    expect(await state()).toBe('shut off');
    await pollUntil(rowState, (s) => s === 'shut off');

    const restored = await h.call('domains/restore-from-file', { hostId, path: file, then: 'paused' });
    expect(restored.message).toBe(`Restored from ${file}`);
    expect(await state()).toBe('paused');
    await pollUntil(rowState, (s) => s === 'paused');
    await expect(h.call('domains/restore-from-file', { hostId, path: join(folder, 'none') })).rejects.toThrow(
      /is not a file on the host/,
    );
  });

  // 400 MiB of random bytes in the guest's memory, so there is a save to stop; skipped only where the
  // test host has no installer kernel to boot (~/vd-media).
  it.skipIf(!installerKernel(host))(
    'cancels a save: no file is left and the VM keeps running',
    async () => {
      const guest = await startMemoryFilledGuest(host, `vd-m4-save-${process.pid}`, 400);
      try {
        const id = (await pollUntil(
          () => h.call('domains/list', { hostId }).then((l) => l.find((d) => d.name === guest.name)),
          (d) => d?.state === 'running',
        ))!.uuid;
        const file = join(folder, 'cancelled.save');
        clearEvents(h);
        const started = h.waitFor('jobs/started', (j) => j.kind === 'domain-save');
        const call = h.call('domains/save-to-file', { hostId, uuid: id, path: file });
        // Cancelled as soon as the job is there: on a quiet machine the whole save takes about a
        // second (no progress tick may come first), and Cancel must hold even before libvirt's
        // job is under way.
        const job = await started;
        await h.call('jobs/cancel', { jobId: job.jobId });
        await expect(call).rejects.toThrow(/cancelled/i);
        expect((await h.waitFor('jobs/finished', (j) => j.jobId === job.jobId)).state).toBe('cancelled');
        expect(existsSync(file)).toBe(false);
        expect((await hostVirsh(['domstate', guest.name])).stdout.trim()).toBe('running');
        expect(
          await pollUntil(
            () => h.call('domains/list', { hostId }).then((l) => l.find((d) => d.uuid === id)?.state),
            (s) => s === 'running',
          ),
        ).toBe('running');
      } finally {
        await guest.remove();
      }
    },
    240_000,
  );
});
