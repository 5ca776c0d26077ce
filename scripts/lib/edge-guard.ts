/**
 * The first layer of the production server (scripts/serve.ts): requests that Next would
 * answer with a 500 (or worse, pass on to the database) get a clear 4xx here instead,
 * before anything else runs.
 *
 * - 400 for a path or query with bad percent-encoding, a NUL or another control character
 *   (Next and the routes would throw on decoding, or PostgreSQL on a NUL in text);
 * - 413 for a body over `maxBodyBytes` (said by Content-Length, or counted while reading);
 * - 403 for a state-changing request (not GET/HEAD/OPTIONS) from a foreign or `null` Origin:
 *   Next aborts such a server action with a 500;
 * - 400 for a malformed body Next or next-auth would choke on: a server action's body that is
 *   not JSON or nests arrays/objects deeper than `MAX_JSON_DEPTH` (React's decoder recurses),
 *   broken multipart, malformed JSON to /api/auth/*.
 * Otherwise the (buffered) body is replayed to `next` unchanged.
 *
 * Pages get a short Chinese HTML page, /api/* and server actions a JSON `{ error }`.
 */
import http from "node:http";

export const MAX_JSON_DEPTH = 64;

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export type EdgeGuardOptions = {
  maxBodyBytes: number;
  /** Origins (scheme://host[:port]) allowed besides the request's own host, e.g. NEXTAUTH_URL's. */
  extraOrigins?: string[];
  /** Trust X-Forwarded-Host (only behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  next: Handler;
};

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a request target is refused, or null when it is fine. */
export function badTarget(url: string | undefined): string | null {
  if (!url) return "请求地址无效";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? "" : url.slice(q + 1);
  if (CONTROL.test(url)) return "请求地址包含控制字符";
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return "请求地址的编码无效";
  }
  if (CONTROL.test(decodedPath)) return "请求地址包含控制字符";
  for (const part of query.split(/[&;]/)) {
    if (!part) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return "查询参数的编码无效";
    }
    if (CONTROL.test(decoded)) return "查询参数包含控制字符";
  }
  return null;
}

/**
 * The nesting depth of JSON text (brackets outside strings), stopping once past `limit`.
 * Counted on the text, because what would overflow the stack is the decoder behind it.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * React's reply encoding gives strings that start with "$" a meaning. Without other rows (a
 * text body) only these stand alone; a reference to a row that is not there makes React's
 * decoder throw (a 500). In a multipart body, references name other parts: allowed when
 * that part exists.
 */
const STANDALONE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,400}$)/;
const REFERENCE = /^\$[@QWKBFTRrXxAOoUSsLlGgMmVv]?([0-9a-f]+)(:|$)/;

function referencesOk(value: unknown, parts: Set<string> | null, depth = 0): boolean {
  if (typeof value === "string") {
    // PostgreSQL refuses a NUL in text (a 500 from whichever column it reaches); nobody types one.
    if (value.includes("\u0000")) return false;
    if (!value.startsWith("$") || STANDALONE.test(value)) return true;
    const ref = REFERENCE.exec(value);
    return parts !== null && ref !== null && parts.has(String(parseInt(ref[1]!, 16)));
  }
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== "object") return true;
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, "__proto__")) return false;
  return Object.values(value).every((v) => referencesOk(v, parts, depth + 1));
}

