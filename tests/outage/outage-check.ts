/**
 * Outage check (the `outage` tier of `npm test`): the database stops under load and comes back.
 *
 * Starts its own PostgreSQL (embedded, in a temp folder) and the app on it the way the e2e tier
 * does (scripts/start.ts --ephemeral --no-build: the production build, scripts/serve.ts, demo
 * data) on OUTAGE_PORT (default 3241). It warms the public pages it finds from the home page
 * and the portal (pages, year pages, published reports, downloads), signs in, then lets a few
 * concurrent clients fetch public pages, signed-in pages and /api/health while the database is
 * stopped and started again. It counts the answers and fails (exit code 1) unless:
 *
 *   - no answer at all is a 500, and no body shows the database driver's text;
 *   - during the outage, public pages answer 200 from the last good copy (X-Jixiao-Stale: 1),
 *     signed-in pages and APIs 503, /api/health 503;
 *   - right after the database is back, the very first request of each kind is answered
 *     normally (health 200, signed-in pages 200 with the same session, public pages fresh).
 *
 *   node --import tsx tests/outage/outage-check.ts      (needs a production build: next build)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../../prisma/seed/accounts";
import { startEmbeddedPostgres, type EmbeddedDb } from "../../scripts/lib/embedded-pg";

const ROOT = path.resolve(__dirname, "../..");
const PORT = Number(process.env.OUTAGE_PORT ?? 3241);
const BASE = `http://localhost:${PORT}`;
const CLIENTS = 4;
const OUTAGE_MS = 6000;
const SIGNED_IN_PAGES = ["/dashboard", "/projects", "/api/auth/session"];
const MAX_PUBLIC = 16;

type Kind = "public" | "signed-in" | "health";
type Phase = "before" | "outage" | "after";
type Answer = { kind: Kind; phase: Phase; url: string; status: number; stale: boolean; leak: boolean; unlabelled: boolean; detail?: string };

const answers: Answer[] = [];
let phase: Phase = "before";
let cookie = "";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Driver or framework text that must never reach a user. */
const LEAK = /prisma|ECONNREFUSED|Can't reach database|This page couldn't load|Internal Server Error/i;

/** Requests that got no answer at all, with why (for the failure message). */
const noAnswer: string[] = [];

