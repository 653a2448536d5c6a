import Link from "next/link";
import { useTranslations } from "next-intl";
import { csvLine } from "@/lib/csv";
import { Explain, type Figure } from "./explain";

export type Column<Row> = {
  header: string;
  cell: (row: Row) => React.ReactNode;
  numeric?: boolean;
  /** what the column's figure means and its unit (every numeric column has one) */
  figure?: Figure;
  /** long text that wraps */
  wrap?: boolean;
  /** the cell as CSV text, when `cell` draws more than text (a link) */
  text?: (row: Row) => string | number | null;
  /** the column's heading in the CSV, when it says something else there */
  csvHeader?: string;
  /** the heading links to the table sorted by this column; `direction` when it is sorted by it now */
  sort?: { href: string; direction?: "asc" | "desc" };
};

type TableProps<Row> = {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty: string;
  csv?: string;
  /** classes a row adds (a row shown as less certain) */
  rowClassName?: (row: Row) => string;
};

/** A plain, readable table; `empty` says what would fill it; `csv` (a file name) offers the rows shown as CSV. */
export function Table<Row>({ caption, columns, rows, rowKey, empty, csv, rowClassName }: TableProps<Row>) {
  if (rows.length === 0) return <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <div>
      {csv ? (
        <CsvLink
          name={csv}
          header={columns.map((c) => c.csvHeader ?? c.header)}
          lines={rows.map((row) => columns.map((c) => cellText(c, row)))}
        />
      ) : null}
      <div className="overflow-x-auto">
        {/* Cells are styled from the table, not one by one: a long table's HTML and its React payload would otherwise
            repeat the same classes in every cell (half of /trades' payload was cell classes). */}
        <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:whitespace-nowrap [&_td[data-num]]:text-right [&_td[data-num]]:tabular-nums [&_td[data-wrap]]:min-w-64 [&_td[data-wrap]]:whitespace-normal [&_tbody_tr]:hover:bg-zinc-50 dark:[&_tbody_tr]:hover:bg-zinc-800/40">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              {columns.map((c) => (
                <th
                  key={c.header}
                  scope="col"
                  aria-sort={c.sort?.direction && (c.sort.direction === "asc" ? "ascending" : "descending")}
                  className={`px-2 py-2 font-medium whitespace-nowrap ${c.numeric ? "text-right" : ""}`}
                >
                  {c.sort ? <SortLink header={c.header} {...c.sort} /> : c.header}
                  {c.figure ? <Explain figure={c.figure} name={c.header} /> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {rows.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((c) => (
                  <td key={c.header} data-num={c.numeric || undefined} data-wrap={c.wrap || undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function cellText<Row>(column: Column<Row>, row: Row): string | number | null {
  if (column.text) return column.text(row);
  const cell = column.cell(row);
  return typeof cell === "string" || typeof cell === "number" ? cell : null;
}

/** A sortable column's heading: a link to the table sorted by it, marked ▲ or ▼ while it is. */
function SortLink({ header, href, direction }: { header: string; href: string; direction?: "asc" | "desc" }) {
  return (
    <Link
      href={href}
      scroll={false}
      className={`hover:text-zinc-900 dark:hover:text-zinc-100 ${direction ? "text-zinc-900 dark:text-zinc-100" : ""}`}
    >
      {header}
      {direction ? (direction === "asc" ? " ▲" : " ▼") : ""}
    </Link>
  );
}

/** The table as shown (filters and period applied), as a CSV download built on the server. */
function CsvLink({ name, header, lines }: { name: string; header: string[]; lines: (string | number | null)[][] }) {
  const t = useTranslations("common");
  const text = [csvLine(header), ...lines.map(csvLine)].join("\r\n") + "\r\n";
  return (
    <p className="mb-1 text-right text-xs">
      <a
        download={`${name}.csv`}
        href={`data:text/csv;charset=utf-8,${encodeURIComponent(text)}`}
        className="text-emerald-700 underline dark:text-emerald-400"
      >
        {t("downloadCsv")}
      </a>
    </p>
  );
}