/** Well-formed JSON no deeper than MAX_JSON_DEPTH; for an action's reply, also its "$" references. */
export function isSafeJson(text: string, parts?: Set<string> | null): boolean {
  if (jsonDepthExceeds(text)) return false;
  try {
    const value: unknown = JSON.parse(text);
    return parts === undefined || referencesOk(value, parts);
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether an Origin header names this site (same host as the request, or an extra origin). */
export function originAllowed(origin: string, req: http.IncomingMessage, options: Pick<EdgeGuardOptions, "extraOrigins" | "trustProxy">): boolean {
  if (origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if ((options.extraOrigins ?? []).some((o) => o === parsed.origin)) return true;
  const hosts = [header(req, "host")];
  if (options.trustProxy) hosts.push(header(req, "x-forwarded-host")?.split(",")[0]?.trim());
  return hosts.some((h) => h !== undefined && h.toLowerCase() === parsed.host.toLowerCase());
}

function wantsJson(req: http.IncomingMessage): boolean {
  const url = req.url ?? "";
  return url.startsWith("/api/") || req.headers["next-action"] !== undefined || (header(req, "accept") ?? "").includes("application/json");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string, close = false, title = "请求无效") {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const json = wantsJson(req);
  const body = json
    ? JSON.stringify({ error: message })
    : `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
      `<body style="font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1e293b">` +
      `<h1 style="font-size:1.5rem">${title}（${status}）</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></body></html>`;
  res.writeHead(status, {
    "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Beyond this a body over the limit is no longer read to its end (the connection is cut instead). */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/**
 * Reads the whole body, or null when it passes `max` bytes. An over-long body is still read
 * (and dropped) to its end, so that the client, still sending, receives the 413.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT) {
        req.destroy();
        resolve(null);
      } else if (size > max) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A request with the same head as `req` whose body is `body`, for Next to read as usual. */
function replay(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.trailers = req.trailers;
  copy.rawTrailers = req.rawTrailers;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  if (body.length > 0) copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/** Why a body is refused, or null. */
async function badBody(req: http.IncomingMessage, body: Buffer): Promise<string | null> {
  // Compared in lower case, but passed on as sent: the multipart boundary is case-sensitive.
  const rawContentType = header(req, "content-type") ?? "";
  const contentType = rawContentType.toLowerCase();
  const isAction = req.headers["next-action"] !== undefined;
  const isAuth = (req.url ?? "").startsWith("/api/auth/");
  if (contentType.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Request("http://localhost/", { method: "POST", headers: { "content-type": rawContentType }, body: new Uint8Array(body) }).formData();
    } catch {
      return "表单数据格式无效";
    }
    if (isAction) {
      // React's reply encoding: the parts named by a number are JSON rows.
      // Part ids, and FormData arguments (named "<id>_<field>"), that references may name.
      // Next 16 sends FormData arguments with a "_" prefix ("_1_file"), React's own form actions without.
      const parts = new Set([...form.keys()].map((k) => /^_?(\d+)(_|$)/.exec(k)?.[1]).filter((k): k is string => k !== undefined));
      for (const [name, value] of form) {
        if (/^_?\d+$/.test(name) && typeof value === "string" && !isSafeJson(value, parts)) return "请求数据格式无效";
        if (typeof value === "string" && value.includes("\u0000")) return "请求数据格式无效";
      }
    }
    return null;
  }
  if (isAction) {
    // Next decodes any other action body as React's JSON reply, whatever its Content-Type.
    return isSafeJson(body.toString("utf8"), null) ? null : "请求数据格式无效";
  }
  if (isAuth && contentType.startsWith("application/json")) {
    const text = body.toString("utf8");
    if (!isSafeJson(text)) return "请求数据格式无效";
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? null : "请求数据格式无效";
  }
  return null;
}

export function edgeGuard(options: EdgeGuardOptions): Handler {
  return (req, res) => {
    const target = badTarget(req.url);
    if (target) return refuse(req, res, 400, target);
    // The portal's internal page addresses (proxy.ts rewrites to them inside Next, never over
    // HTTP): asked for directly, a made-up key would be an uncached error there, by design.
    if (/^\/portal-render(\/|\?|$)/.test(req.url ?? "")) return refuse(req, res, 404, "页面不存在", false, "页面不存在");
    if (SAFE_METHODS.has(req.method ?? "")) return options.next(req, res);

    const origin = header(req, "origin");
    if (origin !== undefined && !originAllowed(origin, req, options)) {
      return refuse(req, res, 403, "请求来源不被允许：请从本站页面提交", true);
    }
    const length = Number(header(req, "content-length") ?? 0);
    const tooLarge = `提交的内容过大（超过${Math.round(options.maxBodyBytes / 1024 / 1024)} MB）`;
    if (length > DISCARD_LIMIT) return refuse(req, res, 413, tooLarge, true);

    readBody(req, options.maxBodyBytes).then(
      async (body) => {
        if (body === null) return refuse(req, res, 413, tooLarge, true);
        const bad = await badBody(req, body);
        if (bad) return refuse(req, res, 400, bad);
        options.next(replay(req, body), res);
      },
      () => refuse(req, res, 400, "请求数据读取失败", true),
    );
  };
}
