import { describe, expect, it } from 'vitest';
import type { DomainState } from '../../shared/api/domains';
import { summary } from '../testing/fixtures';
import { actionIdOf, actionIds, actionTargets, allows, contractAction, type ActionId } from './action-rules';

const enabledFor = (state: DomainState, extra = {}) =>
  actionIds.filter((id) => allows(id, summary('a', { state, persistent: true, ...extra })));

describe('action rules', () => {
  it('offers what virt-manager offers per state', () => {
    expect(enabledFor('running')).toEqual([
      'pause',
      'shutdown',
      'reboot',
      'reset',
      'destroy',
      'save',
      'autostart',
      'save-file',
      'migrate',
    ]);
    expect(enabledFor('paused')).toEqual([
      'resume',
      'shutdown',
      'reboot',
      'reset',
      'destroy',
      'save',
      'autostart',
      'clone',
      'save-file',
      'migrate',
    ]);
    expect(enabledFor('shut off')).toEqual(['run', 'autostart', 'delete', 'clone', 'migrate']);
    expect(enabledFor('shut off', { hasManagedSave: true })).toEqual([
      'run',
      'restore',
      'autostart',
      'delete',
      'clone',
      'migrate',
    ]);
    expect(enabledFor('crashed')).toEqual(['run', 'destroy', 'autostart', 'delete']);
  });

  it('keeps transient VMs from autostart and delete', () => {
    expect(allows('autostart', summary('a', { persistent: false }))).toBe(false);
    expect(allows('delete', summary('a', { persistent: false }))).toBe(false);
  });

  it('applies bulk actions to the VMs they fit and single actions only to one VM', () => {
    const selected = [summary('a', { state: 'running' }), summary('b', { state: 'shut off' })];
    expect(actionTargets('run', selected).map((d) => d.uuid)).toEqual(['b']);
    expect(actionTargets('destroy', selected).map((d) => d.uuid)).toEqual(['a']);
    expect(actionTargets('pause', selected)).toEqual([]);
    expect(actionTargets('pause', selected.slice(0, 1)).map((d) => d.uuid)).toEqual(['a']);
  });

  it('maps UI actions to contract actions and back', () => {
    const pairs: [ActionId, string][] = [
      ['run', 'start'],
      ['save', 'managedsave'],
      ['delete', 'undefine'],
      ['destroy', 'destroy'],
    ];
    for (const [id, wire] of pairs) expect(contractAction(id, summary('a'))).toBe(wire);
    expect(contractAction('autostart', summary('a', { autostart: true }))).toBe('autostart-off');
    expect(contractAction('autostart', summary('a'))).toBe('autostart-on');
    expect(actionIdOf('autostart-off')).toBe('autostart');
    expect(actionIdOf('managedsave')).toBe('save');
  });
});
