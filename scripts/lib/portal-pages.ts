/**
 * The portal's year pages, served in front of Next (scripts/serve.ts, the production server).
 *
 * A document request to /portal/<code>/<year>[/v/<n>] is resolved exactly as proxy.ts does
 * it (the same lookup and `pageAnswer`) — one prepared statement on every request, nothing about "which version is current" is
 * kept — and the page is then answered from memory: the HTML Next rendered for that
 * publication key, compressed once (gzip and brotli) instead of on every request. The key
 * (build, public address, publication id, successor id) names bytes that never change, so the memory needs
 * no invalidation: a correction changes which key the lookup returns, on every instance at
 * the next request, as before.
 *
 * The bytes come from Next itself: on a miss the request goes to Next unchanged (so the
 * first answer is exactly today's), and the same public address is fetched from this
 * server in the background, marked so that it passes straight to Next. It is stored only
 * when its ETag (set by proxy.ts from the publication key and build) is the one expected,
 * so a publication made in between is never stored under the older key. Anything else —
 * client-router (RSC) requests, query strings, HEAD, clients without gzip or brotli,
 * addresses with nothing published — goes to Next as before.
 */
import http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type pg from "pg";
import { etagMatches, pageAnswer, parsePortalAddress } from "../../features/publication/portal-address";
import { findPublishedVersionIn } from "../../features/publication/versions";

export type Encoding = "br" | "gzip";

/** The year-page address a request asks for, when this layer may answer it; null: Next answers. */
export function portalDocumentAddress(method: string | undefined, url: string | undefined, headers: http.IncomingHttpHeaders) {
  if (method !== "GET" || !url || url.includes("?") || !url.startsWith("/portal/")) return null;
  // The client router's requests (RSC payloads, prefetches) and server actions are other representations.
  for (const name of Object.keys(headers)) {
    if (name === "rsc" || name === "next-action" || name.startsWith("next-router-")) return null;
  }
  const address = parsePortalAddress(url, []);
  return address.kind === "latest" || address.kind === "version" ? address : null;
}

/** The compressed form to send for an Accept-Encoding header: brotli, else gzip, else none (Next answers). */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(token, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return null;
}

/** Response headers of Next's page answer that the stored copy repeats (the rest are per request or set here). */
const KEPT_HEADERS = new Set(["content-type", "vary", "link", "x-nextjs-prerender", "x-nextjs-stale-time", "content-language"]);

export function keptHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !KEPT_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const vary = (kept.vary ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  if (!vary.some((v) => v.toLowerCase() === "accept-encoding")) vary.push("Accept-Encoding");
  kept.vary = vary.join(", ");
  return kept;
}

export type StoredPage = { headers: Record<string, string>; br: Buffer; gzip: Buffer };

/** Least recently used entries go first once the stored bytes exceed `maxBytes`. */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, size: number) {
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.size;
    }
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.size;
    }
  }

  get size() {
    return this.entries.size;
  }

  get storedBytes() {
    return this.bytes;
  }
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The page's HTML in both encodings (brotli at quality 9: close to the best, a fraction of its time). */
export async function compressPage(html: Buffer, headers: Record<string, string>): Promise<StoredPage> {
  const [br, gz] = await Promise.all([
    brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length } }),
    gzip(html, { level: 9 }),
  ]);
  return { headers, br, gzip: gz };
}

/** The header marking this server's own background request, which passes straight to Next. */
export const FILL_HEADER = "x-jixiao-portal-fill";

export type PortalPagesOptions = {
  pool: pg.Pool;
  /** Next's build id (the same proxy.ts puts into the ETag). */
  build: string;
  /** Where this server itself answers, for the background requests that fill the memory. */
  selfOrigin: { host: string; port: number };
  /** A random value, known only to this process, that marks those requests. */
  secret: string;
  maxBytes: number;
  next: (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
};

/** The request handler: year pages from memory when possible, everything else to `next`. */
export function portalPages(o: PortalPagesOptions) {
  const pages = new ByteLru<StoredPage>(o.maxBytes);
  const filling = new Map<string, Promise<void>>();

  /** GET the public address from this server (through Next), raw; stored if it is the expected key's page. */
  function fill(storeKey: string, url: string, etag: string, host: string | undefined) {
    if (filling.has(storeKey)) return;
    const job = new Promise<void>((resolve) => {
      const req = http.get(
        { host: o.selfOrigin.host, port: o.selfOrigin.port, path: url, headers: { host: host ?? `${o.selfOrigin.host}:${o.selfOrigin.port}`, "accept-encoding": "identity", [FILL_HEADER]: o.secret } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", () => resolve());
          res.on("end", () => {
            const usable = res.statusCode === 200 && res.headers.etag === etag && !res.headers["content-encoding"];
            if (!usable) return resolve();
            const html = Buffer.concat(chunks);
            compressPage(html, keptHeaders(res.headers)).then(
              (page) => {
                pages.set(storeKey, page, page.br.length + page.gzip.length);
                resolve();
              },
              () => resolve(),
            );
          });
        },
      );
      req.on("error", () => resolve());
    });
    filling.set(storeKey, job);
    void job.finally(() => filling.delete(storeKey));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.headers[FILL_HEADER] !== undefined) {
      if (req.headers[FILL_HEADER] === o.secret) return o.next(req, res);
      delete req.headers[FILL_HEADER];
    }
    const address = portalDocumentAddress(req.method, req.url, req.headers);
    const encoding = address && negotiateEncoding(req.headers["accept-encoding"]);
    if (!address || !encoding) return o.next(req, res);
    const found = await findPublishedVersionIn(o.pool, address.departmentCode, address.year, address.kind === "version" ? address.versionNo : undefined);
    // Nothing published (404), or not the current version (Cache-Control differs by key): Next answers.
    if (!found) return o.next(req, res);
    const { key, etag, cacheControl } = pageAnswer(address, found, o.build);
    if (etagMatches(req.headers["if-none-match"] ?? null, etag)) {
      res.writeHead(304, { "Cache-Control": cacheControl, ETag: etag });
      return res.end();
    }
    // Per public address too: the page Next sends for an address may name that address.
    const storeKey = `${o.build}\n${req.url}\n${key.publicationId}\n${key.successorId ?? ""}`;
    const page = pages.get(storeKey);
    if (!page) {
      // Next answers this one; the copy is made meanwhile (Next renders and caches the page once).
      res.once("finish", () => fill(storeKey, req.url!, etag, req.headers.host));
      return o.next(req, res);
    }
    const body = page[encoding];
    res.writeHead(200, {
      ...page.headers,
      "Cache-Control": cacheControl,
      ETag: etag,
      "Content-Encoding": encoding,
      "Content-Length": body.length,
      // Served from a cache of Next's rendered page, as Next's own header says for its cache.
      "x-nextjs-cache": "HIT",
    });
    res.end(body);
  }

  return Object.assign(
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      handle(req, res).catch((e: unknown) => {
        console.error("portal page:", e);
        if (!res.headersSent) o.next(req, res);
        else res.destroy();
      });
    },
    { pages, filling },
  );
}
