// Runs once when the server starts. Its background work lives in instrumentation-node.ts, imported only under
// Node.js so that none of it is bundled for the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
