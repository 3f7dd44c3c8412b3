import { describe, expect, it } from 'vitest';
import { newNetworkXml } from './new-network';
import { networkSpecs } from './network-specs.fixture';
import { expectValid } from '../testing/validate';
import { parseNetworkXml } from '../objects';
import { documentRoot } from '../document';
import { findChild, getAttr, getText } from '../node-ops';

describe('new network XML', () => {
  for (const [label, spec] of Object.entries(networkSpecs)) {
    it(`${label}: validates against libvirt's network schema`, () => {
      expectValid(newNetworkXml(spec), 'network');
    });
  }

  it("writes the seeds' SR-IOV VF pool exactly", () => {
    expect(newNetworkXml(networkSpecs.sriov!)).toBe(
      "<network>\n  <name>eno2_sriov_pool</name>\n  <forward mode='hostdev' managed='yes'>\n" +
        "    <pf dev='eno2'/>\n  </forward>\n</network>\n",
    );
  });

  it('keeps hostile names as text (escaped by the model, read back unchanged)', () => {
    const root = documentRoot(parseNetworkXml(newNetworkXml(networkSpecs.isolated!)));
    expect(getText(findChild(root, 'name')!)).toBe('lab isolated “quoted” <&>');
    expect(findChild(root, 'forward')).toBeUndefined();
  });

  it('NAT: forward device, bridge, domain, both families with DHCP and static hosts', () => {
    const xml = newNetworkXml(networkSpecs.nat!);
    expect(xml).toContain("<forward mode='nat' dev='eth0'/>");
    expect(xml).toContain("<bridge name='virbr42'/>");
    expect(xml).toContain("<domain name='lab.example'/>");
    expect(xml).toContain("<range start='192.168.150.100' end='192.168.150.200'/>");
    expect(xml).toContain("<host mac='52:54:00:12:34:56' name='db' ip='192.168.150.10'/>");
    expect(xml).toContain("<ip family='ipv6' address='fd00:150::1' prefix='64'>");
  });

  it('macvtap: one <interface> per chosen host interface, in the chosen mode', () => {
    const root = documentRoot(parseNetworkXml(newNetworkXml(networkSpecs.macvtapPassthrough!)));
    const forward = findChild(root, 'forward')!;
    expect(getAttr(forward, 'mode')).toBe('passthrough');
    expect(newNetworkXml(networkSpecs.macvtapPassthrough!)).toContain("<interface dev='eno4'/>");
  });
});
