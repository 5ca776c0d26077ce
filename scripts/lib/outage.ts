/**
 * The production server's answer to a database outage (scripts/serve.ts), between the edge
 * guard and the portal's page layer (portal-pages.ts).
 *
 * - Published content stays readable. A published report never changes, so the last answer
 *   Next gave for a public address (the home page, /portal…, /published/…, and the
 *   downloads under /api/portal/…) is kept in memory, and when Next answers that address
 *   with a 500 (as it does while PostgreSQL is unreachable) that copy is sent instead, marked
 *   `X-Jixiao-Stale: 1` with `Age` and `Warning` headers.
 *
 *   This is a cache, never a source of truth: the copy is only read after Next failed, every
 *   successful answer replaces it, and it lives in this process's memory only (bounded, least
 *   recently used first; nothing is written to disk). With several instances on one database,
 *   each answers from the database as long as it is reachable, so a publication or a
 *   correction is shown by every instance at the next request, exactly as without this layer;
 *   only while the database is down does an instance fall back to the last version it served.
 *   Copies are made only from anonymous requests (no session cookie) and answers that set no
 *   cookie, so they hold nothing personal.
 *
 * - Everything else gets a clear answer: a signed-in request (session cookie) to anything but
 *   the public pages first checks that the database answers (one `SELECT 1`); when it does not,
 *   or when Next answers any request with a 500 while the database is unreachable, the answer
 *   is a Chinese "服务暂时不可用" page (JSON `{ error }` for /api/* and server actions) with
 *   status 503 and `Retry-After`, never a 500 and never the driver's English text. Without the
 *   check, next-auth would treat the failed session lookup as no session and sign the user out.
 *
 * Nothing is remembered about the outage itself: each request asks the database again, so
 * the first request after it is back is served normally (recovery within one request, no
 * restart). /api/health is left alone (it reports the outage itself, with 503).
 */
import http from "node:http";
import { refuse, type Handler } from "./edge-guard";
import { ByteLru, negotiateEncoding } from "./portal-pages";
import { toBuffer, type End, type Write } from "./response-chunks";

/** Public, published content: the addresses whose last good answer is kept. */
export function isPublicAddress(url: string | undefined): boolean {
  const pathname = (url ?? "").split("?")[0]!;
  return pathname === "/" || /^\/(portal|published)(\/|$)/.test(pathname) || pathname.startsWith("/api/portal/");
}

/** next-auth's session cookie (with the __Secure- prefix over HTTPS). */
export function hasSessionCookie(headers: http.IncomingHttpHeaders): boolean {
  return /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(headers.cookie ?? "");
}

/** Requests that never touch the database, or report on it themselves: never checked. */
function exempt(url: string): boolean {
  return url.startsWith("/_next/") || url.startsWith("/api/health") || /^\/(favicon\.ico|icon\.svg|robots\.txt|sitemap\.xml)$/.test(url.split("?")[0]!);
}

/** The client router's own requests (RSC payloads, prefetches) and server actions: another representation. */
function isRouterRequest(headers: http.IncomingHttpHeaders): boolean {
  return Object.keys(headers).some((name) => name === "rsc" || name === "next-action" || name.startsWith("next-router-"));
}

/** Response headers a stale copy repeats. */
const KEPT = ["content-type", "content-encoding", "content-disposition", "content-language", "vary", "link", "etag", "last-modified"];

export type LastGood = { status: number; headers: Record<string, string>; body: Buffer; storedAt: number };

export type OutageOptions = {
  /** Whether the database answers now (a short query with a timeout). */
  databaseReachable: () => Promise<boolean>;
  /** Memory bound for the stored copies. */
  maxBytes: number;
  /** Largest single answer kept (bigger downloads are passed on but not kept). */
  maxEntryBytes?: number;
  now?: () => number;
  next: Handler;
};

export const UNAVAILABLE_MESSAGE = "服务暂时不可用：数据库暂时无法连接，请稍后再试。已公开的报告仍可查阅。";

