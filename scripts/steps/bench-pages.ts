/** The pages the benchmarks time: `npm run bench` and `npm run bench:compare` measure the same ones. */
export const BENCH_PAGES = [
  "/",
  "/?days=365",
  "/agents",
  "/agents/cio",
  "/costs",
  "/costs?days=365",
  "/evolution",
  "/review",
  "/trades",
  "/trades?days=365",
  "/system",
];
