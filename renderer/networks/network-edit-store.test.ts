import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { NetworkEditResult } from '../../shared/api/network-edit';
import { FakeApi } from '../testing/fake-api';
import { createNetworkEditStore } from './network-edit-store';

const BASE = '<network>\n  <name>n</name>\n</network>\n';
const NEXT = "<network>\n  <name>n</name>\n  <domain name='x'/>\n</network>\n";

function fake(answers: { preview?: NetworkEditResult; apply?: NetworkEditResult; base?: string[] }) {
  const bases = [...(answers.base ?? [BASE])];
  return new FakeApi()
    .handle('networks/edit-base', () => ({ xml: bases.length > 1 ? bases.shift()! : bases[0]! }))
    .handle('networks/edit-xml', ({ preview }) => {
      const answer = preview ? answers.preview : answers.apply;
      if (!answer) throw new ApiError('connection-lost', 'The connection to the host was lost');
      return answer;
    });
}

describe('the network XML edit flow', () => {
  it('opens on the saved definition, shows the diff, and defines exactly the previewed text', async () => {
    const api = fake({
      preview: { outcome: 'preview', diff: "+  <domain name='x'/>", effect: 'restart' },
      apply: { outcome: 'applied', diff: "+  <domain name='x'/>", xml: NEXT, effect: 'restart' },
    });
    const store = createNetworkEditStore(api);
    await store.getState().open('h', 'u');
    expect(store.getState().session).toMatchObject({ base: BASE, busy: undefined });
    await store.getState().preview(NEXT);
    expect(store.getState().session?.result).toMatchObject({ outcome: 'preview', effect: 'restart' });
    await store.getState().confirm();
    expect(api.callsOf('networks/edit-xml')).toEqual([
      { hostId: 'h', uuid: 'u', baseXml: BASE, xml: NEXT, preview: true },
      { hostId: 'h', uuid: 'u', baseXml: BASE, xml: NEXT, preview: false },
    ]);
    // The applied definition is the next edit's base; Confirm without a new diff does nothing.
    expect(store.getState().session).toMatchObject({ base: NEXT, result: { outcome: 'applied' } });
    await store.getState().confirm();
    expect(api.callsOf('networks/edit-xml')).toHaveLength(2);
  });

  it('keeps a refusal to show, and Back returns to editing', async () => {
    const refusal: NetworkEditResult = {
      outcome: 'invalid',
      problems: [{ field: 'xml', code: 'libvirt', message: 'error: XML error: range outside network' }],
    };
    const store = createNetworkEditStore(fake({ preview: refusal }));
    await store.getState().open('h', 'u');
    await store.getState().preview(NEXT);
    expect(store.getState().session?.result).toEqual(refusal);
    store.getState().dismiss();
    expect(store.getState().session?.result).toBeUndefined();
  });

  it('after "stale", Reload takes the host’s definition as the new base', async () => {
    const stale: NetworkEditResult = { outcome: 'stale', changes: '+  <mtu/>', xml: NEXT };
    const store = createNetworkEditStore(fake({ preview: stale, base: [BASE, NEXT] }));
    await store.getState().open('h', 'u');
    await store.getState().preview(NEXT);
    expect(store.getState().session?.result).toEqual(stale);
    await store.getState().reload();
    expect(store.getState().session).toMatchObject({ base: NEXT, result: undefined });
  });

  it('shows a failed call’s message, clears busy, and drops answers for a closed dialog', async () => {
    const store = createNetworkEditStore(fake({}));
    await store.getState().open('h', 'u');
    await store.getState().preview(NEXT);
    expect(store.getState().session).toMatchObject({
      error: 'The connection to the host was lost',
      busy: undefined,
    });
    let answer!: (xml: string) => void;
    const slow = new FakeApi().handle(
      'networks/edit-base',
      () => new Promise((r) => (answer = (xml) => r({ xml }))),
    );
    const other = createNetworkEditStore(slow);
    const opening = other.getState().open('h', 'u');
    expect(other.getState().session?.busy).toBe('reading');
    other.getState().close();
    answer(BASE);
    await opening;
    expect(other.getState().session).toBeUndefined();
  });
});