/** The 503 for everything that needs the database while it is unreachable. */
export function unavailable(req: http.IncomingMessage, res: http.ServerResponse) {
  if (!res.headersSent) {
    // Whatever Next had set for its failed answer (type, encoding, cookies) does not apply.
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.setHeader("Retry-After", "10");
  }
  refuse(req, res, 503, UNAVAILABLE_MESSAGE, false, "服务暂时不可用");
}

/**
 * Watches the answer `res` is given: `onFailure` takes over when its status is 500 (before
 * anything was sent; `replay` sends the held answer as it was), `onSuccess` gets a copy of a 200 answer's
 * body when `record` (null when larger than `maxRecord`). Any other answer passes unchanged.
 */
function watch(
  res: http.ServerResponse,
  o: { record: boolean; maxRecord: number; onFailure: (replay: () => void) => void; onSuccess: (body: Buffer) => void },
) {
  const original = { writeHead: res.writeHead, write: res.write as Write, end: res.end as End, flushHeaders: res.flushHeaders };
  let held: unknown[] | null = null; // writeHead's arguments, until the status is known
  let mode: "undecided" | "pass" | "fail" = "undecided";
  let copy: Buffer[] | null = null;
  let copied = 0;
  const failed: Buffer[] = [];

  const restore = () => {
    res.writeHead = original.writeHead;
    res.write = original.write as typeof res.write;
    res.end = original.end as typeof res.end;
    res.flushHeaders = original.flushHeaders;
  };
  const keep = (chunk: unknown, encoding: unknown) => {
    if (!copy) return;
    const b = toBuffer(chunk, encoding);
    if (!b) return;
    copied += b.length;
    if (copied > o.maxRecord) copy = null;
    else copy.push(b);
  };
  /** Decides once the status is known; false when the answer is taken over. */
  const decide = (): boolean => {
    if (mode === "pass") return true;
    if (mode === "fail") return false;
    const status = (held?.[0] as number | undefined) ?? res.statusCode;
    if (status === 500) {
      mode = "fail";
      return false;
    }
    mode = "pass";
    if (o.record && status === 200) copy = [];
    if (held) original.writeHead.apply(res, held as Parameters<typeof res.writeHead>);
    held = null;
    return true;
  };

  res.writeHead = function (...args: unknown[]) {
    // Held while undecided, also when called again (the last status wins): sending it here would
    // leave no way to answer with the last good copy instead. Also held once the answer failed:
    // Next flushes a failed download's head first (which decides), then its gzip compression
    // writes the head again on its first write (vercel's compression: _implicitHeader); sending
    // that would make the 500 final (seen as a rare 500 in the outage check).
    if (mode !== "pass") {
      // The status waits; its headers go onto the response now, where they can be read (and replaced).
      const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null);
      if (Array.isArray(headers)) {
        const flat = Array.isArray(headers[0]) ? (headers as unknown[][]).flat() : headers;
        for (let i = 0; i + 1 < flat.length; i += 2) res.appendHeader(String(flat[i]), String(flat[i + 1]));
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string | number | string[]);
      }
      held = args.filter((a) => typeof a !== "object" || a === null);
      return res;
    }
    return original.writeHead.apply(res, args as Parameters<typeof res.writeHead>);
  } as typeof res.writeHead;
  res.flushHeaders = function () {
    if (decide()) original.flushHeaders.call(res);
  };
  res.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!decide()) {
      const b = toBuffer(chunk, encoding);
      if (b) failed.push(b);
      const callback = typeof encoding === "function" ? encoding : cb;
      if (typeof callback === "function") queueMicrotask(() => (callback as () => void)());
      return true;
    }
    keep(chunk, encoding);
    return original.write.call(res, chunk, encoding, cb);
  } as typeof res.write;
  res.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (!decide()) {
      const b = toBuffer(chunk, encoding);
      if (b) failed.push(b);
      restore();
      o.onFailure(() => {
        if (held) original.writeHead.apply(res, held as Parameters<typeof res.writeHead>);
        original.end.call(res, Buffer.concat(failed));
      });
      return res;
    }
    keep(chunk, encoding);
    restore();
    const out = original.end.call(res, chunk, encoding, cb);
    if (copy && res.getHeader("set-cookie") === undefined) o.onSuccess(Buffer.concat(copy));
    return out;
  } as typeof res.end;
}

