import type { TFunction } from 'i18next';
import type { CloudInitProblem } from '../../../shared/cloud-init/problems';

/** A checked field's problem in the user's language (English texts come from shared/cloud-init). */
export function problemText(t: TFunction, problem: CloudInitProblem | undefined): string | undefined {
  return problem ? t(`cloudImage.problems.${problem.key}`, problem.values ?? {}) : undefined;
}
