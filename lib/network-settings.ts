import net from "node:net";
import { ConfigError } from "./config-error";

// Who may talk to the desk, and whom it believes about where a request came from: HOST, ALLOWED_HOSTS and
// TRUSTED_PROXY, read once at start-up.

/** The names a browser uses for this machine itself; any other `Host` in local mode is a rebound or foreign name. */
export const LOOPBACK_HOST_NAMES = ["127.0.0.1", "localhost", "[::1]"] as const;

/** TRUSTED_PROXY: believe this many forwarding hops in front of the server, or the hops from these addresses. */
export type TrustedProxy = { hops: number } | { addresses: string[] };

/** HOST: an interface's IP address (or `localhost`); unset, loopback in local mode and every interface with a password. */
export function readHost(value: string | undefined, hasPassword: boolean): string {
  if (value === undefined) return hasPassword ? "0.0.0.0" : "127.0.0.1";
  if (value !== "localhost" && net.isIP(value) === 0) throw new ConfigError(`HOST '${value}' is not an IP address of this machine (such as 127.0.0.1, 0.0.0.0 or ::1)`);
  // Without a password every request is the operator: only this machine may reach it.
  if (!hasPassword && !isLoopbackAddress(value)) throw new ConfigError(`HOST '${value}' would open the desk to the network without a password: set DASHBOARD_PASSWORD, or listen on 127.0.0.1`);
  return value;
}

/** ALLOWED_HOSTS: host names (no port, no scheme) accepted besides the loopback names, for a desk behind its own name. */
export function readAllowedHosts(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(",").map((entry) => {
    const name = entry.trim().toLowerCase();
    if (!/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name) && !/^\[[0-9a-f:.]+\]$/.test(name)) {
      throw new ConfigError(`ALLOWED_HOSTS entry '${entry.trim()}' is not a host name (such as desk.example.com, without scheme or port)`);
    }
    return name;
  });
}

/** TRUSTED_PROXY: a number of hops (1 for one reverse proxy), or the proxies' addresses and subnets, comma-separated. */
export function readTrustedProxy(value: string | undefined): TrustedProxy | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUSTED_PROXY '${value}' must be 1 to 10 hops, or the proxies' addresses`);
    return { hops };
  }
  const addresses = value.split(",").map((entry) => entry.trim());
  for (const entry of addresses) {
    const [address, bits, extra] = entry.split("/");
    const family = net.isIP(address ?? "");
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(`TRUSTED_PROXY entry '${entry}' is neither a number of hops nor an IP address or subnet (such as 127.0.0.1 or 10.0.0.0/8)`);
    }
  }
  return { addresses };
}

/** The host name of a `Host` header (lowercase, the port dropped, IPv6 kept in brackets); null when it is no host. */
export function hostName(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/@]+)(:\d{1,5})?$/.exec(header.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** Local mode answers a `Host` that names this machine, or one the operator listed in ALLOWED_HOSTS. */
export function isAcceptedHost(header: string | null | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostName(header);
  return name !== null && ((LOOPBACK_HOST_NAMES as readonly string[]).includes(name) || allowedHosts.includes(name));
}

export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/, "");
  return plain === "localhost" || plain === "::1" || (net.isIPv4(plain) && plain.startsWith("127."));
}
