/** A URL parameter as Next hands a page its search params: absent, once, or repeated. */
export type SearchValue = string | string[] | undefined;

/** Of a repeated parameter the first counts, on every page: a URL is never an error there. */
export function firstValue(value: SearchValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
