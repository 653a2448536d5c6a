import net from "node:net";
import { ConfigError } from "../config-error";

// Who may talk to the desk, and whom it believes about where a request came from: HOST, ALLOWED_HOSTS and
// TRUSTED_PROXY, read once at start-up.

/** The names a browser uses for this machine itself; any other `Host` in local mode is a rebound or foreign name. */
export const LOOPBACK_HOST_NAMES = ["127.0.0.1", "localhost", "[::1]"] as const;

/** TRUSTED_PROXY: believe this many forwarding hops in front of the server, or the hops from these addresses. */
export type TrustedProxy = { hops: number } | { addresses: string[] };

/**
 * HOST: an interface's IP address (or `localhost`); unset, loopback in local mode and every interface with a password.
 */
export function readHost(value: string | undefined, hasPassword: boolean): string {
  if (value === undefined) return hasPassword ? "0.0.0.0" : "127.0.0.1";
  if (value !== "localhost" && net.isIP(value) === 0)
    throw new ConfigError(`HOST '${value}' is not an IP address of this machine (such as 127.0.0.1, 0.0.0.0 or ::1)`);
  // Without a password every request is the operator: only this machine may reach it.
  if (!hasPassword && !isLoopbackAddress(value))
    throw new ConfigError(
      `HOST '${value}' would open the desk to the network without a password: set DASHBOARD_PASSWORD, or listen on 127.0.0.1`,
    );
  return value;
}

/**
 * ALLOWED_HOSTS: host names (no port, no scheme) accepted besides the loopback names, for a desk behind its own name.
 */
export function readAllowedHosts(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(",").map((entry) => {
    const name = entry.trim().toLowerCase();
    if (
      !/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name) &&
      !/^\[[0-9a-f:.]+\]$/.test(name)
    ) {
      throw new ConfigError(
        `ALLOWED_HOSTS entry '${entry.trim()}' is not a host name (such as desk.example.com, without scheme or port)`,
      );
    }
    return name;
  });
}

/**
 * TRUSTED_PROXY: a number of hops (1 for one reverse proxy), or the proxies' addresses and subnets, comma-separated.
 */
export function readTrustedProxy(value: string | undefined, host: string): TrustedProxy | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10)
      throw new ConfigError(`TRUSTED_PROXY '${value}' must be 1 to 10 hops, or the proxies' addresses`);
    // A hop count believes every connection: only the proxy may be able to connect.
    if (!isLoopbackAddress(host))
      throw new ConfigError(
        `TRUSTED_PROXY '${value}' (hops) believes every connection, and HOST '${host}' lets others connect: set HOST=127.0.0.1 behind the proxy, or name the proxy's addresses`,
      );
    return { hops };
  }
  const addresses = value.split(",").map((entry) => entry.trim());
  for (const entry of addresses) {
    const [address, bits, extra] = entry.split("/");
    const family = net.isIP(address ?? "");
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `TRUSTED_PROXY entry '${entry}' is neither a number of hops nor an IP address or subnet (such as 127.0.0.1 or 10.0.0.0/8)`,
      );
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

export type HostRule = { allowedHosts: readonly string[]; host: string; hasPassword: boolean };

/**
 * The desk answers a `Host` that names this machine (its loopback names, the HOST it listens on), one the operator
 * listed in ALLOWED_HOSTS, and, with a password, any IP address: a web page can be rebound to this machine only
 * through a name, and with no password every request that reaches it is the operator.
 */
export function isAcceptedHost(header: string | null | undefined, rule: HostRule): boolean {
  const name = hostName(header);
  if (name === null) return false;
  if ((LOOPBACK_HOST_NAMES as readonly string[]).includes(name) || rule.allowedHosts.includes(name)) return true;
  const address = name.replace(/^\[(.*)\]$/, "$1");
  return net.isIP(address) !== 0 && (rule.hasPassword || address === rule.host);
}

export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/, "");
  return plain === "localhost" || plain === "::1" || (net.isIPv4(plain) && plain.startsWith("127."));
}
