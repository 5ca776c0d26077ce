/**
 * Fuzz tier: every page, API route and server action of the build, anonymous and signed in
 * as each role, with random and boundary values, malformed action bodies, bad encodings,
 * huge bodies and foreign origins. No answer may be a 5xx (the edge guard in
 * scripts/lib/edge-guard.ts and the handlers answer 4xx or a refusal instead), and the known
 * cases get their specific status. Logs how many requests were sent.
 *
 * Nothing here changes data: real ids are only ever sent with an invalid other argument.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { DEMO_ACCOUNTS } from "../../prisma/seed/accounts";
import { sql } from "./helpers/db";

const BASE = `http://localhost:${E2E_PORT}`;
const ROOT = path.resolve(__dirname, "../..");

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

type Answer = { status: number; what: string };
const answers: Answer[] = [];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = rng(20261204);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const SEGMENTS = [
  "",
  "0",
  "-1",
  "1e30",
  "2147483648",
  "9".repeat(40),
  "1999",
  "2101",
  "2020",
  "abc",
  "%00",
  "%E0%A4%A",
  "%zz",
  "%0a",
  "%09",
  "..%2F..%2Fetc%2Fpasswd",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%3B%20drop%20table%20x%3B--",
  "%E4%B8%AD%E6%96%87",
  "x".repeat(300),
  "gy-swbb",
  "null",
  "undefined",
  "%F0%9F%98%80",
];

const ARG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e30,
  2147483648,
  -2147483649,
  2020.5,
  "",
  "x".repeat(10_000),
  "2020",
  "\u0000",
  "中文",
  [],
  {},
  { rows: "x" },
  { rows: [{}] },
  [[[[]]]],
  true,
  "$undefined",
  "$Infinity",
  "$NaN",
  "$n99999999999999999999999",
];

/** page.tsx / route.ts files → URL templates like /projects/[id]. */
function routeTemplates(): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const seg = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
        walk(path.join(dir, entry.name), url + seg);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") out.push(url || "/");
    }
  };
  walk(path.join(ROOT, "app"), "");
  return out;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => values[name] ?? pick(SEGMENTS));
}

/** The server actions of the build and the page each is served from. */
function serverActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]*\)/g, "") || "/";
    return { id, name: entry.exportedName ?? id, page };
  });
}

async function signedIn(username: string, password: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const r = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
  expect(r.ok()).toBeTruthy();
  return ctx;
}

