/** @type {import('next').NextConfig} */
const nextConfig = {
  // The native driver stays a plain require on the server instead of being bundled.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
