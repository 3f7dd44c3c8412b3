import { describe, expect, it } from 'vitest';
import { check, field } from '../../shared/checks/check-message';
import { refusal } from '../../shared/api/errors';
import type { DesktopBridge } from '../../shared/api/bridge';
import { createBridgeClient } from '../api/bridge-client';
import { checkText } from './check-text';
import { createI18n } from './create-i18n';

describe('shared checks in the window’s language (issue 15)', () => {
  const zh = createI18n('zh-CN');
  const en = createI18n('en');

  it('translates a check and the field it names', () => {
    const message = check('pool.pathAbsolute', { field: field('poolField.targetPath'), value: 'images' });
    expect(checkText(zh.t, message)).toBe('目标路径必须是绝对路径（以 / 开头）：“images”');
    expect(checkText(en.t, message)).toBe(
      'The target path must be an absolute path (starting with /): “images”',
    );
    expect(checkText(zh.t, check('vmName.taken', { name: 'web' }))).toBe('此宿主机上已有名为“web”的虚拟机');
  });

  it('shows a backend refusal from a shared check in Chinese, other errors as they came', async () => {
    const bridge = {
      calls: {
        'networks/define': async () => ({
          ok: false,
          error: refusal(check('network.nameTaken', { name: 'default' })).toShape(),
        }),
        'hosts/connect': async () => ({
          ok: false,
          error: { code: 'auth-failed', message: 'Permission denied' },
        }),
      },
      on: () => () => undefined,
    } as unknown as DesktopBridge;
    const client = createBridgeClient(bridge, undefined, (m) => checkText(zh.t, m));
    await expect(
      client.call('networks/define', {
        hostId: 'h',
        spec: { kind: 'isolated', name: 'default' },
        start: false,
        autostart: false,
      }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: '此宿主机上已有名为“default”的网络' });
    await expect(client.call('hosts/connect', { hostId: 'h' })).rejects.toMatchObject({
      message: 'Permission denied',
    });
  });
});
