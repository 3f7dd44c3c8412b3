import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { FakeApi } from '../testing/fake-api';
import { flush, summary } from '../testing/fixtures';
import { createStores } from './create-stores';
import { needsConfirmation } from './domain-action-runner';
import { Prefs } from '../../shared/api/prefs';

function setup() {
  const api = new FakeApi();
  const stores = createStores(api);
  const target = (uuid: string, state: 'running' | 'shut off') => ({
    ...summary(uuid, { state }),
    hostId: 'h',
  });
  return { api, stores, target };
}

describe('needsConfirmation', () => {
  it('asks for destructive actions and bulk shutdown; Delete always', () => {
    const defaults = Prefs.parse({}).confirm;
    const none = {
      destroy: false,
      reset: false,
      shutdown: false,
      reboot: false,
      pause: false,
      several: false,
    };
    expect(needsConfirmation('destroy', 1, defaults)).toBe(true);
    expect(needsConfirmation('reset', 1, defaults)).toBe(true);
    expect(needsConfirmation('shutdown', 1, defaults)).toBe(false);
    expect(needsConfirmation('shutdown', 2, defaults)).toBe(true);
    expect(needsConfirmation('run', 3, defaults)).toBe(false);
    expect(needsConfirmation('destroy', 1, none)).toBe(false);
    expect(needsConfirmation('shutdown', 2, none)).toBe(false);
    expect(needsConfirmation('delete', 1, none)).toBe(true);
    // issue 15: each action's own switch
    expect(needsConfirmation('reboot', 1, { ...none, reboot: true })).toBe(true);
    expect(needsConfirmation('pause', 1, { ...none, pause: true })).toBe(true);
    expect(needsConfirmation('shutdown', 1, { ...none, shutdown: true })).toBe(true);
  });
});

describe('domain action runner', () => {
  it('runs a bulk action on every fitting VM in parallel and reports each result', async () => {
    const { api, stores, target } = setup();
    const answers: ((value: { message: string; summary?: ReturnType<typeof summary> }) => void)[] = [];
    api.handle('domains/action', () => new Promise((resolve) => answers.push(resolve)));
    const done = stores.actions.perform('run', [
      target('a', 'shut off'),
      target('b', 'shut off'),
      target('c', 'running'),
    ]);
    await flush();
    expect(api.callsOf('domains/action')).toEqual([
      { hostId: 'h', uuid: 'a', action: 'start' },
      { hostId: 'h', uuid: 'b', action: 'start' },
    ]);
    expect(stores.domains.getState().busy).toEqual({ 'h/a': 'start', 'h/b': 'start' });
    answers[0]!({ message: 'Domain a started', summary: summary('a', { state: 'running' }) });
    answers[1]!({ message: '' });
    await done;
    expect(stores.domains.getState().busy).toEqual({});
    expect(stores.domains.getState().byHost.h?.a?.state).toBe('running');
    const notices = stores.activity.getState().notices.map((n) => [n.tone, n.key]);
    expect(notices).toEqual([
      ['success', 'activity.actionDone'],
      ['success', 'activity.actionDoneQuiet'],
    ]);
  });

  it('confirms Force Off first and does nothing when cancelled', async () => {
    const { api, stores, target } = setup();
    api.handle('domains/action', () => ({ message: 'ok' }));
    const cancelled = stores.actions.perform('destroy', [target('a', 'running')]);
    expect(stores.ui.getState().pendingConfirm?.confirmKey).toBe('actions.destroy');
    stores.ui.getState().resolveConfirm(false);
    await cancelled;
    expect(api.callsOf('domains/action')).toEqual([]);

    const confirmed = stores.actions.perform('destroy', [target('a', 'running')]);
    stores.ui.getState().resolveConfirm(true);
    await confirmed;
    expect(api.callsOf('domains/action')).toEqual([{ hostId: 'h', uuid: 'a', action: 'destroy' }]);
  });

  it("quotes libvirt's message when an action fails", async () => {
    const { api, stores, target } = setup();
    api.handle('domains/action', () => {
      throw new ApiError('virsh-error', 'error: Requested operation is not valid: domain is not running');
    });
    await stores.actions.perform('pause', [target('a', 'running')]);
    const [notice] = stores.activity.getState().notices;
    expect(notice).toMatchObject({
      tone: 'error',
      key: 'activity.actionFailed',
      params: { action: 'pause', message: 'error: Requested operation is not valid: domain is not running' },
    });
  });

  it('skips VMs that already have an action in flight', async () => {
    const { api, stores, target } = setup();
    api.handle('domains/action', () => ({ message: 'ok' }));
    stores.domains.getState().setBusy('h/a', 'shutdown');
    await stores.actions.perform('pause', [target('a', 'running')]);
    expect(api.callsOf('domains/action')).toEqual([]);
  });
});
