import net from "node:net";
import type { TrustedProxy } from "./network-settings";

/**
 * Who sent a request: the socket's address, unless TRUSTED_PROXY says the socket is a proxy we believe; then the
 * X-Forwarded-For hop it names, walking from the nearest hop outwards. Whatever a client writes beyond the trusted
 * hops is never read: rotating or forging the header changes nothing.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxy | undefined,
): string {
  const socket = plain(socketAddress);
  if (!trusted) return socket;
  const hops = [
    socket,
    ...[forwardedFor ?? []]
      .flat()
      .join(",")
      .split(",")
      .map((hop) => plain(withoutPort(hop.trim())))
      .filter((hop) => net.isIP(hop) !== 0)
      .reverse(),
  ];
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

/**
 * What the sign-in limits count as one client: an IPv4 address, or an IPv6 /64 (one household or server is given a
 * whole /64, so its addresses are one guesser's to rotate through).
 */
export function addressGroup(address: string): string {
  if (!net.isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** A hop written with its port (`1.2.3.4:555`, `[2001:db8::1]:443`) or in brackets is its address. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}

/** An IPv4 address as the socket reports it on a dual-stack server (`::ffff:1.2.3.4`) is that IPv4 address. */
function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}
