import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { emptyCloudImageChoice, type CloudImageChoice } from '../../../shared/api/cloud-init';
import { realPublicKeys } from '../../../shared/cloud-init/testing/public-keys';
import { StoresProvider } from '../../common/stores-context';
import { createI18n } from '../../i18n/create-i18n';
import { createStores } from '../../stores/create-stores';
import { FakeApi } from '../../testing/fake-api';
import { appendKeyText } from './cloud-init-fields';
import { CloudImageStep, validateCloudImageChoice } from './cloud-image-step';

// Rendered to markup (no DOM here): what the step shows for a given choice, with its problems.
function render(value: CloudImageChoice, showAllProblems: boolean): string {
  const stores = createStores(new FakeApi());
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n('en')}>
      <StoresProvider stores={stores}>
        <CloudImageStep
          hostId="h1"
          value={value}
          onChange={() => undefined}
          showAllProblems={showAllProblems}
        />
      </StoresProvider>
    </I18nextProvider>,
  );
}

const good: CloudImageChoice = {
  ...emptyCloudImageChoice,
  base: { kind: 'path', path: '/images/debian.qcow2' },
  userName: 'alice',
  sshKeys: realPublicKeys.ed25519,
  hostname: 'web-1',
};

describe('cloud-image step', () => {
  it('shows each problem on its field, in words, once asked', () => {
    const bad = { ...good, userName: 'Alice', hostname: 'web_1', sshKeys: 'ssh-ed25519 AAAA', userData: 'x' };
    const html = render(bad, true);
    expect(html).toContain('“Alice” is not a Linux user name');
    expect(html).toContain('“web_1” is not a valid host name part');
    expect(html).toMatch(/Line 1: the ssh-ed25519 key is cut short|not valid base64/);
    expect(html).toContain('User-data must start with “#cloud-config”');
    expect(html.match(/aria-invalid="true"/g)?.length).toBe(4);
    // untouched fields stay quiet until the wizard asks
    expect(render(bad, false)).not.toContain('aria-invalid');
  });

  it('a complete choice has no problems; the keys found are listed', () => {
    expect(validateCloudImageChoice(good)).toEqual({});
    const html = render(good, true);
    expect(html).not.toContain('aria-invalid');
    expect(html).toContain('1 key: ssh-ed25519 256 alice@ed25519');
    expect(html).toContain('Only a SHA-512 hash of it is sent to the host');
  });

  it('asks for a way in and refuses shrinking once the image size is known', () => {
    expect(validateCloudImageChoice({ ...good, sshKeys: '' }).password?.key).toBe('noWayIn');
    expect(validateCloudImageChoice({ ...good, sshKeys: '', password: 'pw' })).toEqual({});
    expect(validateCloudImageChoice({ ...good, size: '1G' }, { baseCapacity: 2 * 2 ** 30 }).size?.key).toBe(
      'sizeShrinks',
    );
    expect(
      validateCloudImageChoice({ ...good, base: { kind: 'volume', pool: 'p', name: '' } }).base?.key,
    ).toBe('baseNeeded');
    expect(validateCloudImageChoice({ ...good, base: { kind: 'path', path: 'rel.qcow2' } }).base?.key).toBe(
      'pathNotAbsolute',
    );
  });

  it('a .pub file is added as a line of its own', () => {
    expect(appendKeyText('', 'ssh-ed25519 AAAA a\n')).toBe('ssh-ed25519 AAAA a\n');
    expect(appendKeyText('ssh-rsa BBBB b', 'ssh-ed25519 AAAA a\n')).toBe(
      'ssh-rsa BBBB b\nssh-ed25519 AAAA a\n',
    );
    expect(appendKeyText('k\n', '   ')).toBe('k\n');
  });
});
