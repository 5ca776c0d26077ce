import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badTarget, edgeGuard, jsonDepthExceeds, isSafeJson } from "./edge-guard";

describe("badTarget", () => {
  it("accepts ordinary addresses", () => {
    for (const u of ["/", "/portal/gy-swbb/2020", "/portal?q=%E8%B4%A2%E6%94%BF&year=2020", "/a%20b?x=1+2", "/api/health"]) expect(badTarget(u)).toBeNull();
  });
  it("refuses bad encodings and control characters", () => {
    for (const u of ["/api/portal/gy-swbb%00/2020/download", "/api/projects/%00/self-evaluation", "/portal/%E0%A4%A/2020", "/x?q=%zz", "/x?q=%0a", "/x\u0001"]) expect(badTarget(u)).not.toBeNull();
  });
});

describe("JSON depth", () => {
  it("counts brackets outside strings", () => {
    expect(jsonDepthExceeds("[".repeat(65) + "]".repeat(65))).toBe(true);
    expect(jsonDepthExceeds("[".repeat(64) + "]".repeat(64))).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify(["[".repeat(500)]))).toBe(false);
    expect(isSafeJson("[")).toBe(false);
    expect(isSafeJson("hello")).toBe(false);
    expect(isSafeJson('["a",{"b":1}]')).toBe(true);
  });

  it("refuses a NUL in any string of an action's arguments (PostgreSQL cannot store it)", () => {
    expect(isSafeJson(JSON.stringify(["\u0000", "x"]), null)).toBe(false);
    expect(isSafeJson(JSON.stringify([{ rows: [{ name: "养护\u0000里程" }] }]), null)).toBe(false);
    expect(isSafeJson(JSON.stringify([{ rows: [{ name: "养护里程" }] }]), null)).toBe(true);
  });
});

describe("edgeGuard", () => {
  let server: http.Server;
  let base: string;
  const seen: { method?: string; body: string }[] = [];
  beforeAll(async () => {
    server = http.createServer(
      edgeGuard({
        maxBodyBytes: 1024,
        next: (req, res) => {
          const chunks: Buffer[] = [];
          req.on("data", (c: Buffer) => chunks.push(c));
          req.on("end", () => {
            seen.push({ method: req.method, body: Buffer.concat(chunks).toString() });
            res.end("ok");
          });
        },
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("replays a good body and refuses bad ones with 4xx", async () => {
    const ok = await fetch(`${base}/x`, { method: "POST", headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body: '["a",1]' });
    expect(ok.status).toBe(200);
    expect(seen.at(-1)).toEqual({ method: "POST", body: '["a",1]' });
    const cases: [RequestInit, number][] = [
      [{ method: "POST", headers: { "next-action": "abc" }, body: "[" }, 400],
      [{ method: "POST", headers: { "next-action": "abc" }, body: "hello" }, 400],
      [{ method: "POST", headers: { "next-action": "abc" }, body: "[".repeat(100) + "]".repeat(100) }, 400],
      [{ method: "POST", headers: { "content-type": "multipart/form-data; boundary=zzz" }, body: "--zzz\r\nbroken" }, 400],
      [{ method: "POST", headers: { "next-action": "abc", origin: "https://evil.example" }, body: "[]" }, 403],
      [{ method: "POST", headers: { "next-action": "abc", origin: "null" }, body: "[]" }, 403],
      [{ method: "POST", body: "x".repeat(2000) }, 413],
    ];
    for (const [init, status] of cases) {
      const r = await fetch(`${base}/page`, init);
      expect(r.status, JSON.stringify(init.headers)).toBe(status);
    }
    const api = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: expect.stringMatching(/格式无效/) });
    // A browser's upload to a server action (Next 16 names a FormData argument's parts "_1_…"):
    // the boundary has capitals and must reach Next as sent.
    const form = new FormData();
    form.append("0", '["project-id","$K1"]');
    form.append("_1_file", new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0xff])]), "a.xlsx");
    const upload = new Request(`${base}/x`, { method: "POST", headers: { "next-action": "abc" }, body: form });
    const boundary = /boundary=(.*)$/.exec(upload.headers.get("content-type")!)![1]!;
    const mixed = `----WebKitFormBoundaryAOOnI1jk${boundary.replace(/[^A-Za-z0-9]/g, "")}`;
    const body = Buffer.from(await upload.arrayBuffer()).toString("latin1").split(boundary).join(mixed);
    const sent = await fetch(`${base}/x`, { method: "POST", headers: { "next-action": "abc", "content-type": `multipart/form-data; boundary=${mixed}` }, body: Buffer.from(body, "latin1") });
    expect(sent.status).toBe(200);
    const page = await fetch(`${base}/portal/%E0%A4%A/2020`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/请求地址的编码无效/);
  });
});
