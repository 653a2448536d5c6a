import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";

// The attack tests run against production servers of their own (each spec its folder, its port, its settings), so
// that locking a client out or changing the password touches no other test.

export type OwnServer = { url: string; port: number; folder: string; stop: () => Promise<void> };

/**
 * Starts `node e2e/serve.ts` over a fresh demo file in e2e/.data/security-<name>/, with `env`, and waits until it
 * answers.
 */
export async function startOwnServer(
  name: string,
  port: number,
  env: Record<string, string>,
  { fresh = true } = {},
): Promise<OwnServer> {
  const folder = path.resolve("e2e", ".data", `security-${name}`);
  if (fresh) fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/serve.ts", `security-${name}/trading`, String(port)], {
    // The attacks read the servers' English answers (raw requests send no Accept-Language); language is not
    // what they test.
    env: { ...process.env, DEFAULT_LOCALE: "en", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ;) {
    if (child.exitCode !== null) throw new Error(`the ${name} server stopped: ${stderr}`);
    if ((await rawRequest(`${url}/api/health`).catch(() => null))?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the ${name} server did not answer in 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, folder, stop: () => stopped(child) };
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request exactly as an attacker would write it: any Host, Origin or X-Forwarded-For, from any loopback
 * address (`from`: 127.0.0.0/8 is all this machine, so each address is a different client to the server).
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; from?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const send = target.protocol === "https:" ? https.request : http.request;
    const request = send(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.from,
        setHost: !options.headers?.host,
        rejectUnauthorized: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A server action's form, as the page renders it for a browser without JavaScript: its hidden fields. */
export function actionFields(html: string, formMarker: string): [string, string][] {
  const start = html.indexOf(formMarker);
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const unescape = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [
    unescape(m[1]!),
    unescape(m[2] ?? ""),
  ]);
}

/** A multipart body of `fields`, as a browser posts a form. */
export function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----agentdesk${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Posts the sign-in form as a browser without JavaScript would, from `from`, with any extra headers. */
export async function postSignIn(
  server: Pick<OwnServer, "url">,
  password: string,
  options: { from?: string; headers?: Record<string, string>; next?: string } = {},
): Promise<RawResponse> {
  const page = await rawRequest(`${server.url}/login`, { from: options.from });
  const fields = actionFields(page.body, 'name="next"').map(([name, value]): [string, string] => [
    name,
    name === "next" ? (options.next ?? value) : value,
  ]);
  const { body, contentType } = multipart([...fields, ["password", password]]);
  return rawRequest(`${server.url}/login`, {
    method: "POST",
    body,
    from: options.from,
    headers: { "content-type": contentType, origin: server.url, ...options.headers },
  });
}

/** What the sign-in answered: signed in (with the cookie), wrong password, or refused by the throttle. */
export function signInOutcome(response: RawResponse): "signed in" | "wrong password" | "refused" | string {
  if (response.status === 303 && String(response.headers["set-cookie"] ?? "").includes("agent_desk_session="))
    return "signed in";
  if (response.body.includes(">Wrong password<")) return "wrong password";
  if (/Too many failed sign-ins|Sign-in is paused/.test(response.body)) return "refused";
  return `unexpected ${response.status}`;
}

/** The session cookie a sign-in set, as a Cookie header. */
export function sessionCookie(response: RawResponse): string {
  const cookie = [response.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("agent_desk_session="));
  if (!cookie) throw new Error(`no session cookie in ${response.status}`);
  return cookie.split(";")[0]!;
}
