import http from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP receiver on 127.0.0.1 for the alert tests: it keeps every request as it arrived (raw body bytes,
// headers as sent) and answers what the test tells it to, or not at all.

export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: Buffer };
export type Answer = { status: number; headers?: Record<string, string>; body?: string } | "hang";

export type Receiver = { url: string; received: Received[]; close: () => Promise<void> };

/** Listens on 127.0.0.1 (a free port) and answers the n-th request (0-based) with `answer(request, n)`. */
export async function startReceiver(
  answer: (request: Received, n: number) => Answer = () => ({ status: 200 }),
): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      const reply = answer(request, received.length - 1);
      if (reply === "hang") return;
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // a hanging answer's socket too
        server.close(() => resolve());
      }),
  };
}
