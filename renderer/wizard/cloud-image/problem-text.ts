import type { TFunction } from 'i18next';
import type { CloudInitProblem } from '../../../shared/cloud-init/problems';
import { checkText } from '../../i18n/check-text';

/** A checked field's problem in the user's language (English texts come from shared/cloud-init). */
export function problemText(t: TFunction, problem: CloudInitProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return problem.check
    ? checkText(t, problem.check)
    : t(`cloudImage.problems.${problem.key}`, problem.values ?? {});
}
