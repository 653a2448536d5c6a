/**
 * Ids that cannot be a path segment of their own: "" leaves none, browsers resolve "." and ".." away (written
 * %2E too), and /trades/export is the trade log's CSV.
 */
const NOT_A_SEGMENT = new Set(["", ".", "..", "export"]);

/**
 * The address of a trade's page: /trades/<trade_id>, as the contract has it, or /trades/row/<rowid> for a trade
 * whose id is NULL (the trading system's schema allows it) or cannot be a segment. The two never collide: an id,
 * "/" included, is always one encoded segment, the row form always two.
 */
export function tradeHref({ tradeId, rowid }: { tradeId: string | null; rowid: number }): string {
  return tradeId === null || NOT_A_SEGMENT.has(tradeId)
    ? `/trades/row/${rowid}`
    : `/trades/${encodeURIComponent(tradeId)}`;
}

/**
 * The id in /trades/<id>. Next.js decodes the path to match the route, then hands the page each segment encoded
 * again (encodeURIComponent in next/dist/shared/lib/router/utils/get-dynamic-param.js), so exactly one decode gives
 * the id as stored: the address of the id "a%2Fb" is /trades/a%252Fb, and it opens "a%2Fb", not "a/b".
 */
export function tradeIdFromParam(param: string): string {
  return decodeURIComponent(param);
}

/** The rowid in /trades/row/<rowid>, written as tradeHref writes it; undefined for anything else. */
export function rowidFromParam(param: string): number | undefined {
  const rowid = Number(param);
  return /^(0|-?[1-9]\d*)$/.test(param) && Number.isSafeInteger(rowid) ? rowid : undefined;
}

/** Which label a trade's id gets on a page (the `tradeId` message): the id itself, or that there is none to show. */
export function tradeIdKind(tradeId: string | null): "none" | "empty" | "id" {
  return tradeId === null ? "none" : tradeId === "" ? "empty" : "id";
}
