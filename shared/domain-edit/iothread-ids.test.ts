import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../xml/objects';
import { iothreadDelta, iothreadIds } from './iothread-ids';

const doc = (inner: string) => parseDomainXml(`<domain type='kvm'><name>t</name>${inner}</domain>`);

describe('I/O thread ids', () => {
  it('numbers unlisted threads from 1, filling gaps around the listed ids as libvirt does', () => {
    expect(iothreadIds(doc(''))).toEqual([]);
    expect(iothreadIds(doc('<iothreads>3</iothreads>'))).toEqual([1, 2, 3]);
    expect(
      iothreadIds(
        doc("<iothreads>3</iothreads><iothreadids><iothread id='2'/><iothread id='7'/></iothreadids>"),
      ),
    ).toEqual([2, 7, 1]);
  });

  it('adds what the new definition has more and removes what it dropped', () => {
    expect(iothreadDelta([1, 2], [1, 2, 3])).toEqual({ add: [3], remove: [] });
    expect(iothreadDelta([1, 2, 3], [1])).toEqual({ add: [], remove: [2, 3] });
    expect(iothreadDelta([1], [1])).toEqual({ add: [], remove: [] });
  });
});
