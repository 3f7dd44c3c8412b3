import { describe, expect, it } from 'vitest';
import * as xml from './index';
import { parseXml } from './parse';
import { serializeXml } from './serialize';
import { expectValid, fixture, fixtureNames, validateXml, virshTest } from './testing/validate';

const FIXTURES = fixtureNames().filter((f) => f !== 'node1-as-printed.xml');

describe('lossless round trip', () => {
  it.each(FIXTURES)('%s comes back byte for byte', (name) => {
    const source = fixture(name);
    expect(serializeXml(parseXml(source))).toBe(source);
  });

  it.each([
    [
      'entities',
      `<a x="&amp;&lt;&gt;&quot;&apos;" y='&#233;&#x263A;'>&amp; &lt;b&gt; &quot;q&quot; &apos;s&apos;</a>`,
    ],
    ['empty vs self-closed', `<a><b></b><c/><d x='1'></d><e x='1'/></a>`],
    ['mixed quotes in one tag', `<a one='1' two="2" three='it"s' four="it's"/>`],
    ['CDATA and comments', `<a><!-- c1 --><![CDATA[ <raw> & ]]><!----><b><!--x--></b></a>`],
    ['unicode', `<a t='描述'>Ünïcødé 描述 ☺ 🚀</a>`],
    ['namespaces', `<a xmlns:q="urn:q"><q:b q:attr="v"><q:c/></q:b></a>`],
    [
      'declaration, PI and DOCTYPE',
      `<?xml version="1.0"?>\n<!DOCTYPE a>\n<?pi data here?>\n<a/>\n<!-- after -->\n`,
    ],
    ['no trailing newline, odd spacing', `<a>\n\t<b   x = '1'  />  text  <c/></a>`],
  ])('%s', (_label, source) => {
    const out = serializeXml(parseXml(source));
    // Whitespace inside tags is normalised; everything else is identical.
    expect(out.replace(/\s+/g, ' ')).toBe(
      source
        .replace(/\s*=\s*/g, '=')
        .replace(/\s+\/>/g, '/>')
        .replace(/\s+/g, ' '),
    );
  });

  it('keeps attribute order exactly', () => {
    const doc = parseXml(`<a z='1' a='2' m='3' xmlns:p='urn:p' p:k='4'/>`);
    expect(xml.documentRoot(doc).attrs.map((a) => a.name)).toEqual(['z', 'a', 'm', 'xmlns:p', 'p:k']);
  });

  it('decodes entities for views and re-encodes on write', () => {
    const doc = parseXml(`<a v='x &amp; y'>&lt;tag&gt; &#233;</a>`);
    const root = xml.documentRoot(doc);
    expect(xml.getAttr(root, 'v')).toBe('x & y');
    expect(xml.getText(root)).toBe('<tag> é');
    xml.setAttr(root, 'v', `it's <"quoted">`);
    expect(serializeXml(doc)).toBe(`<a v='it&apos;s &lt;&quot;quoted&quot;&gt;'>&lt;tag&gt; &#233;</a>`);
  });
});

describe('the ten public parse/serialize names', () => {
  const pairs = [
    ['parseDomainXml', 'serializeDomainXml', 'test-driver-domain.xml', 'domain'],
    ['parseNetworkXml', 'serializeNetworkXml', 'test-driver-network.xml', 'network'],
    ['parsePoolXml', 'serializePoolXml', 'test-driver-pool.xml', 'pool'],
    ['parseVolumeXml', 'serializeVolumeXml', 'test-driver-volume.xml', 'volume'],
    ['parseSnapshotXml', 'serializeSnapshotXml', 'test-driver-snapshot.xml', 'domainsnapshot'],
  ] as const;

  it.each(pairs)('%s / %s round-trip %s', (parseName, serializeName, file) => {
    const source = fixture(file);
    expect(xml[serializeName](xml[parseName](source))).toBe(source);
  });

  it.each(pairs)('%s refuses a document with another root', (parseName, _s, _f, root) => {
    const other = root === 'domain' ? fixture('test-driver-network.xml') : fixture('test-driver-domain.xml');
    expect(() => xml[parseName](other)).toThrow(new RegExp(`expected <${root}> as the root element`));
  });
});