/** The request handler. */
export function outageGuard(o: OutageOptions) {
  const copies = new ByteLru<LastGood>(o.maxBytes);
  const maxEntryBytes = o.maxEntryBytes ?? 16 * 1024 * 1024;
  const now = o.now ?? Date.now;

  /** One copy per address and content encoding (Next gzips, the page layer also sends brotli). */
  const keyOf = (url: string, encoding: string) => `${url}\n${encoding}`;
  const ENCODINGS = ["br", "gzip", "identity"] as const;

  function findCopy(req: http.IncomingMessage): LastGood | undefined {
    const url = req.url!;
    const preferred = negotiateEncoding(req.headers["accept-encoding"]);
    const order = preferred === "br" ? ["br", "gzip", "identity"] : preferred === "gzip" ? ["gzip", "identity"] : ["identity"];
    for (const encoding of order) {
      const copy = copies.get(keyOf(url, encoding));
      if (copy) return copy;
    }
    return undefined;
  }

  function sendStale(req: http.IncomingMessage, res: http.ServerResponse, copy: LastGood) {
    if (res.headersSent) {
      // Too late to replace the answer: end it rather than leave the client waiting.
      if (!res.writableEnded) res.end();
      return;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(copy.status, {
      ...copy.headers,
      "Content-Length": copy.body.length,
      "Cache-Control": "no-cache",
      "X-Jixiao-Stale": "1",
      Age: String(Math.max(0, Math.floor((now() - copy.storedAt) / 1000))),
      Warning: '110 - "Response is Stale", 111 - "Revalidation Failed"',
    });
    res.end(req.method === "HEAD" ? undefined : copy.body);
  }

  async function reachable(): Promise<boolean> {
    try {
      return await o.databaseReachable();
    } catch {
      return false;
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "/";
    if (exempt(url)) return o.next(req, res);
    const publicAddress = isPublicAddress(url);
    const readable = (req.method === "GET" || req.method === "HEAD") && publicAddress && !isRouterRequest(req.headers);
    if (!publicAddress && hasSessionCookie(req.headers) && !(await reachable())) return unavailable(req, res);

    watch(res, {
      record: readable && req.method === "GET" && !hasSessionCookie(req.headers),
      maxRecord: maxEntryBytes,
      onFailure: (replay) => {
        const copy = readable ? findCopy(req) : undefined;
        if (copy) return sendStale(req, res, copy);
        // Said in the log: a public address without a copy is answered 503 (or Next's 500 when the
        // database is back by now), and why there was none is the first question then.
        if (readable) console.error(`outage guard: no last good copy of ${url} (${copies.size} copies, ${(copies.storedBytes / 2 ** 20).toFixed(1)} MB kept)`);
        // A failure that is not the outage stays Next's own 500 (its page, with the error reference).
        void reachable().then((up) => (up ? replay() : unavailable(req, res)));
      },
      onSuccess: (body) => {
        const headers: Record<string, string> = {};
        for (const name of KEPT) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
        }
        const encoding = headers["content-encoding"] ?? "identity";
        if (!(ENCODINGS as readonly string[]).includes(encoding)) return;
        copies.set(keyOf(url, encoding), { status: 200, headers, body, storedAt: now() }, body.length + url.length);
      },
    });
    return o.next(req, res);
  }

  return Object.assign(
    (req: http.IncomingMessage, res: http.ServerResponse) => {
      handle(req, res).catch((e: unknown) => {
        console.error("outage guard:", e);
        if (!res.headersSent) unavailable(req, res);
        else res.destroy();
      });
    },
    { copies },
  );
}
