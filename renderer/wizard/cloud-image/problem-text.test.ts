import { describe, expect, it } from 'vitest';
import { emptyCloudImageChoice } from '../../../shared/api/cloud-init';
import { validateCloudImageChoice } from '../../../shared/cloud-init/validate-choice';
import { createI18n } from '../../i18n/create-i18n';
import { problemText } from './problem-text';

describe('a cloud image size that does not parse (issue 15)', () => {
  const problems = validateCloudImageChoice({ ...emptyCloudImageChoice, size: 'ten gigs' });

  it('reads in the window’s language, not in English inside a Chinese sentence', () => {
    expect(problemText(createI18n('zh-CN').t, problems.size)).not.toMatch(/is not a size/);
    expect(problemText(createI18n('zh-CN').t, problems.size)).toMatch(/ten gigs/);
    expect(problemText(createI18n('en').t, problems.size)).toBe(
      '“ten gigs” is not a size: write a number and a unit, for example 10G or 1.5 TiB',
    );
  });
});
