import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, fromTrustedProxy } from "./client-address";
import { readConfig } from "./config";
import { requestOrigin, settleForwardedHeaders, FRONT_HEADER } from "./forwarded-headers";
import { isAcceptedHost } from "./network-settings";
import { safeNextPath } from "../safe-next";

describe("HOST, ALLOWED_HOSTS and TRUSTED_PROXY", () => {
  it("default to loopback in local mode and every interface with a password, and take an address", () => {
    expect(readConfig({}).host).toBe("127.0.0.1");
    expect(readConfig({ DASHBOARD_PASSWORD: "correct horse" }).host).toBe("0.0.0.0");
    expect(readConfig({ DASHBOARD_PASSWORD: "correct horse", HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
    expect(readConfig({ HOST: "::1" }).host).toBe("::1");
    expect(readConfig({ ALLOWED_HOSTS: "Desk.Example.com, [fd00::1]" }).allowedHosts).toEqual([
      "desk.example.com",
      "[fd00::1]",
    ]);
    expect(readConfig({ TRUSTED_PROXY: "1" }).trustedProxy).toEqual({ hops: 1 });
    expect(
      readConfig({ TRUSTED_PROXY: "1", HOST: "127.0.0.1", DASHBOARD_PASSWORD: "correct horse" }).trustedProxy,
    ).toEqual({ hops: 1 });
    expect(readConfig({ TRUSTED_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustedProxy).toEqual({
      addresses: ["127.0.0.1", "10.0.0.0/8"],
    });
  });

  const rejects: [Record<string, string>, RegExp][] = [
    [{ HOST: "0.0.0.0" }, /^HOST '0\.0\.0\.0' would open the desk to the network without a password/],
    [
      { HOST: "desk.example.com", DASHBOARD_PASSWORD: "correct horse" },
      /^HOST 'desk\.example\.com' is not an IP address/,
    ],
    [
      { ALLOWED_HOSTS: "https://desk.example.com" },
      /^ALLOWED_HOSTS entry 'https:\/\/desk\.example\.com' is not a host name/,
    ],
    [{ ALLOWED_HOSTS: "*" }, /^ALLOWED_HOSTS entry '\*'/],
    [{ TRUSTED_PROXY: "0" }, /^TRUSTED_PROXY '0' must be 1 to 10 hops/],
    [
      { TRUSTED_PROXY: "1", DASHBOARD_PASSWORD: "correct horse" },
      /^TRUSTED_PROXY '1' \(hops\) believes every connection, and HOST '0\.0\.0\.0' lets others connect/,
    ],
    [{ TRUSTED_PROXY: "proxy.local" }, /^TRUSTED_PROXY entry 'proxy\.local' is neither/],
    [{ TRUSTED_PROXY: "10.0.0.0/33" }, /^TRUSTED_PROXY entry '10\.0\.0\.0\/33'/],
  ];
  for (const [env, message] of rejects)
    it(`refuses ${JSON.stringify(env)} in one line`, () => expect(() => readConfig(env)).toThrow(message));
});

describe("the Host check", () => {
  const local = { allowedHosts: ["desk.example.com"], host: "127.0.0.1", hasPassword: false };
  const signedIn = { ...local, host: "0.0.0.0", hasPassword: true };

  it("accepts this machine's names with any port, the HOST it listens on, and ALLOWED_HOSTS", () => {
    for (const host of [
      "127.0.0.1:3000",
      "localhost:3000",
      "LOCALHOST",
      "[::1]:3000",
      "127.0.0.1",
      "desk.example.com:443",
    ])
      expect(isAcceptedHost(host, local), host).toBe(true);
    expect(isAcceptedHost("127.0.0.2:3000", { ...local, host: "127.0.0.2" })).toBe(true);
  });
  it("refuses a rebound name, a look-alike, and nonsense, in either mode", () => {
    for (const rule of [local, signedIn]) {
      for (const host of [
        "evil.example:3000",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "localhost.",
        "evil@127.0.0.1",
        "",
        null,
        "127.0.0.1:3000/x",
        "[::1",
      ]) {
        expect(isAcceptedHost(host, rule), String(host)).toBe(false);
      }
    }
    expect(isAcceptedHost("127.0.0.2:3000", local)).toBe(false); // another address than the one local mode listens on
  });
  it("with a password, accepts the machine's addresses (an address cannot be rebound, only a name)", () => {
    for (const host of ["192.0.2.10:3000", "[2001:db8::5]:3000"])
      expect(isAcceptedHost(host, signedIn), host).toBe(true);
  });
});

describe("sign-in limits' client", () => {
  it("is an IPv4 address, or an IPv6 /64", () => {
    expect(addressGroup("192.0.2.7")).toBe("192.0.2.7");
    expect(addressGroup("2001:db8:0:1::7")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("2001:0db8:0000:0001:ffff:0:0:1")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });
});

describe("the client's address", () => {
  it("is the socket's unless a trusted proxy forwarded it; forged hops beyond the trusted ones are never read", () => {
    expect(clientAddress("::ffff:192.0.2.7", "203.0.113.9", undefined)).toBe("192.0.2.7");
    // One reverse proxy: the hop it added, however many the client wrote before it.
    expect(clientAddress("127.0.0.1", "1.1.1.1, 2.2.2.2, 198.51.100.4", { hops: 1 })).toBe("198.51.100.4");
    expect(clientAddress("127.0.0.1", undefined, { hops: 1 })).toBe("127.0.0.1");
    expect(
      clientAddress("127.0.0.1", "1.1.1.1, 10.0.0.2, 198.51.100.4", { addresses: ["127.0.0.1", "198.51.100.0/24"] }),
    ).toBe("10.0.0.2");
    expect(clientAddress("127.0.0.1", "[2001:db8::1]:443, 198.51.100.4:555", { hops: 2 })).toBe("2001:db8::1"); // hops written with ports
    expect(clientAddress("192.0.2.50", "1.1.1.1", { addresses: ["127.0.0.1"] })).toBe("192.0.2.50");
    expect(fromTrustedProxy("192.0.2.50", { addresses: ["127.0.0.1"] })).toBe(false);
  });

  it("is settled by the front: a client's own forwarding headers are dropped, and only the front's token makes them count", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "127.0.0.1:3000",
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      [FRONT_HEADER]: "guess",
    };
    settleForwardedHeaders(headers, { remoteAddress: "127.0.0.1" }, undefined, "token");
    expect(headers).toEqual({
      host: "127.0.0.1:3000",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-proto": "http",
      [FRONT_HEADER]: "token",
    });
    const h = new Headers(headers as Record<string, string>);
    expect(requestOrigin(h, "token")).toEqual({ client: "127.0.0.1", secure: false });
    expect(requestOrigin(h, "other")).toEqual({ client: "unknown", secure: false });

    const proxied: Record<string, string | string[] | undefined> = {
      host: "desk.example.com",
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "desk.example.com",
    };
    settleForwardedHeaders(proxied, { remoteAddress: "127.0.0.1" }, { addresses: ["127.0.0.1"] }, "token");
    expect(requestOrigin(new Headers(proxied as Record<string, string>), "token")).toEqual({
      client: "198.51.100.4",
      secure: true,
    });
  });
});

describe("where sign-in sends the operator", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeNextPath("/agents?days=7")).toBe("/agents?days=7");
    expect(safeNextPath("/trades/42#top")).toBe("/trades/42#top");
  });
  it("never another site, however it is spelt", () => {
    const attacks = [
      "/\t/evil.com",
      "%2F%09%2Fevil.com",
      "/\n/evil.com",
      "/\r\n/evil.com",
      "//evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "\\/evil.com",
      "https://evil.com",
      "https:evil.com",
      "//evil.com/%2F..",
      "/.//evil.com",
      "/..//evil.com",
      " //evil.com",
      "javascript:alert(1)",
      "http://user@evil.com",
      "//\t/evil.com",
    ];
    for (const next of attacks) {
      const path = safeNextPath(next === "%2F%09%2Fevil.com" ? decodeURIComponent(next) : next);
      expect(new URL(path, "https://desk.example").origin, JSON.stringify(next)).toBe("https://desk.example");
      expect(path.startsWith("//"), JSON.stringify(next)).toBe(false);
    }
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("/login?next=//evil.com")).toBe("/");
  });
});
