import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { EditResult } from '../../../shared/api/domain-edit';
import { parseDomainXml } from '../../../shared/xml/objects';
import { StoresProvider } from '../../common/stores-context';
import { createI18n } from '../../i18n/create-i18n';
import { createStores } from '../../stores/create-stores';
import { FakeApi } from '../../testing/fake-api';
import { EditResultView } from '../edit-result-view';
import { IoTuningPane } from '../tuning/tuning-panes';
import { DiskPane } from './disk-pane';
import type { PaneProps } from './pane-props';

// Rendered to markup (no DOM needed): each disk's I/O limits are in its own pane, not in the Disk
// I/O tuning item; an Apply that libvirt could not make live for want of cgroups says so plainly.
const DOC = parseDomainXml(`<domain type='qemu'>
  <name>g</name>
  <memory unit='KiB'>65536</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <blkiotune><weight>500</weight></blkiotune>
  <devices>
    <disk type='file' device='disk'>
      <source file='/var/lib/images/g.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <iotune>
        <total_iops_sec>500</total_iops_sec>
        <total_iops_sec_max>800</total_iops_sec_max>
      </iotune>
    </disk>
  </devices>
</domain>
`);

function render(node: React.ReactNode, language = 'en'): string {
  const stores = createStores(new FakeApi());
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StoresProvider stores={stores}>{node}</StoresProvider>
    </I18nextProvider>,
  );
}

const props = (item: PaneProps['item']): PaneProps => ({
  hostId: 'h1',
  uuid: 'u-1',
  doc: DOC,
  item,
  pending: [],
  busy: false,
  running: true,
  autostart: false,
  onApply: async () => [],
});

/** The label text and value of each text field of the markup. */
function fields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<label for="([^"]+)">([^<]*)<\/label><input id="\1"[^>]*?value="([^"]*)"/g))
    out[m[2]!] = m[3]!;
  return out;
}

describe('a disk’s I/O limits', () => {
  it('show in the Disk pane with their bursts', () => {
    const shown = fields(
      render(
        <DiskPane {...props({ id: 'disk:vda', kind: 'disk', label: 'itemDisk', deviceKey: 'disk:vda' })} />,
      ),
    );
    expect(shown).toMatchObject({
      'Limit: total IOPS': '500',
      'Burst: total IOPS': '800',
      'Limit: read bytes/s': '',
      'Burst length (s): total IOPS': '',
      'Throttle group': '',
    });
  });

  it('are not in the Disk I/O tuning item, which keeps blkiotune', () => {
    const html = render(
      <IoTuningPane {...props({ id: 'io-tuning', kind: 'io-tuning', label: 'itemIoTuning' })} />,
    );
    expect(html).not.toContain('Limit: total IOPS');
    expect(fields(html)).toMatchObject({ Weight: '500' });
    expect(html).toContain('are in that disk’s pane');
  });
});

describe('a live change refused for want of cgroups', () => {
  const result: EditResult = {
    outcome: 'applied',
    diff: '',
    xml: '',
    fields: [
      {
        field: 'numatune.nodeset',
        applied: 'next-boot',
        code: 'live-needs-cgroups',
        values: { what: 'numatune' },
        message: 'Operation not supported: NUMA tuning is not available in session mode',
      },
    ],
  };

  it('says why in plain words, in the window’s language', () => {
    expect(render(<EditResultView result={result} onReload={() => undefined} />)).toContain(
      'Not changed on the running guest: this connection (qemu:///session) has no cgroups, so the numatune change takes effect after the next guest shutdown.',
    );
    expect(render(<EditResultView result={result} onReload={() => undefined} />, 'zh-CN')).toContain(
      '此连接（qemu:///session）没有 cgroups',
    );
  });
});
