import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { checkI18nKey, fillCheck, type CheckMessage } from '../../shared/checks/check-message';

/** A shared check's message (shared/checks) in the user's language; nested field names too. */
export function checkText(t: TFunction, message: CheckMessage): string {
  return fillCheck(message, (key, values) => t(checkI18nKey(key), values));
}

/** `checkText` bound to the window's language, for components. */
export function useCheckText(): (message: CheckMessage) => string {
  const { t } = useTranslation();
  return useCallback((message: CheckMessage) => checkText(t, message), [t]);
}

/** A problem's text: its shared check in the user's language when it has one, else its message. */
export const problemOrCheck = (
  describe: (message: CheckMessage) => string,
  problem: { message: string; check?: CheckMessage | undefined },
): string => (problem.check ? describe(problem.check) : problem.message);
