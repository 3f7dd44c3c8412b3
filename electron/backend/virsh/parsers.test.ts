import { describe, expect, it } from 'vitest';
import { parseKeyValues, parseUuidNameList, parseUuidSet } from './parse-list';
import { numberField, parseDomstats } from './parse-domstats';
import { parseEventLine } from './parse-event';

describe('list parsers', () => {
  it('reads uuid + name lines, names with spaces and quotes intact', () => {
    const out = `6695eb01-f6a4-8304-79aa-97f2502e193f test\n0c5e7e1e-0000-4000-8000-000000000001 my vm's  "name"\n\n`;
    expect(parseUuidNameList(out)).toEqual([
      { uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f', name: 'test' },
      { uuid: '0c5e7e1e-0000-4000-8000-000000000001', name: `my vm's  "name"` },
    ]);
  });
  it('reads uuid sets and ignores noise', () => {
    expect([...parseUuidSet('6695eb01-f6a4-8304-79aa-97f2502e193f\n\nnot-a-uuid\n')]).toEqual([
      '6695eb01-f6a4-8304-79aa-97f2502e193f',
    ]);
  });
  it('reads dominfo fields', () => {
    const f = parseKeyValues(
      'Id:             1\nName:           a:b\nState:          running\nSecurity DOI:   \n',
    );
    expect(f.get('Name')).toBe('a:b');
    expect(f.get('State')).toBe('running');
    expect(f.get('Security DOI')).toBe('');
  });
});

describe('domstats --raw', () => {
  it('groups fields by domain, names with quotes included', () => {
    const out = [
      "Domain: 'test'",
      '  state.state=1',
      '  cpu.time=1000000',
      '  balloon.rss=524288',
      '',
      "Domain: 'it's: odd'",
      '  state.state=5',
    ].join('\n');
    const records = parseDomstats(out);
    expect(records.map((r) => r.name)).toEqual(['test', "it's: odd"]);
    expect(numberField(records[0]!.fields, 'cpu.time')).toBe(1_000_000);
    expect(numberField(records[1]!.fields, 'cpu.time')).toBeUndefined();
    expect(numberField(records[1]!.fields, 'state.state')).toBe(5);
  });
});

describe('event lines', () => {
  it('parses lifecycle events with details', () => {
    expect(parseEventLine("event 'lifecycle' for domain 'vd-tiny': Started Booted")).toEqual({
      event: 'lifecycle',
      domain: 'vd-tiny',
      detail: 'Started Booted',
    });
  });
  it('parses events without details and with a timestamp prefix', () => {
    expect(parseEventLine("2026-11-23 12:00:00.123+0000: event 'reboot' for domain 'a b'")).toEqual({
      event: 'reboot',
      domain: 'a b',
      detail: '',
    });
  });
  it("keeps hostile names whole: quotes and ': ' inside", () => {
    expect(parseEventLine("event 'lifecycle' for domain 'x': y'z': Stopped Destroyed")).toEqual({
      event: 'lifecycle',
      domain: "x': y'z",
      detail: 'Stopped Destroyed',
    });
  });
  it('ignores other lines', () => {
    expect(parseEventLine('events received: 3')).toBeUndefined();
    expect(parseEventLine('')).toBeUndefined();
  });
});
