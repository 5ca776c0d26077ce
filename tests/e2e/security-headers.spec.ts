/**
 * Security headers (scripts/lib/security-headers.ts) on pages, downloads and APIs, and no
 * Content-Security-Policy violation in the browser on the public pages and the pages of
 * each role — including a form validated by zod (lib/zod.ts turns its eval off).
 */
import { expect, test, type Page } from "@playwright/test";
import { account, signIn } from "./helpers/accounts";
import { sql } from "./helpers/db";

/** Collects CSP violations (the DOM event and the console's report) of every page the tab shows. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

async function visit(page: Page, path: string, violations: () => Promise<string[]>) {
  const r = await page.goto(path);
  expect(r?.status(), path).toBeLessThan(400);
  const csp = r?.headers()["content-security-policy"] ?? "";
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  await page.waitForLoadState("networkidle");
  expect(await violations(), path).toEqual([]);
}

test("headers on pages, downloads and APIs", async ({ request }) => {
  for (const path of ["/", "/portal", "/portal/gy-swbb/2020", "/login", "/api/health", "/api/portal/gy-swbb/2020/download?format=json", "/dashboard", "/does-not-exist"]) {
    const r = await request.get(path, { maxRedirects: 0 });
    const h = r.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["permissions-policy"], path).toContain("camera=()");
    // Served over http here: no HSTS (it is sent when NEXTAUTH_URL is https).
    expect(h["strict-transport-security"], path).toBeUndefined();
    if ((h["content-type"] ?? "").startsWith("text/html")) {
      expect(h["content-security-policy"], path).toMatch(/default-src 'self'/);
      expect(h["content-security-policy"], path).not.toContain("'unsafe-inline' 'self'");
    }
  }
  // The portal page's policy lists its inline scripts' hashes, the same on a repeat (from the cache).
  const first = (await request.get("/portal/gy-swbb/2020")).headers()["content-security-policy"];
  const again = (await request.get("/portal/gy-swbb/2020")).headers()["content-security-policy"];
  expect(first).toMatch(/'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(again).toBe(first);
});

test("no CSP violation on the public pages", async ({ page }) => {
  const violations = await watchCsp(page);
  for (const path of ["/", "/portal", "/portal/gy-swbb/2020", "/portal/gy-swbb/2020/v/1", "/login", "/does-not-exist"]) await visit(page, path, violations);
  // Client-side navigation from the home page to a year page.
  await page.goto("/portal");
  const link = page.locator('a[href^="/portal/"]').first();
  if (await link.count()) {
    await link.click();
    await page.waitForLoadState("networkidle");
  }
  expect(await violations()).toEqual([]);
});

test("no CSP violation on the owner's pages, signing in through the zod-validated form", async ({ page }) => {
  const violations = await watchCsp(page);
  const owner = account("OWNER");
  // A failed attempt first: zod validates the form in the browser (an empty field).
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText(/请填写|请输入/).first()).toBeVisible();
  expect(await violations()).toEqual([]);
  await signIn(page, owner.username, owner.password);
  const [project] = await sql<{ id: string }>(
    `SELECT p."id" FROM "Project" p JOIN "Department" d ON d."id" = p."departmentId" WHERE d."code" = $1 ORDER BY p."createdAt" LIMIT 1`,
    [owner.departmentCode],
  );
  const paths = ["/dashboard", "/projects", "/reports", "/final-accounts"];
  if (project) paths.push(`/projects/${project.id}`, `/projects/${project.id}/indicators`);
  for (const path of paths) await visit(page, path, violations);
});

test("no CSP violation on the reviewer's and the administrator's pages", async ({ browser }) => {
  for (const [role, paths] of [
    ["REVIEWER", ["/dashboard", "/reports", "/projects", "/final-accounts"]],
    ["ADMIN", ["/dashboard", "/admin", "/admin/years", "/admin/frameworks", "/admin/function-classes", "/audit", "/reports"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchCsp(page);
    const a = account(role);
    await signIn(page, a.username, a.password);
    const [report] = await sql<{ id: string }>(`SELECT "id" FROM "Report" ORDER BY "createdAt" LIMIT 1`);
    for (const path of [...paths, ...(report ? [`/reports/${report.id}`] : [])]) await visit(page, path, violations);
    await context.close();
  }
});
