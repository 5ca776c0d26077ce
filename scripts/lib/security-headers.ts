/**
 * Security headers on every answer of the production server (scripts/serve.ts), the
 * outermost layer: nosniff, a Referrer-Policy, no framing (X-Frame-Options and CSP
 * frame-ancestors), a Permissions-Policy, HSTS when the public URL is https, and on every
 * HTML page a Content-Security-Policy that allows only this site's scripts plus the page's
 * own inline scripts, by their SHA-256 hashes — no 'unsafe-inline' script.
 *
 * Why hashes, not nonces (proxy.ts): a nonce must differ on every response, so every page
 * would have to be rendered on every request; the portal's pages are rendered once per
 * publication and served from Next's cache and from scripts/lib/portal-pages.ts. Hashes are
 * a property of the bytes, so cached pages keep theirs.
 *
 * So an HTML answer is buffered (whatever Next or the portal layer sent: plain, gzip or
 * brotli), its inline scripts are hashed and the policy is set before the head goes out.
 * Answers with an ETag (the portal's year pages) keep their policy in a small map by
 * ETag, so a repeat is streamed through without buffering.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import type { Handler } from "./edge-guard";
import { toBuffer, type End, type Write } from "./response-chunks";

export type SecurityHeaderOptions = { https: boolean; next: Handler };

export const STATIC_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** SHA-256 sources of the inline scripts of an HTML document (data blocks need none). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attributes = m[1] ?? "";
    const body = m[2] ?? "";
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== "text/javascript" && type !== "module" && type !== "application/javascript") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    // React and the UI set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function decode(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? "").toLowerCase()) {
    case "gzip":
      return zlib.gunzipSync(body).toString("utf8");
    case "br":
      return zlib.brotliDecompressSync(body).toString("utf8");
    case "deflate":
      return zlib.inflateSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

/** Policies of ETagged pages, by ETag (least recently added goes first). */
class PolicyCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 500) {}
  get(etag: string) {
    return this.map.get(etag);
  }
  set(etag: string, policy: string) {
    this.map.delete(etag);
    this.map.set(etag, policy);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

export function mayBeDocument(req: http.IncomingMessage): boolean {
  const url = req.url ?? "/";
  if (url.startsWith("/_next/static/") || url.startsWith("/api/") || req.headers.rsc !== undefined) return false;
  const accept = String(req.headers.accept ?? "*/*");
  return accept.includes("text/html") || accept.includes("*/*");
}

export function securityHeaders(options: SecurityHeaderOptions): Handler {
  const policies = new PolicyCache();
  return (req, res) => {
    for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
    if (options.https) res.setHeader("Strict-Transport-Security", HSTS);
    // Only documents can be HTML pages: static files, APIs and the client router's payloads pass untouched.
    if (!mayBeDocument(req)) return options.next(req, res);

    const original = { writeHead: res.writeHead, write: res.write as Write, end: res.end as End };
    let decided = false;
    let buffering = false;
    const chunks: Buffer[] = [];
    // Our methods stay in place once the answer is known not to need buffering: they then only
    // forward. (Putting the originals back would also drop what was layered on top of ours
    // later, e.g. Next's compression, which would then send plain bytes labelled gzip.)
    const restore = () => {};
    /** Whether this answer is an HTML page whose policy must be computed from its body. */
    const decide = () => {
      if (decided) return;
      decided = true;
      const type = String(res.getHeader("content-type") ?? "");
      if (!type.toLowerCase().startsWith("text/html") || res.statusCode === 304 || res.statusCode === 204) return restore();
      const etag = res.getHeader("etag");
      const known = typeof etag === "string" ? policies.get(etag) : undefined;
      if (known) {
        res.setHeader("Content-Security-Policy", known);
        return restore();
      }
      if (req.method === "HEAD") {
        res.setHeader("Content-Security-Policy", contentSecurityPolicy([]));
        return restore();
      }
      buffering = true;
    };

    // writeHead fixes the head at once: its headers go onto `res` first, so that an HTML answer's
    // head can wait for the body (others are passed on at once, e.g. to Next's compression).
    res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
      res.statusCode = statusCode;
      let headers = rest[0];
      if (typeof headers === "string") {
        res.statusMessage = headers;
        headers = rest[1];
      }
      if (Array.isArray(headers)) {
        const flat = Array.isArray(headers[0]) ? (headers as [string, string][]).flat() : (headers as string[]);
        for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(flat[i]!, flat[i + 1]!);
      } else if (headers && typeof headers === "object") {
        for (const [name, value] of Object.entries(headers as http.OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
      }
      decide();
      if (!buffering) return (original.writeHead as (code: number) => http.ServerResponse).call(res, res.statusCode);
      return res;
    } as typeof res.writeHead;

    res.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
      decide();
      if (!buffering) return original.write.call(res, chunk, encoding, cb);
      const b = toBuffer(chunk, encoding);
      if (b) chunks.push(b);
      const callback = typeof encoding === "function" ? encoding : cb;
      if (typeof callback === "function") process.nextTick(callback as () => void);
      return true;
    } as typeof res.write;

    res.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
      decide();
      if (!buffering) return original.end.call(res, chunk, encoding, cb);
      const b = toBuffer(chunk, encoding);
      if (b) chunks.push(b);
      const body = Buffer.concat(chunks);
      buffering = false;
      restore();
      let policy: string;
      try {
        policy = contentSecurityPolicy(inlineScriptHashes(decode(body, res.getHeader("content-encoding") as string | undefined)));
      } catch {
        policy = contentSecurityPolicy([]);
      }
      res.setHeader("Content-Security-Policy", policy);
      const etag = res.getHeader("etag");
      if (typeof etag === "string" && res.statusCode === 200) policies.set(etag, policy);
      // The bytes are unchanged; sent whole, with their length.
      res.removeHeader("transfer-encoding");
      res.setHeader("Content-Length", body.length);
      const callback = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb;
      return original.end.call(res, body, callback);
    } as typeof res.end;

    options.next(req, res);
  };
}
