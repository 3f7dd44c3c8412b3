import { describe, expect, it } from 'vitest';
import { XmlParseError } from '../errors';
import { planNetworkLiveEdit } from './network-live-edit';

const net = (dhcp: string, extra = '') => `<network>
  <name>vd-sn-lab</name>
  <uuid>5c0c1e42-1b2f-4c43-9d0a-000000000001</uuid>
  <bridge name='virbr9' stp='on' delay='0'/>${extra}
  <ip address='10.98.0.1' prefix='24'>
    <dhcp>${dhcp}
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:98::1' prefix='64'/>
</network>
`;
const range = "\n      <range start='10.98.0.10' end='10.98.0.20'/>";
const host = "\n      <host mac='52:54:00:00:00:01' name='db' ip='10.98.0.5'/>";

describe('what an edited network definition needs while it runs', () => {
  it('nothing when only layout, quotes or attribute order changed', () => {
    const before = net(range + host);
    const after = net('\n<range end="10.98.0.20" start="10.98.0.10" />' + host).replace(
      "<bridge name='virbr9' stp='on' delay='0'/>",
      '<bridge  delay="0" name="virbr9" stp="on"/>',
    );
    expect(planNetworkLiveEdit(before, after)).toEqual({ kind: 'none' });
  });

  it('net-update of the DHCP entries that changed, deletions first, with the <ip> index', () => {
    const after = net(
      "\n      <range start='10.98.0.30' end='10.98.0.40'/>" +
        host +
        "\n      <host mac='52:54:00:00:00:02' ip='10.98.0.6'/>",
    );
    expect(planNetworkLiveEdit(net(range + host), after)).toEqual({
      kind: 'live',
      updates: [
        {
          command: 'delete',
          section: 'ip-dhcp-range',
          ipIndex: 0,
          xml: "<range start='10.98.0.10' end='10.98.0.20'/>",
        },
        {
          command: 'add-last',
          section: 'ip-dhcp-range',
          ipIndex: 0,
          xml: "<range start='10.98.0.30' end='10.98.0.40'/>",
        },
        {
          command: 'add-last',
          section: 'ip-dhcp-host',
          ipIndex: 0,
          xml: "<host mac='52:54:00:00:00:02' ip='10.98.0.6'/>",
        },
      ],
    });
  });

  it('a restart for anything else: a domain, a forward mode, an address, a new <dhcp>', () => {
    const before = net(range);
    expect(planNetworkLiveEdit(before, net(range, "\n  <domain name='lab.test'/>"))).toEqual({
      kind: 'restart',
    });
    expect(planNetworkLiveEdit(before, net(range, "\n  <forward mode='nat'/>"))).toEqual({ kind: 'restart' });
    expect(planNetworkLiveEdit(before, before.replace("'10.98.0.1'", "'10.98.0.2'"))).toEqual({
      kind: 'restart',
    });
    expect(
      planNetworkLiveEdit(
        before,
        before.replace(
          "prefix='64'/>",
          "prefix='64'><dhcp><range start='fd00:98::10' end='fd00:98::20'/></dhcp></ip>",
        ),
      ),
    ).toEqual({ kind: 'restart' });
  });

  it('a DHCP change together with anything else is a restart too', () => {
    const after = net("\n      <range start='10.98.0.30' end='10.98.0.40'/>", "\n  <mtu size='9000'/>");
    expect(planNetworkLiveEdit(net(range), after)).toEqual({ kind: 'restart' });
  });

  it('throws the parse error (line, column) for XML that is not a network', () => {
    expect(() => planNetworkLiveEdit(net(range), '<network>\n  <name>x</nam>\n</network>')).toThrow(
      XmlParseError,
    );
    expect(() => planNetworkLiveEdit(net(range), '<pool/>')).toThrow(/expected <network>/);
  });
});
