import { describe, expect, it } from 'vitest';
import { PoolSpec, PoolType, poolSpecProblem } from '../../api/pool-spec';
import { checkEnglish, type CheckMessage } from '../../checks/check-message';

const english = (message: CheckMessage | undefined) => message && checkEnglish(message);
import { documentRoot } from '../document';
import { parsePoolXml } from '../objects';
import { expectValid } from '../testing/validate';
import { newPoolXml } from './new-pool';
import { POOL_SPECS } from './pool-specs.fixture';

describe('new pool XML', () => {
  it('covers every pool type', () => {
    expect(new Set(POOL_SPECS.map((s) => s.type))).toEqual(new Set(PoolType.options));
  });

  it.each(POOL_SPECS.map((s) => [`${s.type} ${s.name}`, s] as const))(
    '%s validates against libvirt’s storagepool schema',
    (_label, spec) => {
      expect(poolSpecProblem(spec)).toBeUndefined();
      expectValid(newPoolXml(spec), 'storagepool');
    },
  );

  it('the seeds’ dir pool is what pool-define-as would define', () => {
    const xml = newPoolXml(
      PoolSpec.parse({ type: 'dir', name: 'kvm_images', targetPath: '/home/data/kvm/pool' }),
    );
    expect(xml).toBe(
      "<pool type='dir'>\n  <name>kvm_images</name>\n  <target>\n    <path>/home/data/kvm/pool</path>\n  </target>\n</pool>\n",
    );
  });

  it('keeps hostile text as text (escaped), never markup', () => {
    const spec = PoolSpec.parse({
      type: 'netfs',
      name: 'n',
      host: `h'/><x y='`,
      sourcePath: `/a"</dir><evil/>`,
      format: 'nfs',
      targetPath: '/t&<x>',
    });
    const doc = parsePoolXml(newPoolXml(spec));
    expect(
      documentRoot(doc)
        .children.filter((c) => c.kind === 'element')
        .map((c) => c.kind === 'element' && c.name),
    ).toEqual(['name', 'source', 'target']);
    expect(newPoolXml(spec)).not.toContain('<evil/>');
  });
});

describe('poolSpecProblem', () => {
  const dir = (name: string, targetPath = '/var/lib/p') => ({ type: 'dir' as const, name, targetPath });
  it.each([
    ['with space', 'pool name'],
    [`quo'te`, 'pool name'],
    ['$(touch x)', 'pool name'],
    ['a/b', 'pool name'],
    ['', 'needs a name'],
  ])('refuses the name %j', (name, message) => {
    expect(english(poolSpecProblem(dir(name)))).toContain(message);
  });

  it('accepts unicode letters and the seeds’ name', () => {
    expect(poolSpecProblem(dir('kvm_images'))).toBeUndefined();
    expect(poolSpecProblem(dir('池-ünï.1'))).toBeUndefined();
  });

  it.each(['relative/path', '', '/a/../etc', '/a\nb'])('refuses the target path %j', (path) => {
    expect(english(poolSpecProblem(dir('p', path)))).toMatch(/target path/);
  });

  it('asks for what a type needs', () => {
    expect(
      english(
        poolSpecProblem({ type: 'iscsi-direct', name: 'i', host: 'h', target: 'iqn.x', initiator: '' }),
      ),
    ).toMatch(/initiator/i);
    expect(english(poolSpecProblem({ type: 'logical', name: 'l', volumeGroup: ' ' }))).toMatch(
      /volume group/,
    );
  });

  it('says which text, which field and which values, for the UI to translate (issue 15)', () => {
    expect(poolSpecProblem(dir('p', 'relative'))).toEqual({
      key: 'pool.pathAbsolute',
      values: { field: { key: 'poolField.targetPath' }, value: 'relative' },
    });
    expect(poolSpecProblem({ type: 'logical', name: 'l', volumeGroup: ' ' })).toEqual({
      key: 'pool.required',
      values: { field: { key: 'poolField.volumeGroup' } },
    });
    expect(poolSpecProblem(dir('a b'))).toEqual({ key: 'pool.nameBad', values: { name: 'a b' } });
    expect(english(poolSpecProblem(dir('p', '/a/../b')))).toBe(
      'The target path cannot contain “..”: write the path it stands for',
    );
  });
});
