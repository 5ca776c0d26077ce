/**
 * The portal page layer in front of Next (portal-pages.ts) on a real database, with a
 * stand-in for Next that answers year pages as proxy.ts + the cached page do (ETag from the
 * publication key). What matters: a correction shows with the very next request, the
 * stored copy is the bytes Next sent, and a copy is never stored under a key it is not.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { publishCorrection } from "@/tests/integration/publications";
import { CACHE_CONTROL_CURRENT, CACHE_CONTROL_FROZEN, pageEtag, type PageKey } from "../../features/publication/portal-address";
import { findPublishedVersionIn } from "../../features/publication/versions";
import { FILL_HEADER, portalPages } from "./portal-pages";

const BUILD = "build-1";
let t: TestDatabase;
let pool: pg.Pool;
let reportId: string;
let server: http.Server;
let base: string;
let layer: ReturnType<typeof portalPages>;
/** What the stand-in for Next saw. */
let nextCalls: { url: string; fill: boolean }[] = [];
/** Makes the stand-in answer the next fill with another ETag (a publication in between). */
let staleEtagOnce = false;

const html = (k: PageKey) => `<!DOCTYPE html><html><body>page ${k.publicationId} ${k.successorId ?? "current"} ${"数".repeat(5000)}</body></html>`;

/** Answers like Next with proxy.ts: the page of the key the lookup finds, its ETag, gzip when asked. */
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  nextCalls.push({ url: req.url!, fill: req.headers[FILL_HEADER] !== undefined });
  const m = /^\/portal\/([^/]+)\/(\d{4})(?:\/v\/(\d+))?$/.exec(req.url!);
  const found = m && (await findPublishedVersionIn(pool, m[1]!, Number(m[2]), m[3] ? Number(m[3]) : undefined));
  if (!m || !found) {
    res.writeHead(404).end("not found");
    return;
  }
  const key: PageKey = { departmentCode: m[1]!, year: Number(m[2]), publicationId: found.publicationId, successorId: found.successorId };
  let etag = pageEtag(key, BUILD);
  if (staleEtagOnce && req.headers[FILL_HEADER] !== undefined) {
    staleEtagOnce = false;
    etag = '"another"';
  }
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    ETag: etag,
    "Cache-Control": found.successorId ? CACHE_CONTROL_FROZEN : CACHE_CONTROL_CURRENT,
    Vary: "rsc, Accept-Encoding",
    "x-nextjs-cache": "HIT",
  });
  res.end(html(key));
}

/** Until every background copy has been made. */
async function settled() {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    if (layer.filling.size === 0) return;
  }
  throw new Error("fill did not finish");
}

async function get(path: string, headers: Record<string, string> = { "accept-encoding": "gzip, br" }) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

async function currentKey(): Promise<PageKey> {
  const found = (await findPublishedVersionIn(pool, "gy-swbb", 2020))!;
  return { departmentCode: "gy-swbb", year: 2020, publicationId: found.publicationId, successorId: found.successorId };
}

beforeAll(async () => {
  t = await freshDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  await seedDemoData(t.prisma);
  reportId = (await t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", year: 2020, department: { code: "gy-swbb" } } })).id;
  server = http.createServer((req, res) => layer(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  layer = portalPages({ pool, build: BUILD, selfOrigin: { host: "127.0.0.1", port }, secret: "s3cret", maxBytes: 10 * 1024 * 1024, next: fakeNext });
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await pool?.end();
  await t?.drop();
});
beforeEach(() => {
  nextCalls = [];
});

describe("portal page layer", () => {
  it("passes the first request to Next, then answers from its compressed copy of the same bytes", async () => {
    const key = await currentKey();
    const first = await get("/portal/gy-swbb/2020");
    expect(first.status).toBe(200);
    expect(first.body).toBe(html(key));
    await settled();
    expect(nextCalls).toEqual([
      { url: "/portal/gy-swbb/2020", fill: false },
      { url: "/portal/gy-swbb/2020", fill: true },
    ]);
    nextCalls = [];
    for (const [accept, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const again = await get("/portal/gy-swbb/2020", { "accept-encoding": accept });
      expect(again.body).toBe(html(key));
      expect(again.headers.get("content-encoding")).toBe(encoding);
      expect(again.headers.get("etag")).toBe(pageEtag(key, BUILD));
      expect(again.headers.get("cache-control")).toBe(CACHE_CONTROL_CURRENT);
      expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(again.headers.get("vary")).toBe("rsc, Accept-Encoding");
      expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
    }
    expect(nextCalls).toEqual([]);
  });

  it("answers a matching If-None-Match with 304, and leaves other requests to Next", async () => {
    const key = await currentKey();
    const revalidated = await fetch(`${base}/portal/gy-swbb/2020`, { headers: { "accept-encoding": "gzip", "if-none-match": pageEtag(key, BUILD) } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(pageEtag(key, BUILD));
    expect(revalidated.headers.get("cache-control")).toBe(CACHE_CONTROL_CURRENT);
    expect(nextCalls).toEqual([]);
    await get("/portal/gy-swbb/2020", { "accept-encoding": "identity" });
    await get("/portal/gy-swbb/2020", { "accept-encoding": "gzip", rsc: "1" });
    await get("/portal/gy-swbb/2020?version=1");
    expect(await get("/portal/gy-swbb/2031")).toMatchObject({ status: 404 });
    // A request claiming to be a fill without the secret is an ordinary one.
    await get("/portal/gy-swbb/2020", { "accept-encoding": "gzip", [FILL_HEADER]: "guess" });
    expect(nextCalls.map((c) => c.url)).toEqual(["/portal/gy-swbb/2020", "/portal/gy-swbb/2020", "/portal/gy-swbb/2020?version=1", "/portal/gy-swbb/2031"]);
    expect(nextCalls.every((c) => !c.fill)).toBe(true);
  });

  it("shows a correction with the very next request; the superseded version keeps its own copy", async () => {
    const before = await currentKey();
    expect((await get("/portal/gy-swbb/2020")).body).toBe(html(before));
    await publishCorrection(t.prisma, reportId, "更正后的标题");
    const after = await currentKey();
    expect(after.publicationId).not.toBe(before.publicationId);
    const next = await get("/portal/gy-swbb/2020");
    expect(next.body).toBe(html(after));
    expect(next.headers.get("etag")).toBe(pageEtag(after, BUILD));
    await settled();
    expect((await get("/portal/gy-swbb/2020")).headers.get("content-encoding")).toBe("br");
    // Version 1 now has a successor: another key, frozen.
    const v1 = await get("/portal/gy-swbb/2020/v/1");
    expect(v1.body).toBe(html({ ...before, successorId: after.publicationId }));
    expect(v1.headers.get("cache-control")).toBe(CACHE_CONTROL_FROZEN);
  });

  it("does not store a copy whose ETag is not the key it looked up", async () => {
    await settled();
    staleEtagOnce = true;
    const key = await currentKey();
    const stored = layer.pages.size;
    await get("/portal/gy-swbb/2020/v/2");
    await settled();
    expect(layer.pages.size).toBe(stored);
    // Asked again, Next answers again, and this time the copy is kept.
    const again = await get("/portal/gy-swbb/2020/v/2");
    expect(again.headers.get("content-encoding")).toBeNull();
    expect(again.body).toBe(html(key));
    await settled();
    expect(layer.pages.size).toBe(stored + 1);
    expect((await get("/portal/gy-swbb/2020/v/2")).headers.get("content-encoding")).toBe("br");
  });
});
