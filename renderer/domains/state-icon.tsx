import type { DomainState } from '../../shared/api/domains';
import { stateCategory } from './state-category';

export function stateLabelKey(state: DomainState): string {
  return `domainState.${state.replace(' ', '_')}`;
}

/**
 * Color and shape per state (▶ running, ❚❚ paused, ■ shut off, ! other), with a text alternative
 * (the translated state, from the list's shared labels).
 */
export function StateIcon({ state, label }: { state: DomainState; label: string }) {
  const category = stateCategory(state);
  return (
    <svg
      className={`state-icon state-${category}`}
      width="14"
      height="14"
      viewBox="0 0 14 14"
      role="img"
      aria-label={label}
    >
      {category === 'running' && <path d="M3 2 L12 7 L3 12 Z" />}
      {category === 'paused' && (
        <>
          <rect x="3" y="2" width="3" height="10" />
          <rect x="8" y="2" width="3" height="10" />
        </>
      )}
      {category === 'shutoff' && <rect x="3" y="3" width="8" height="8" />}
      {category === 'other' && (
        <>
          <circle cx="7" cy="7" r="6" />
          <rect x="6.2" y="3" width="1.6" height="5" fill="var(--panel)" />
          <rect x="6.2" y="9.2" width="1.6" height="1.6" fill="var(--panel)" />
        </>
      )}
    </svg>
  );
}
