import { describe, expect, it } from 'vitest';
import { ApiError, ApiErrorShape, refusal } from '../api/errors';
import { check, checkEnglish, CheckMessageShape, field, fillCheck } from './check-message';

describe('shared check messages (issue 15)', () => {
  it('renders the English text with its values, nested field names included', () => {
    expect(checkEnglish(check('vmName.taken', { name: 'web' }))).toBe(
      'A VM named “web” already exists on this host',
    );
    expect(
      checkEnglish(check('pool.pathAbsolute', { field: field('poolField.targetPath'), value: 'images' })),
    ).toBe('The target path must be an absolute path (starting with /): “images”');
  });

  it('hands each text to the translator by key, the field first', () => {
    const asked: string[] = [];
    const text = fillCheck(check('pool.required', { field: field('poolField.server') }), (key, values) => {
      asked.push(key);
      return key === 'poolField.server' ? '服务器' : `必须填写${String(values['field'])}`;
    });
    expect(asked).toEqual(['poolField.server', 'pool.required']);
    expect(text).toBe('必须填写服务器');
  });

  it('keeps the backend’s English refusals word for word (issue 15, the last messages)', () => {
    expect(refusal(check('volume.diskSeedSame'))).toMatchObject({
      code: 'invalid-request',
      message: 'The disk and the seed need different names',
      check: { key: 'volume.diskSeedSame' },
    });
    expect(checkEnglish(check('network.pfNotPci', { pf: 'lo' }))).toBe(
      'The interface lo is not a PCI device, so it has no SR-IOV virtual functions',
    );
  });

  it('accepts only keys that exist on the wire', () => {
    expect(CheckMessageShape.safeParse({ key: 'mac.notHex' }).success).toBe(true);
    expect(CheckMessageShape.safeParse({ key: 'mac.nothing' }).success).toBe(false);
    expect(CheckMessageShape.safeParse({ key: 'toString.x' }).success).toBe(false);
    expect(CheckMessageShape.safeParse({ key: 'mac' }).success).toBe(false);
    expect(
      CheckMessageShape.safeParse({ key: 'pool.required', values: { field: { key: 'nope.x' } } }).success,
    ).toBe(false);
  });

  it('travels in an ApiError: English message for logs, the key + values beside it', () => {
    const error = refusal(check('network.noBridge', { name: 'br9' }));
    const shape = ApiErrorShape.parse(JSON.parse(JSON.stringify(error.toShape())));
    expect(shape).toEqual({
      code: 'invalid-request',
      message: 'The host has no bridge named “br9”',
      check: { key: 'network.noBridge', values: { name: 'br9' } },
    });
    expect(ApiError.fromShape(shape).check).toEqual({ key: 'network.noBridge', values: { name: 'br9' } });
    expect(new ApiError('internal', 'x').toShape()).toEqual({ code: 'internal', message: 'x' });
  });
});
