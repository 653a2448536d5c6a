import fs from "node:fs";

/** The Chromium the end-to-end tests drive: CHROMIUM_PATH when set, else Debian's package. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function hasChromium(): boolean {
  return fs.existsSync(chromiumPath());
}

/** Flags for a closed network and a root sandbox-less container; without them Chromium stalls on Google's hosts. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
