/**
 * The content security policy of every response: only this origin, and scripts only when they carry this
 * request's nonce (Next.js puts it on its own scripts; 'strict-dynamic' lets them load their chunks). Styles stay
 * inline-capable: the charts position themselves with style attributes. Development adds eval for React's tools.
 */
export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
