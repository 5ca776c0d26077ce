/**
 * The production server: Next's request handler (the same as `next start`) behind thin
 * layers: the edge guard (scripts/lib/edge-guard.ts), the database-outage layer that keeps
 * published pages readable and answers 503 elsewhere (scripts/lib/outage.ts), and the one
 * that answers the portal's year pages from a compressed copy in memory
 * (scripts/lib/portal-pages.ts). Run by scripts/start.ts and the benchmarks:
 *
 *   NODE_ENV=production PORT=3000 [JIXIAO_LISTEN_HOST=localhost] node --import tsx scripts/serve.ts
 *
 * Needs DATABASE_URL and a production build (.next/). PORTAL_PAGE_CACHE_MB bounds the
 * memory for pages (default 64), PORTAL_STALE_CACHE_MB the one for the last good
 * copies of public pages and downloads served during a database outage (default 64). Stops on SIGTERM / SIGINT.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { edgeGuard } from "./lib/edge-guard";
import { outageGuard } from "./lib/outage";
import { portalPages } from "./lib/portal-pages";
import { securityHeaders } from "./lib/security-headers";
import { dropLoaderOverheads } from "./lib/server-heap";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.PORT ?? 3000);
/**
 * Where to listen; all interfaces unless set (as `next start` without -H). Not HOSTNAME,
 * which Docker sets to the container's name.
 */
const HOSTNAME = process.env.JIXIAO_LISTEN_HOST || undefined;

/**
 * The largest request body (413 above it), below next.config.js's serverActions.bodySizeLimit
 * ("13mb") so that this layer, not Next, answers: a save of 20,000 indicator rows is ~6.2 MB,
 * an indicator import at most 5 MB (features/indicators/excel/columns.ts, MAX_IMPORT_BYTES).
 */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** The site's public origin from NEXTAUTH_URL (behind a reverse proxy, not this server's own host). */
function publicOrigin(): string | undefined {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether PostgreSQL answers a trivial query within 2 s (asked anew each time: no outage state is kept). */
async function databaseReachable(pool: pg.Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      pool.query("SELECT 1").then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  await dropLoaderOverheads();
  // "localhost", never a loopback IP, as Next's own hostname: see proxy.ts (vercel/next.js#94745).
  // Always "localhost", whatever the listening address: the edge guard refuses /portal-render/ from outside.
  const app = next({ dev: false, dir: ROOT, hostname: "localhost", port: PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 3000 });
  // Idle connections ended by the server (database stopped) are reported here instead of ending the process.
  pool.on("error", (e) => console.error("database pool (server):", e.message));
  const handler = portalPages({
    pool,
    build: readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim(),
    selfOrigin: { host: HOSTNAME === undefined || HOSTNAME === "0.0.0.0" || HOSTNAME === "::" ? "localhost" : HOSTNAME, port: PORT },
    secret: randomBytes(24).toString("base64url"),
    maxBytes: Number(process.env.PORTAL_PAGE_CACHE_MB ?? 64) * 1024 * 1024,
    next: (req, res) => handle(req, res),
  });
  const outage = outageGuard({
    databaseReachable: () => databaseReachable(pool),
    maxBytes: Number(process.env.PORTAL_STALE_CACHE_MB ?? 64) * 1024 * 1024,
    next: handler,
  });
  const guarded = edgeGuard({
    maxBodyBytes: MAX_BODY_BYTES,
    extraOrigins: publicOrigin() ? [publicOrigin()!] : [],
    trustProxy: process.env.JIXIAO_TRUSTED_PROXY === "1",
    next: outage,
  });
  const server = http.createServer(securityHeaders({ https: publicOrigin()?.startsWith("https:") ?? false, next: guarded }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, HOSTNAME, resolve);
  });
  console.log(`> Ready on http://${HOSTNAME ?? "localhost"}:${PORT}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([app.close(), pool.end()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