describe('libvirt test driver output', () => {
  it('the validation helper really rejects what libvirt’s schema rejects', () => {
    expect(validateXml("<domain type='kvm'><name>x</name><bogus/></domain>", 'domain').ok).toBe(false);
    expect(validateXml(fixture('node1-well-formed.xml'), 'domain').ok).toBe(false);
    expect(validateXml(fixture('csr1kv-1.xml'), 'domain').ok).toBe(true);
  });

  it.each([
    [['dumpxml', 'test'], xml.parseDomainXml, 'domain'],
    [['dumpxml', '--inactive', '--security-info', 'test'], xml.parseDomainXml, 'domain'],
    [['net-dumpxml', 'default'], xml.parseNetworkXml, 'network'],
    [['pool-dumpxml', 'default-pool'], xml.parsePoolXml, 'storagepool'],
  ] as const)('virsh %j round-trips and validates', (args, parse, schema) => {
    const source = virshTest(...args);
    expect(serializeXml(parse(source))).toBe(source);
    expectValid(source, schema);
  });

  it('snapshot and volume XML from the test driver round-trip', () => {
    const out = virshTest(
      'snapshot-create-as test s1 "a description" ; snapshot-dumpxml test s1 ; echo @@@ ; ' +
        'vol-create-as default-pool v.qcow2 1G --format qcow2 ; vol-dumpxml --pool default-pool v.qcow2',
    );
    const [snapPart, volPart] = out.split('@@@');
    const snap = snapPart!.slice(snapPart!.indexOf('<domainsnapshot'));
    const vol = volPart!.slice(volPart!.indexOf('<volume'));
    expect(xml.serializeSnapshotXml(xml.parseSnapshotXml(snap))).toBe(snap);
    expect(xml.serializeVolumeXml(xml.parseVolumeXml(vol))).toBe(vol);
    expectValid(snap, 'domainsnapshot');
    expectValid(vol, 'storagevol');
  });
});

describe('malformed XML', () => {
  it('node1 as printed in the seed is refused with the line and column of the unclosed <driver>', () => {
    const source = fixture('node1-as-printed.xml');
    let error: unknown;
    try {
      xml.parseDomainXml(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(xml.XmlParseError);
    const e = error as InstanceType<typeof xml.XmlParseError>;
    expect(e.line).toBe(1);
    expect(source.slice(e.col - 1, e.col - 1 + '</interface>'.length)).toBe('</interface>');
    expect(e.message).toMatch(/Domain XML is malformed at line 1, column \d+: .*'driver'.*'interface'/);
  });

  it.each([
    ['unclosed root (reported where it opens)', 1, '<domain>\n  <name>x</name>\n<domain>'],
    ['mismatched tag', 2, '<domain>\n  <name>x</nam>\n</domain>'],
    ['duplicate attribute', 2, "<domain>\n<os a='1' a='2'/></domain>"],
    ['bad ampersand', 3, '<domain>\n\n  <name>a & b</name></domain>'],
    ['undefined entity', 1, '<domain><name>&nbsp;</name></domain>'],
    ['two roots', 2, '<domain/>\n<domain/>'],
    ['empty input', 1, ''],
    ['text only', 1, 'hello'],
  ] as const)('%s → XmlParseError at line %i', (_label, line, source) => {
    let error: unknown;
    try {
      xml.parseDomainXml(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(xml.XmlParseError);
    expect((error as InstanceType<typeof xml.XmlParseError>).line).toBe(line);
  });

  it('the generic sample that ends with <domain> instead of </domain> is refused', () => {
    expect(() =>
      xml.parseDomainXml(`<domain type='kvm' id='1'> <name>MyGuest</name> ...... <domain>`),
    ).toThrow(/malformed/);
  });
});
