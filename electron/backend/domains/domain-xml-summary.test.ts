import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { summarizeDomainXml } from './domain-xml-summary';

describe('summarizeDomainXml', () => {
  it("reads the test driver's real domain XML", () => {
    const xml = execFileSync('virsh', ['-c', 'test:///default', 'dumpxml', 'test'], { encoding: 'utf8' });
    expect(summarizeDomainXml(xml)).toEqual({
      uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f',
      name: 'test',
      memoryKiB: 8388608,
      currentMemoryKiB: 2097152,
      vcpus: 2,
    });
  });

  it('converts units exactly as libvirt defines them, and reads title, entities and current vcpus', () => {
    const xml = `<domain type='kvm'><name>a &amp; b</name><uuid>ABCDEF00-0000-4000-8000-000000000000</uuid>
      <title>Web &lt;prod&gt;</title><memory unit='GB'>2</memory><currentMemory unit='MiB'>512</currentMemory>
      <vcpu placement='static' current='2'>4</vcpu></domain>`;
    expect(summarizeDomainXml(xml)).toEqual({
      uuid: 'abcdef00-0000-4000-8000-000000000000',
      name: 'a & b',
      title: 'Web <prod>',
      memoryKiB: 1953125,
      currentMemoryKiB: 524288,
      vcpus: 2,
    });
  });

  it('stops at <os>: what libvirt writes after it (devices, most of a document) is not read', () => {
    const xml = `<domain type='kvm'><name>vm</name><memory unit='KiB'>1024</memory><os><type>hvm</type></os>
      <devices><title>not the title</title><vcpu>9</vcpu></devices><title>late</title></domain>`;
    expect(summarizeDomainXml(xml)).toEqual({ name: 'vm', memoryKiB: 1024 });
  });

  it('refuses documents that are not a domain', () => {
    expect(() => summarizeDomainXml('<network><name>x</name></network>')).toThrow(/domain/);
  });
});

describe('summarizeDomainXml ignores look-alikes below the top level', () => {
  it('skips metadata, comments, CDATA and the memory device', () => {
    const xml = `<?xml version="1.0"?>
<!-- <name>comment</name> -->
<domain type='kvm' xmlns:vd="https://virtdesk.org/xmlns/1">
  <metadata><app xmlns="urn:x"><name>meta</name><memory unit='GiB'>99</memory></app>
    <vd:note><![CDATA[<title>cdata</title>]]></vd:note></metadata>
  <name>real</name>
  <memory unit="MiB">1024</memory>
  <vcpu>3</vcpu>
  <devices><memory model='dimm'><target><size unit='GiB'>4</size></target></memory></devices>
</domain>`;
    expect(summarizeDomainXml(xml)).toEqual({ name: 'real', memoryKiB: 1048576, vcpus: 3 });
  });

  it('decodes numeric entities and keeps the first of duplicate elements', () => {
    const xml = `<domain><name>caf&#233; &#x1F5A5;</name><name>second</name></domain>`;
    expect(summarizeDomainXml(xml).name).toBe('café 🖥');
  });

  it('reports truncated XML instead of guessing', () => {
    expect(() => summarizeDomainXml(`<domain><name attr='x>`)).toThrow(/Unterminated/);
  });
});
