// What the New VM wizard keeps beyond one backend (issue 11, fourth session), on the real test host:
// the OS list kept in the data dir (checked against the host's osinfo-db with one call at connect),
// and "Customize before install" kept in the VM's own <metadata> — a new backend (a restarted
// VirtDesk, or another desktop) still shows Begin / Cancel installation, and both work.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostVirsh, readTestHost, type TestHost } from '../../../e2e/host/test-host';
import { removeWizardLeftovers, wizardDomains, wizardVolumes } from '../../../e2e/host/wizard-cleanup';
import type { NewVmPlan } from '../../../shared/api/wizard';
import { INSTALL_NS } from '../../../shared/wizard/install-record';
import { newVmPlan } from '../../../shared/wizard/testing/new-vm-plan';
import { MiB } from '../../../shared/xml/units';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

const PREFIX = 'vd-wz4-';
let host: TestHost;

beforeAll(async () => {
  host = await readTestHost();
  await removeWizardLeftovers(PREFIX);
});
afterAll(() => removeWizardLeftovers(PREFIX));

/**
 * A new backend connected to the test host: on `dataDir` (a restart of the same desktop: its saved
 * connection, its known host key) or on a data dir of its own.
 */
async function backend(dataDir?: string): Promise<{ h: Harness; hostId: string }> {
  const h = await createHarness(dataDir ? { dataDir } : {});
  if (!dataDir) return { h, hostId: await connectByKey(h, host) };
  const [saved] = await h.call('hosts/list', {});
  const status = await h.call('hosts/connect', { hostId: saved!.config.id });
  expect(status.state).toBe('connected');
  return { h, hostId: saved!.config.id };
}

/** The one kept file of the data dir, once written (a write goes through a temp file). */
async function osListFile(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'os-lists');
  const written = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []);
  await expect.poll(() => written().length).toBe(1);
  return join(dir, written()[0]!);
}

/** How many entries a kept file holds (-1: not a whole file yet). */
function keptCount(file: string): number {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length;
  } catch {
    return -1;
  }
}

describe('the OS list kept on the desktop', () => {
  it('is written once read, answers the next backend at once, and is checked against the host', async () => {
    const first = await backend();
    const fresh = await first.h.call('wizard/os-list', { hostId: first.hostId });
    first.h.dispose();
    expect(fresh.entries.length).toBeGreaterThan(100);
    const file = await osListFile(first.h.dataDir);
    await expect.poll(() => keptCount(file)).toBe(fresh.entries.length);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; entries: unknown[] };
    expect(kept.entries).toHaveLength(fresh.entries.length);
    expect(kept.stamp).toMatch(/^\d+ \d+$/);
    // Nothing but the OS table and the stamp: no host name, user or key material.
    expect(readFileSync(file, 'utf8')).not.toMatch(new RegExp(`${host.user}|127\\.0\\.0\\.1|PRIVATE`));

    // Same db: the kept list.
    const again = await backend(first.h.dataDir);
    expect(await again.h.call('wizard/os-list', { hostId: again.hostId })).toEqual(fresh);
    again.h.dispose();

    // The host's db "changed" (a stamp it cannot have): the kept list answers until the check
    // at connect (which may be done by then) replaces it with the host's and says so.
    writeFileSync(file, JSON.stringify({ ...kept, stamp: '1 1', entries: kept.entries.slice(0, 3) }));
    const stale = await backend(first.h.dataDir);
    try {
      const served = await stale.h.call('wizard/os-list', { hostId: stale.hostId });
      expect([3, fresh.entries.length]).toContain(served.entries.length);
      const changed = await stale.h.waitFor('wizard/os-list-changed', (p) => p.hostId === stale.hostId);
      expect(changed.entries).toEqual(fresh.entries);
      expect(await stale.h.call('wizard/os-list', { hostId: stale.hostId })).toEqual(fresh);
      await expect.poll(() => keptCount(file)).toBe(fresh.entries.length);
      expect((JSON.parse(readFileSync(file, 'utf8')) as typeof kept).stamp).toBe(kept.stamp);
    } finally {
      stale.h.dispose();
    }
  });

  it('ignores a damaged file, reads the host and writes the file anew', async () => {
    const first = await backend();
    const fresh = await first.h.call('wizard/os-list', { hostId: first.hostId });
    first.h.dispose();
    const file = await osListFile(first.h.dataDir);
    for (const damage of [
      '{"version":1,"stamp":',
      '{"version":1,"stamp":"1 1","entries":[{"id":5}]}',
      '\u0000',
    ]) {
      writeFileSync(file, damage);
      const next = await backend(first.h.dataDir);
      try {
        expect(await next.h.call('wizard/os-list', { hostId: next.hostId })).toEqual(fresh);
      } finally {
        next.h.dispose();
      }
      await expect.poll(() => keptCount(file)).toBe(fresh.entries.length);
    }
  });
});

function customizedPlan(name: string): NewVmPlan {
  return newVmPlan({
    uuid: randomUUID(),
    name,
    memoryBytes: 256 * MiB,
    media: { kind: 'cdrom', source: { path: `${host.home}/vd-media/debian12-netboot.iso` } },
    storage: { kind: 'new', pool: 'vd-images', capacityBytes: 64 * MiB, format: 'qcow2' },
    rng: false,
    customize: true,
  });
}

