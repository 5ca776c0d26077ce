import http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { hasSessionCookie, isPublicAddress, outageGuard } from "./outage";

describe("addresses", () => {
  it("tells published content from the rest", () => {
    for (const u of ["/", "/portal", "/portal/gy-swbb/2020", "/portal/gy-swbb/2020/v/1", "/published/abc", "/api/portal/gy-swbb/2020/download?format=pdf"]) expect(isPublicAddress(u)).toBe(true);
    for (const u of ["/dashboard", "/projects/1", "/api/projects/x", "/portalx", "/login", "/api/health"]) expect(isPublicAddress(u)).toBe(false);
  });
  it("recognises next-auth's session cookie", () => {
    expect(hasSessionCookie({ cookie: "a=1; next-auth.session-token=xyz" })).toBe(true);
    expect(hasSessionCookie({ cookie: "__Secure-next-auth.session-token.0=xyz" })).toBe(true);
    expect(hasSessionCookie({ cookie: "next-auth.csrf-token=xyz" })).toBe(false);
    expect(hasSessionCookie({})).toBe(false);
  });
});

describe("outageGuard", () => {
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    logged = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => logged.mockRestore());

  let server: http.Server;
  let base: string;
  let databaseUp = true;
  let clock = 1_000_000;
  const probes: string[] = [];

  beforeAll(async () => {
    const guard = outageGuard({
      databaseReachable: async () => {
        probes.push("probe");
        return databaseUp;
      },
      maxBytes: 1024 * 1024,
      now: () => clock,
      // Stands in for Next: fails with a 500 while the database is down, except for a broken page.
      next: (req, res) => {
        const url = req.url ?? "";
        if (url.startsWith("/api/portal/flushed") && !databaseUp) {
          // What Next's route layer and its gzip compression do with a failed download: the status
          // and type are set and the head is flushed first, then compression's first write sends
          // the head again through writeHead (its implicit header), then the body.
          res.statusCode = 500;
          res.setHeader("Content-Type", "application/json");
          res.flushHeaders();
          res.writeHead(500);
          res.write('{"message":"文件生成失败"}');
          res.end();
          return;
        }
        if (url === "/portal/broken" || !databaseUp) {
          res.statusCode = 500;
          res.setHeader("Content-Type", "text/html");
          res.write("<p>Invalid `prisma.x.findMany()` invocation");
          res.end(" (English error)</p>");
          return;
        }
        if (url.startsWith("/api/portal/")) {
          res.writeHead(200, { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="a.pdf"' });
          res.end(Buffer.from("%PDF-1.7 version " + clock));
          return;
        }
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        if (req.headers.cookie?.includes("next-auth.session-token")) res.setHeader("Set-Cookie", "next-auth.session-token=renewed");
        res.write(`<h1>${url}</h1>`);
        res.end(`<p>rendered at ${clock}</p>`);
      },
    });
    server = http.createServer(guard);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers, redirect: "manual" });

  it("serves the last good copy of a public page and a download while the database is down, and says so", async () => {
    databaseUp = true;
    clock = 1_000_000;
    expect(await (await get("/portal/gy-swbb/2020")).text()).toContain("rendered at 1000000");
    const fresh = await get("/api/portal/gy-swbb/2020/download?format=pdf");
    expect(fresh.headers.get("x-jixiao-stale")).toBeNull();
    await fresh.arrayBuffer();

    databaseUp = false;
    clock = 1_042_000;
    const page = await get("/portal/gy-swbb/2020");
    expect(page.status).toBe(200);
    expect(page.headers.get("x-jixiao-stale")).toBe("1");
    expect(page.headers.get("age")).toBe("42");
    expect(page.headers.get("warning")).toContain("111");
    expect(await page.text()).toContain("rendered at 1000000");
    const download = await get("/api/portal/gy-swbb/2020/download?format=pdf");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("a.pdf");
    expect(await download.text()).toBe("%PDF-1.7 version 1000000");
  });

  it("replaces a failed answer whose head was flushed, then written again (Next's compression), with the last good copy", async () => {
    databaseUp = true;
    clock = 2_000_000;
    await (await get("/api/portal/flushed?format=docx")).arrayBuffer();
    databaseUp = false;
    const download = await get("/api/portal/flushed?format=docx");
    expect(download.status).toBe(200);
    expect(download.headers.get("x-jixiao-stale")).toBe("1");
    expect(await download.text()).toBe("%PDF-1.7 version 2000000");
  });

  it("answers 503 in Chinese for public addresses never seen and for signed-in requests, without the driver's text", async () => {
    databaseUp = false;
    const unseen = await get("/portal/gy-swbb/2019");
    expect(unseen.status).toBe(503);
    // The log says why a public address got no copy.
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^outage guard: no last good copy of \/portal\/gy-swbb\/2019 \(\d+ copies, [\d.]+ MB kept\)$/));
    const html = await unseen.text();
    expect(html).toContain("服务暂时不可用");
    expect(html).not.toContain("prisma");

    probes.length = 0;
    const page = await get("/dashboard", { cookie: "next-auth.session-token=abc" });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("10");
    expect(await page.text()).toContain("服务暂时不可用");
    expect(probes).toHaveLength(1);

    const api = await get("/api/projects/x", { cookie: "next-auth.session-token=abc" });
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: string }).error).toContain("服务暂时不可用");
  });

  it("recovers at the first request after the database is back, and replaces the copy", async () => {
    databaseUp = true;
    clock = 2_000_000;
    const page = await get("/portal/gy-swbb/2020");
    expect(page.headers.get("x-jixiao-stale")).toBeNull();
    expect(await page.text()).toContain("rendered at 2000000");
    expect((await get("/dashboard", { cookie: "next-auth.session-token=abc" })).status).toBe(200);

    databaseUp = false;
    expect(await (await get("/portal/gy-swbb/2020")).text()).toContain("rendered at 2000000");
  });

  it("keeps Next's own 500 when the database is up, and copies nothing from signed-in requests", async () => {
    databaseUp = true;
    const broken = await get("/portal/broken");
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain("English error");

    await (await get("/published/mine", { cookie: "next-auth.session-token=abc" })).text();
    databaseUp = false;
    expect((await get("/published/mine")).status).toBe(503);
  });
});