async function get(url: string, kind: Kind): Promise<Answer> {
  const started = phase;
  let status = 0;
  let stale = false;
  let leak = false;
  let unlabelled = false;
  let detail: string | undefined;
  try {
    const r = await fetch(BASE + url, { redirect: "manual", headers: kind === "signed-in" ? { cookie } : {}, signal: AbortSignal.timeout(15_000) });
    status = r.status;
    stale = r.headers.get("x-jixiao-stale") === "1";
    const type = r.headers.get("content-type") ?? "";
    const body = type.includes("html") || type.includes("json") || type.includes("text") ? await r.text() : (await r.arrayBuffer(), "");
    leak = LEAK.test(body);
    if (status >= 500) detail = `${type || "no type"}, ${r.headers.get("content-length") ?? "?"} bytes: ${body.slice(0, 80).replace(/\s+/g, " ")}`;
    // A stale copy says so; a 503 says why, in Chinese.
    if (stale) unlabelled = !r.headers.get("age") || !r.headers.get("warning");
    if (status === 503 && kind === "signed-in") unlabelled = !body.includes("服务暂时不可用") || (url.startsWith("/api/") && !type.includes("json"));
  } catch (e) {
    status = 0; // no answer (connection refused or timed out)
    noAnswer.push(`${phase} ${kind} ${url}: ${e instanceof Error ? `${e.name} ${e.message}` : String(e)}`);
  }
  const answer = { kind, phase: started === phase ? started : "outage", url, status, stale, leak, unlabelled, detail } satisfies Answer;
  answers.push(answer);
  return answer;
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/** Public addresses worth reading, found from the home page and the portal (three levels deep). */
async function discoverPublic(): Promise<string[]> {
  const found = new Set<string>(["/", "/portal"]);
  const queue = ["/", "/portal"];
  const wanted = (u: string) => /^\/(portal|published)\//.test(u) || u.startsWith("/api/portal/");
  for (let depth = 0; depth < 3; depth++) {
    const next: string[] = [];
    for (const url of queue) {
      if (url.startsWith("/api/")) continue;
      const r = await fetch(BASE + url);
      for (const href of hrefs(await r.text())) {
        if (!wanted(href) || found.has(href) || href.includes("/search") || found.size >= MAX_PUBLIC) continue;
        found.add(href);
        next.push(href);
      }
    }
    queue.splice(0, queue.length, ...next);
  }
  return [...found];
}

async function signIn(): Promise<string> {
  const a = DEMO_ACCOUNTS.find((x) => x.role === "OWNER")!;
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username: a.username, password: a.password, json: "true" }),
  });
  const session = r.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (${r.status})`);
  return session.split(";")[0]!;
}

async function waitForHealth(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error("the app did not become ready");
}

async function main() {
  const t0 = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-outage-"));
  chmodSync(dir, 0o755); // the database's OS user must reach its data folder
  const dataDir = path.join(dir, "pg");
  let db: EmbeddedDb | undefined = await startEmbeddedPostgres({ dataDir });
  const port = db.port;
  await db.createDatabase("jixiao");
  const databaseUrl = db.url("jixiao");
  let app: ChildProcess | undefined;
  const cleanup = async () => {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
    }
    await db?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    app = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts"), "--ephemeral", "--no-build"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: databaseUrl,
        JIXIAO_DEMO_DATA: "1",
        NEXTAUTH_URL: BASE,
        NEXTAUTH_SECRET: "outage-check-secret-not-for-production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let appErrors = "";
    app.stderr?.on("data", (d: Buffer) => (appErrors += d.toString()));
    await waitForHealth(90_000);
    console.log(`app ready on ${BASE} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const publicUrls = await discoverPublic();
    // Twice: the portal's page layer keeps its compressed copy after the first answer.
    for (let i = 0; i < 2; i++) for (const url of publicUrls) await get(url, "public");
    cookie = await signIn();
    for (const url of SIGNED_IN_PAGES) await get(url, "signed-in");
    console.log(`public addresses: ${publicUrls.length} (${publicUrls.filter((u) => u.startsWith("/api/")).length} downloads)`);
    if (process.env.JIXIAO_DEBUG) console.log(publicUrls.join("\n"));

    let running = true;
    const work = [...publicUrls.map((url) => ({ url, kind: "public" as Kind })), ...SIGNED_IN_PAGES.map((url) => ({ url, kind: "signed-in" as Kind })), { url: "/api/health", kind: "health" as Kind }];
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = c; running; i++) {
        const w = work[i % work.length]!;
        await get(w.url, w.kind);
      }
    });

    await sleep(1500);
    phase = "outage";
    await db.stop();
    db = undefined;
    console.log("database stopped");
    await sleep(OUTAGE_MS);
    db = await startEmbeddedPostgres({ dataDir, port });
    console.log("database started again");
    // The very first request of each kind after the restart must be served normally.
    phase = "after";
    const firstHealth = await get("/api/health", "health");
    const firstSignedIn = await get(SIGNED_IN_PAGES[0]!, "signed-in");
    const firstPublic = await get(publicUrls[publicUrls.length - 1]!, "public");
    await sleep(1500);
    running = false;
    await Promise.all(clients);
    // Then everything, once more.
    const recovery = await Promise.all(work.map((w) => get(w.url, w.kind)));

    const count = (f: (a: Answer) => boolean) => answers.filter(f).length;
    const table: Record<string, Record<string, number>> = {};
    for (const a of answers) {
      const row = `${a.phase} ${a.kind}`;
      const col = `${a.status}${a.stale ? " stale" : ""}`;
      table[row] ??= {};
      table[row][col] = (table[row][col] ?? 0) + 1;
    }
    console.log(`\nanswers (${answers.length} requests):`);
    for (const [row, cols] of Object.entries(table)) {
      console.log(`  ${row.padEnd(18)} ${Object.entries(cols).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
    }

    const failures: string[] = [];
    const fail = (ok: boolean, what: string) => (ok ? undefined : failures.push(what));
    const fiveHundreds = [...new Set(answers.filter((a) => a.status === 500).map((a) => `${a.phase} ${a.kind} ${a.url} (${a.detail ?? ""})`))];
    fail(fiveHundreds.length === 0, `${count((a) => a.status === 500)} answers were 500: ${fiveHundreds.join("; ")}`);
    fail(count((a) => a.kind === "public" && (a.status >= 500 || a.status === 0)) === 0, `a public page answered ≥ 500 or not at all${noAnswer.length ? `: ${noAnswer.join("; ")}` : ""}`);
    fail(count((a) => a.leak) === 0, `${count((a) => a.leak)} answers showed internal error text`);
    fail(count((a) => a.unlabelled) === 0, `${count((a) => a.unlabelled)} stale or 503 answers lacked their headers or Chinese notice`);
    fail(count((a) => a.phase === "outage" && a.kind === "public" && a.stale && a.status === 200) > 0, "no public page was served from the last good copy");
    fail(count((a) => a.phase === "outage" && a.kind === "signed-in" && a.status === 503) > 0, "no signed-in request answered 503 during the outage");
    fail(count((a) => a.phase === "outage" && a.kind === "signed-in" && a.status >= 500 && a.status !== 503) === 0, "a signed-in request answered ≥ 500 other than 503");
    fail(count((a) => a.phase === "outage" && a.kind === "health" && a.status === 503) > 0, "/api/health did not report the outage (503)");
    fail(firstHealth.status === 200, `first health check after the restart: ${firstHealth.status}`);
    fail(firstSignedIn.status === 200, `first signed-in page after the restart: ${firstSignedIn.status}`);
    fail(firstPublic.status === 200 && !firstPublic.stale, `first public page after the restart: ${firstPublic.status}${firstPublic.stale ? " (stale)" : ""}`);
    for (const a of recovery) fail(a.status === 200 && !a.stale, `after recovery ${a.url}: ${a.status}${a.stale ? " (stale)" : ""}`);
    if (app.exitCode !== null) failures.push(`the app exited (${app.exitCode})`);

    console.log(`\noutage check: ${failures.length === 0 ? "passed" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const f of failures) console.log(`  ✗ ${f}`);
    // The outage layer's own lines (e.g. "no last good copy of …") say why a public page failed.
    if (failures.length > 0) for (const line of appErrors.split("\n").filter((l) => l.startsWith("outage guard:"))) console.log(`  app: ${line}`);
    if (failures.length > 0 && process.env.JIXIAO_DEBUG) console.error(appErrors);
    await cleanup();
    process.exit(failures.length === 0 ? 0 : 1);
  } catch (e) {
    console.error("outage check:", e);
    await cleanup();
    process.exit(1);
  }
}

void main();
