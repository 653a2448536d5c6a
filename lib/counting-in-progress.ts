/** The digest pages and their error boundaries know this by: Next.js keeps a digest an error already has. */
export const COUNTING_DIGEST = "AGENT_DESK_COUNTING";

/**
 * A period asked for is not counted yet: the file was just adopted (counted newest first, so recent periods are
 * ready within seconds) or its trades are being read again. Pages say so in the section's place and look again; the
 * API answers 503 with Retry-After. Never a figure that leaves calls out.
 */
export class CountingInProgress extends Error {
  override name = "CountingInProgress";
  readonly digest = COUNTING_DIGEST;
}
