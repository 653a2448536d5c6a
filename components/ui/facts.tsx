import { Explain, type Figure } from "./explain";

/**
 * A few labelled values in a grid (a description list); `wide` gives an item the classes that widen it, `figure`
 * explains a value that is a figure.
 */
export function Facts({
  items,
  className,
}: {
  items: { label: string; value: string; wide?: string; figure?: Figure }[];
  className: string;
}) {
  return (
    <dl className={`grid gap-3 text-sm ${className}`}>
      {items.map(({ label, value, wide, figure }) => (
        <div key={label} className={wide ?? ""}>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">
            {label}
            {figure ? <Explain figure={figure} name={label} /> : null}
          </dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
