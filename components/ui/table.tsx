export type Column<Row> = { header: string; cell: (row: Row) => React.ReactNode; numeric?: boolean; /** long text that wraps */ wrap?: boolean };

/** A plain, readable table; `empty` says what would fill it. */
export function Table<Row>({ caption, columns, rows, rowKey, empty }: { caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string | number; empty: string }) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`px-2 py-2 font-medium whitespace-nowrap ${c.numeric ? "text-right" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
              {columns.map((c) => (
                <td key={c.header} className={`px-2 py-1.5 ${c.wrap ? "min-w-64" : "whitespace-nowrap"} ${c.numeric ? "text-right tabular-nums" : ""}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
