import { describe, expect, it } from 'vitest';
import { changedLines, diffLines, diffXml, formatDiff } from './diff';
import { parseDomainXml } from './objects';
import { writeGeneral } from './views/domain-general';
import { fixture } from './testing/validate';

describe('diff', () => {
  it('finds nothing between equal texts', () => {
    const text = fixture('csr1kv-1.xml');
    expect(changedLines(diffLines(text, text))).toEqual([]);
    expect(formatDiff(diffLines(text, text))).toBe('');
  });

  it('reports a minimal set of added and removed lines', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const b = ['a', 'x', 'c', 'd', 'f', 'g'].join('\n');
    expect(changedLines(diffLines(a, b))).toEqual([
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: '-', text: 'e' },
      { op: '+', text: 'g' },
    ]);
  });

  it('rebuilds both sides from the diff', () => {
    const a = 'one\ntwo\nthree\nfour\nfive\nsix';
    const b = 'zero\none\nthree\nfour\n4.5\nfive';
    const d = diffLines(a, b);
    expect(d.filter((l) => l.op !== '+').map((l) => l.text)).toEqual(a.split('\n'));
    expect(d.filter((l) => l.op !== '-').map((l) => l.text)).toEqual(b.split('\n'));
  });

  it('previews a domain edit as a readable hunk', () => {
    const before = parseDomainXml(fixture('test-driver-domain.xml'));
    const after = parseDomainXml(fixture('test-driver-domain.xml'));
    writeGeneral(after, { title: 'Web server' });
    const text = formatDiff(diffXml(before, after), 1);
    expect(text).toBe(
      [
        '@@ line 3 → 3 @@',
        '   <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>',
        '+  <title>Web server</title>',
        "   <memory unit='KiB'>8388608</memory>",
      ].join('\n'),
    );
  });
});