/** Finish with "Customize before install" on one backend, which then goes away. */
async function defineCustomized(plan: NewVmPlan): Promise<void> {
  const { h, hostId } = await backend();
  try {
    const { jobId } = await h.call('wizard/create', { hostId, plan });
    const done = await h.waitFor('jobs/finished', (j) => j.jobId === jobId, 120_000);
    expect(done.state, done.message).toBe('done');
  } finally {
    h.dispose();
  }
}

const inactiveXml = async (name: string) => (await hostVirsh(['dumpxml', '--inactive', name])).stdout;

describe('Customize before install across a backend restart', () => {
  it('a new backend sees the VM waiting, and Begin installs it with the edits and other metadata kept', async () => {
    const plan = customizedPlan(`${PREFIX}begin`);
    await defineCustomized(plan);
    expect(await inactiveXml(plan.name)).toContain(INSTALL_NS);
    // Another application's metadata, and an edit made while customizing: both must survive Begin.
    const other = await hostVirsh([
      'metadata',
      plan.name,
      '--uri',
      'urn:example:vd-other',
      '--key',
      'other',
      '--set',
      '<thing a="1"/>',
      '--config',
    ]);
    expect(other.code, other.stderr).toBe(0);
    expect((await hostVirsh(['setvcpus', plan.name, '2', '--maximum', '--config'])).code).toBe(0);
    expect((await hostVirsh(['setvcpus', plan.name, '2', '--config'])).code).toBe(0);

    const { h, hostId } = await backend();
    try {
      const { pending } = await h.call('wizard/pending-install', { hostId, uuid: plan.uuid });
      expect(pending).toEqual({
        name: plan.name,
        install: true,
        created: [{ pool: 'vd-images', volume: `${plan.name}.qcow2` }],
      });
      const { message } = await h.call('wizard/begin-install', { hostId, uuid: plan.uuid });
      expect(message).toBe(`Installing ${plan.name}`);
      expect((await hostVirsh(['domstate', plan.name])).stdout.trim()).toBe('running');
      // The install boot runs the edited install document (the ISO in the CD-ROM, booted first).
      const live = (await hostVirsh(['dumpxml', plan.name])).stdout;
      expect(live).toContain('debian12-netboot.iso');
      expect(live).not.toContain(INSTALL_NS);
      // What stays defined: the final document with the edits, the other application's metadata,
      // and no install record.
      const final = await inactiveXml(plan.name);
      expect(final).not.toContain(INSTALL_NS);
      expect(final).toContain('urn:example:vd-other');
      expect(final).toContain('libosinfo');
      expect(final).toMatch(/<vcpu placement='static'>2<\/vcpu>/);
      expect(final).not.toContain('debian12-netboot.iso');
      expect(final).toMatch(/<boot dev='hd'\/>/);
      expect(final).toContain('<on_reboot>restart</on_reboot>');
      expect(await h.call('wizard/pending-install', { hostId, uuid: plan.uuid })).toEqual({});
      await expect(h.call('wizard/begin-install', { hostId, uuid: plan.uuid })).rejects.toThrow(
        /not waiting for its installation/,
      );
    } finally {
      h.dispose();
      await hostVirsh(['destroy', plan.name]);
    }
  });

  it('Run on a waiting VM begins its installation (the media boots once; the record goes)', async () => {
    const plan = customizedPlan(`${PREFIX}run`);
    await defineCustomized(plan);
    const { h, hostId } = await backend();
    try {
      const { message } = await h.call('domains/action', { hostId, uuid: plan.uuid, action: 'start' });
      expect(message).toBe(`Installing ${plan.name}`);
      expect((await hostVirsh(['dumpxml', plan.name])).stdout).toContain('debian12-netboot.iso');
      const final = await inactiveXml(plan.name);
      expect(final).not.toContain(INSTALL_NS);
      expect(final).not.toContain('debian12-netboot.iso');
      expect(await h.call('wizard/pending-install', { hostId, uuid: plan.uuid })).toEqual({});
    } finally {
      h.dispose();
      await hostVirsh(['destroy', plan.name]);
    }
  });

  it('Cancel on a new backend removes exactly what the wizard created', async () => {
    const plan = customizedPlan(`${PREFIX}cancel`);
    await defineCustomized(plan);
    expect(await wizardDomains(plan.name)).toEqual([plan.name]);
    expect(await wizardVolumes(plan.name)).toEqual([`${plan.name}.qcow2`]);

    const { h, hostId } = await backend();
    try {
      const { message } = await h.call('wizard/cancel-install', { hostId, uuid: plan.uuid });
      expect(message).toContain(`the definition of ${plan.name}`);
      expect(message).toContain(`the volume ${plan.name}.qcow2`);
    } finally {
      h.dispose();
    }
    expect(await wizardDomains(plan.name)).toEqual([]);
    expect(await wizardVolumes(plan.name)).toEqual([]);
    // The install media is the person's, not the wizard's: it stays.
    expect(existsSync(`${host.home}/vd-media/debian12-netboot.iso`)).toBe(true);
  });
});
