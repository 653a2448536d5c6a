/** A few labelled values in a grid (a description list); `wide` gives an item the classes that widen it. */
export function Facts({
  items,
  className,
}: {
  items: { label: string; value: string; wide?: string }[];
  className: string;
}) {
  return (
    <dl className={`grid gap-3 text-sm ${className}`}>
      {items.map(({ label, value, wide }) => (
        <div key={label} className={wide ?? ""}>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
