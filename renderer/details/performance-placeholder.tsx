import { useDetailsT } from './details-strings';

/**
 * Stands in for `renderer/domains/performance/vm-performance-pane.tsx` (props `{ hostId, domainName }`),
 * built on another branch: the merge replaces this component in details-page.tsx's pane table.
 */
export function PerformancePlaceholder({ domainName }: { hostId: string; domainName: string }) {
  const t = useDetailsT();
  return <p className="performance-placeholder">{t('performancePlaceholder', { name: domainName })}</p>;
}
