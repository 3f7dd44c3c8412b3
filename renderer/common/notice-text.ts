import type { TFunction } from 'i18next';
import type { Notice } from '../stores/activity-store';

/** A log entry in the user's language; an `action` param (an ActionId) is shown by its label. */
export function noticeText(t: TFunction, notice: Notice): string {
  const params = { ...notice.params };
  if (typeof params.action === 'string') params.action = t(`actions.${params.action}`);
  return t(notice.key, params);
}
