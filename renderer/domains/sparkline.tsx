import { sparklineLength } from '../stores/ring-buffer';

/** A tiny inline line graph of the newest ≤40 samples (oldest at the left). */
export function Sparkline({
  values,
  max,
  label,
  className,
  width = 64,
  height = 18,
}: {
  values: readonly number[];
  /** The value at the top edge (100 for percent; the VM's memory for memory). */
  max: number;
  label: string;
  className?: string;
  width?: number;
  height?: number;
}) {
  const capacity = sparklineLength;
  const step = width / (capacity - 1);
  const offset = capacity - values.length;
  const top = max > 0 ? max : 1;
  const points = values
    .map((value, index) => {
      const x = (offset + index) * step;
      const y = height - 1 - (Math.min(value, top) / top) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className={`sparkline ${className ?? ''}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {values.length > 1 && (
        <>
          <polygon
            className="sparkline-fill"
            points={`${(offset * step).toFixed(1)},${height} ${points} ${width},${height}`}
          />
          <polyline className="sparkline-line" points={points} />
        </>
      )}
    </svg>
  );
}
