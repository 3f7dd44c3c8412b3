// The node device fixtures (see ../fixtures/README.md) for unit, integration and e2e tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** One fixture file's text (`iommu-sriov/pci_0000_01_00_0.xml`, `domain-with-hostdevs.xml`). */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Every device XML of one fixture folder (`iommu-sriov`, `real-host`), by file order. */
export function fixtureDevices(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => fixture(`${folder}/${f}`));
}

/**
 * A libvirt test-driver host file (`test:///PATH`) with the `iommu-sriov` devices and the VM using
 * some of them. The test driver wants a system UUID on `computer`, and drops each device's `<driver>`.
 */
export function testDriverHostXml(): string {
  const computer =
    "<device><name>computer</name><capability type='system'><hardware>" +
    '<vendor>VirtDesk fixtures</vendor><uuid>5b2d7b1c-7f0e-4f3e-9a57-0c1d2e3f4a5b</uuid>' +
    '</hardware></capability></device>';
  const domain = fixture('domain-with-hostdevs.xml').replace("<domain type='kvm'>", "<domain type='test'>");
  return `<node>\n${domain}\n${computer}\n${fixtureDevices('iommu-sriov').join('\n')}\n</node>\n`;
}