async function send(ctx: APIRequestContext, what: string, url: string, init: Parameters<APIRequestContext["fetch"]>[1] = {}): Promise<Answer> {
  const r = await ctx.fetch(url, { maxRedirects: 0, failOnStatusCode: false, timeout: 60_000, ...init });
  const a = { status: r.status(), what: `${init.method ?? "GET"} ${url} ${what}` };
  answers.push(a);
  return a;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

test("no input makes the server answer 5xx", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE });
  const users = await Promise.all(
    (["OWNER", "REVIEWER", "ADMIN"] as const).map((role) => {
      const a = DEMO_ACCOUNTS.find((x) => x.role === role)!;
      return signedIn(a.username, a.password);
    }),
  );
  const contexts = [anonymous, ...users];
  const [project] = await sql<{ id: string }>(`SELECT "id" FROM "Project" ORDER BY "createdAt" LIMIT 1`);
  const realIds = { id: project!.id, departmentCode: "gy-swbb", year: "2020" };

  // 1. Every page and route with boundary and random parameters, and hostile queries.
  const templates = routeTemplates();
  const queries = ["", "?year=1e30", "?year=2147483648", "?version=0", "?version=99999999999", "?format=%00", "?format=exe", "?table=%E0%A4%A", "?q=%00", "?q=%zz", "?callbackUrl=%2F%5Cevil.example", "?callbackUrl=%2F%09%2Fevil.example", "?year=2020&q=" + "a".repeat(3000), "?page=-1", "?id=1&id=2"];
  const gets: { ctx: APIRequestContext; url: string }[] = [];
  for (const ctx of contexts) {
    for (const t of templates) {
      gets.push({ ctx, url: fill(t, realIds) + pick(queries) });
      for (let i = 0; i < 6; i++) gets.push({ ctx, url: fill(t, {}) + pick(queries) });
    }
  }
  await inBatches(gets, 8, ({ ctx, url }) => send(ctx, "route", url));

  // The cases of issue #12 by name.
  for (const url of ["/api/portal/gy-swbb%00/2020/download", "/api/projects/%00/self-evaluation", "/portal/%E0%A4%A/2020"]) {
    const a = await send(anonymous, "named", url);
    expect(a.status, url).toBe(400);
  }

  // 2. Every server action, from every role, with random arguments and malformed bodies.
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(10);
  const multipart = (parts: [string, string][], boundary = "----fuzz") =>
    parts.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  const malformed: { body: string; contentType: string; expect?: number }[] = [
    { body: "[", contentType: "text/plain;charset=UTF-8", expect: 400 },
    { body: "hello", contentType: "text/plain;charset=UTF-8", expect: 400 },
    { body: "[".repeat(5000) + "]".repeat(5000), contentType: "text/plain;charset=UTF-8", expect: 400 },
    { body: "hello", contentType: "application/x-www-form-urlencoded", expect: 400 },
    { body: "--zzz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", contentType: "multipart/form-data; boundary=zzz", expect: 400 },
    { body: multipart([["0", "[" + "[".repeat(200)]]), contentType: "multipart/form-data; boundary=----fuzz", expect: 400 },
    { body: multipart([["0", '["$K1"]'], ["1_file", "not a file"]]), contentType: "multipart/form-data; boundary=----fuzz" },
    { body: "", contentType: "text/plain;charset=UTF-8", expect: 400 },
    { body: '"$@99"', contentType: "text/plain;charset=UTF-8" },
    { body: '["$F1"]', contentType: "text/plain;charset=UTF-8" },
    { body: '["$Q1"]', contentType: "text/plain;charset=UTF-8" },
    { body: '{"__proto__":{"x":1}}', contentType: "text/plain;charset=UTF-8" },
  ];
  const actionCalls: { ctx: APIRequestContext; page: string; id: string; body: string; contentType: string; expect?: number; origin?: string }[] = [];
  for (const action of actions) {
    const page = fill(action.page, realIds);
    for (const ctx of contexts) {
      for (let i = 0; i < 6; i++) {
        const args = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(ARG_VALUES));
        if (random() < 0.3) args[0] = realIds.id;
        actionCalls.push({ ctx, page, id: action.id, body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8" });
      }
      for (const m of malformed) actionCalls.push({ ctx, page, id: action.id, ...m });
      actionCalls.push({ ctx, page, id: action.id, body: "[]", contentType: "text/plain;charset=UTF-8", origin: "https://evil.example", expect: 403 });
      actionCalls.push({ ctx, page, id: action.id, body: "[]", contentType: "text/plain;charset=UTF-8", origin: "null", expect: 403 });
    }
  }
  await inBatches(actionCalls, 8, async (c) => {
    const a = await send(c.ctx, `action ${c.id.slice(0, 8)} ${c.body.slice(0, 40)}`, c.page, {
      method: "POST",
      headers: { "Next-Action": c.id, "Content-Type": c.contentType, Accept: "text/x-component", ...(c.origin ? { Origin: c.origin } : {}) },
      data: c.body,
    });
    if (c.expect) expect(a.status, a.what).toBe(c.expect);
  });

  // 3. Years out of range reach no database: a refusal in Chinese, not an overflow.
  const owner = users[0]!;
  const admin = users[2]!;
  const byName = new Map(actions.map((a) => [a.name, a]));
  for (const [name, ctx, args] of [
    ["createProjectAction", owner, [1e30, {}]],
    ["createProjectAction", owner, [2147483648, {}]],
    ["copyProjectAction", owner, [realIds.id, 1e30]],
    ["copyProjectAction", owner, [realIds.id, 2147483648]],
    ["createOverallReportAction", owner, [1e30]],
    ["createOverallReportAction", owner, [2147483648]],
    ["startFinalAccountsAction", admin, ["x", 2147483648]],
  ] as const) {
    const action = byName.get(name);
    if (!action) continue;
    const r = await ctx.fetch(fill(action.page, realIds), {
      method: "POST",
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify(args),
      failOnStatusCode: false,
    });
    answers.push({ status: r.status(), what: `${name}(${JSON.stringify(args)})` });
    expect(r.status(), name).toBeLessThan(500);
    expect(await r.text(), name).toMatch(/年度无效|部门或年度无效/);
  }

  // 4. Bodies over the limit: 413, also when the length is not announced.
  const huge = Buffer.alloc(13 * 1024 * 1024, 0x5b);
  for (const ctx of [anonymous, owner]) {
    const action = actions[0]!;
    const a = await send(ctx, "huge action", fill(action.page, realIds), { method: "POST", headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8" }, data: huge });
    expect(a.status).toBe(413);
    const b = await send(ctx, "huge sign-in", "/api/auth/callback/credentials", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: huge });
    expect(b.status).toBe(413);
  }

  // 5. Malformed bodies to the sign-in endpoints and the other APIs.
  const authBodies: [string, string][] = [
    ["application/json", "{"],
    ["application/json", "[]"],
    ["application/json", "null"],
    ["application/json", '{"username":' + "[".repeat(1000)],
    ["application/x-www-form-urlencoded", "username=%E0%A4%A&password=%00"],
    ["application/x-www-form-urlencoded", "csrfToken=x&username=admin&password=" + "a".repeat(100_000)],
    ["multipart/form-data; boundary=zz", "--zz\r\nbroken"],
    ["text/plain", "\u0000\u0001"],
  ];
  const authPaths = ["/api/auth/callback/credentials", "/api/auth/signin/credentials", "/api/auth/signout", "/api/auth/session", "/api/auth/_log", "/api/auth/nope"];
  const posts: { ctx: APIRequestContext; url: string; ct: string; body: string }[] = [];
  for (const ctx of contexts) for (const url of [...authPaths, "/api/health", "/api/portal/gy-swbb/2020/download", `/api/projects/${realIds.id}/self-evaluation`, "/", "/portal", "/login"]) for (const [ct, body] of authBodies) posts.push({ ctx, url, ct, body });
  await inBatches(posts, 8, (p) => send(p.ctx, `body ${p.ct}`, p.url, { method: "POST", headers: { "Content-Type": p.ct }, data: p.body }));
  for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]) {
    for (const url of ["/", "/api/health", "/api/auth/session", "/portal/gy-swbb/2020", "/projects"]) await send(anonymous, "method", url, { method });
  }

  const failures = answers.filter((a) => a.status >= 500);
  console.log(`fuzz: ${answers.length} requests, ${failures.length} answers ≥ 500`);
  expect(failures.map((f) => `${f.status} ${f.what}`)).toEqual([]);
  expect(answers.length).toBeGreaterThan(1000);
  await Promise.all(contexts.map((c) => c.dispose()));
});
