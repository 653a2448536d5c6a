// Where sign-in sends the operator afterwards: only a path of this site. `next` is resolved the way a browser would
// resolve it against our own origin (which drops tabs and newlines and reads `\` as `/`), so any spelling of another
// site (`//evil.com`, `/%09/evil.com`, `/\evil.com`, `https:evil.com`) comes out with a foreign origin and is refused.

const OWN_ORIGIN = "http://agent-desk.invalid";

export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(next, `${OWN_ORIGIN}/`);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path such as `/.//evil.com` resolves to `//evil.com`, which a browser would read as another host again.
  if (path.startsWith("//") || url.pathname === "/login") return "/";
  return path;
}
