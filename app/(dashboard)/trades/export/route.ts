import { readTradesSearch } from "@/app/(dashboard)/trades/search-params";
import { apiClock, SystemNotFound } from "@/db/queries/request-clock";
import { ParamError } from "@/lib/api-params";
import { tradeLogPage, type TradeCursor } from "@/db/queries/trade-log";
import { csvLine } from "@/lib/csv";
import { naiveIso } from "@/lib/event-time";
import { readerIsOperator } from "@/lib/server/operator";
import { periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";

const HEADER = ["time", "trade_id", "ticker", "action", "quantity", "price", "pnl_7_days", "decision_confidence"];
const ROWS_PER_PAGE = 2_000;

/**
 * The trade log as CSV, every row of its filters (not only the page shown), times naive in DATA_TIMEZONE. For
 * operators only (an anonymous reader of a public dashboard is refused): streamed a keyset page at a time as the
 * client reads, so a year of trades costs the server one page of memory, not the whole log.
 */
export async function GET(request: Request) {
  if (!(await readerIsOperator()))
    return Response.json({ error: "sign in to export trades: exports are for operators" }, { status: 401 });
  const params = new URL(request.url).searchParams;
  let clock;
  try {
    clock = apiClock(params);
  } catch (error) {
    if (!(error instanceof SystemNotFound || error instanceof ParamError)) throw error;
    return Response.json({ error: error.message }, { status: error instanceof ParamError ? 400 : 404 });
  }
  const search = readTradesSearch(Object.fromEntries(params), clock);
  const ctx = readContext(clock, search.period);
  const first = tradeLogPage(ctx, search, undefined, ROWS_PER_PAGE); // before the answer starts: a failure is still a proper error
  let page: { rows: typeof first.rows; next?: TradeCursor } | undefined = first;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${csvLine(HEADER)}\r\n`));
    },
    pull(controller) {
      if (!page) return controller.close();
      const lines = page.rows.map(
        (t) =>
          `${csvLine([naiveIso(t.atMs, ctx.zone), t.tradeId, t.ticker, t.action, t.quantity, t.price, t.pnl7Days, t.decisionConfidence])}\r\n`,
      );
      controller.enqueue(encoder.encode(lines.join("")));
      page = page.next ? tradeLogPage(ctx, search, page.next, ROWS_PER_PAGE) : undefined;
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="trades-${periodTag(ctx.period)}.csv"`,
    },
  });
}
