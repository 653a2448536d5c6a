import net from "node:net";
import type { TrustedProxy } from "./network-settings";

/**
 * Who sent a request: the socket's address, unless TRUSTED_PROXY says the socket is a proxy we believe; then the
 * X-Forwarded-For hop it names, walking from the nearest hop outwards. Whatever a client writes beyond the trusted
 * hops is never read: rotating or forging the header changes nothing.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: TrustedProxy | undefined): string {
  const socket = plain(socketAddress);
  if (!trusted) return socket;
  const hops = [socket, ...[forwardedFor ?? []].flat().join(",").split(",").map((hop) => plain(hop.trim())).filter((hop) => net.isIP(hop) !== 0).reverse()];
  if ("hops" in trusted) return hops[Math.min(trusted.hops, hops.length - 1)]!;
  const believed = blockList(trusted.addresses);
  let i = 0;
  while (i < hops.length - 1 && believed.check(hops[i]!, net.isIPv6(hops[i]!) ? "ipv6" : "ipv4")) i++;
  return hops[i]!;
}

/** True when the socket itself is a proxy TRUSTED_PROXY names: only then are its X-Forwarded-* headers believed. */
export function fromTrustedProxy(socketAddress: string, trusted: TrustedProxy | undefined): boolean {
  if (!trusted) return false;
  if ("hops" in trusted) return true;
  const socket = plain(socketAddress);
  return blockList(trusted.addresses).check(socket, net.isIPv6(socket) ? "ipv6" : "ipv4");
}

const lists = new Map<string, net.BlockList>();
function blockList(addresses: string[]): net.BlockList {
  const key = addresses.join(",");
  let list = lists.get(key);
  if (!list) {
    list = new net.BlockList();
    for (const entry of addresses) {
      const [address, bits] = entry.split("/") as [string, string | undefined];
      const type = net.isIPv6(address) ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
    lists.set(key, list);
  }
  return list;
}

/** An IPv4 address as the socket reports it on a dual-stack server (`::ffff:1.2.3.4`) is that IPv4 address. */
function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}
