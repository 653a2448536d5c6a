/** A URL parameter as Next hands a page its search params: absent, once, or repeated. */
export type SearchValue = string | string[] | undefined;

/**
 * A filter's value when the URL gives it once. A repeated filter (`?by=agent&by=model`) is not guessed at: the page
 * shows its default, as for any value it cannot read. (The period is the exception: of a repeated `days` the first
 * counts, as it always has; see lib/period-params.ts.)
 */
export function singleValue(value: SearchValue): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/** The first of a repeated parameter. */
export function firstValue(value: SearchValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
