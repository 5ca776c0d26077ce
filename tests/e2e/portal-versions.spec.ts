/**
 * The public year page across versions: a corrected document names its correction and keeps the
 * earlier version readable (ETag revalidation for the current one, long caching for the rest), and
 * a new version is served at the current address as soon as it is published. (Split from
 * portal.spec.ts.)
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sql } from "./helpers/db";

const ARTIFACTS = "tests/e2e/.artifacts";

test.describe("更正后的版本", () => {
  const tag = randomBytes(3).toString("hex");
  const code = `e2e-portal-${tag}`;
  const ids = { department: `e2e-portal-dept-${tag}`, year: `e2e-portal-dy-${tag}`, report: `e2e-portal-rep-${tag}` };

  test.beforeAll(async () => {
    // A department of its own, publishing the seed's document twice (a correction).
    const [src] = await sql<{ snapshot: { document: Record<string, unknown> } }>(
      `SELECT p."snapshot" FROM "ReportPublication" p JOIN "Report" r ON r."id" = p."reportId" JOIN "Department" d ON d."id" = r."departmentId"
       WHERE d."code" = 'gy-swbb' AND r."kind" = 'FINAL_ACCOUNTS' AND p."versionNo" = 1`,
    );
    const doc = src!.snapshot.document;
    await sql(`INSERT INTO "Department" ("id", "code", "name", "shortName", "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, 9999, now())`, [ids.department, code, `测试更正部门${tag}`, `更正${tag}`]);
    await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, 2020, now())`, [ids.year, ids.department]);
    await sql(
      `INSERT INTO "Report" ("id", "kind", "scopeKey", "departmentId", "departmentYearId", "year", "title", "status", "publishedAt", "updatedAt")
       VALUES ($1, 'FINAL_ACCOUNTS', $2, $3, $4, 2020, $5, 'PUBLISHED', '2021-11-01T02:00:00Z', now())`,
      [ids.report, `FINAL_ACCOUNTS:${ids.year}`, ids.department, ids.year, `测试更正部门${tag}2020年度部门决算公开`],
    );
    const snapshot = (title: string) => JSON.stringify({ format: 1, title, sections: [], document: { ...doc, title } });
    await sql(
      `INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "supersededAt", "correctionNote") VALUES
       ($1, $3, 1, $4::jsonb, '2021-09-30T02:00:00Z', '2021-11-01T02:00:00Z', ''),
       ($2, $3, 2, $5::jsonb, '2021-11-01T02:00:00Z', NULL, '更正项目绩效目标完成情况表3的预算单位名称。')`,
      [`${ids.report}-v1`, `${ids.report}-v2`, ids.report, snapshot("测试更正部门2020年度部门决算公开（原版）"), snapshot("测试更正部门2020年度部门决算公开")],
    );
  });

  // No clean-up: publications are frozen (the database rejects deletes) and the database is thrown away.

  test("现行版本注明更正日期和更正说明，可查看并返回此前版本", async ({ page }) => {
    await page.goto(`/portal/${code}/2020`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开");
    const notice = page.getByTestId("version-notice");
    await expect(notice).toContainText("本文件已于2021年11月1日更正（第2版）");
    await expect(notice).toContainText("更正说明：更正项目绩效目标完成情况表3的预算单位名称。");
    await notice.getByRole("link", { name: "第1版（2021年9月30日公开）" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020/v/1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开（原版）");
    await expect(page.getByTestId("version-notice")).toContainText("您正在查看第1版（2021年9月30日公开）。该版本已于2021年11月1日被第2版更正。");
    await page.getByRole("link", { name: "查看现行版本" }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开");

    // The earlier address of a version still works: it redirects to the permanent one.
    await page.goto(`/portal/${code}/2020?version=1`);
    await expect(page).toHaveURL(new RegExp(`/portal/${code}/2020/v/1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("测试更正部门2020年度部门决算公开（原版）");
  });

  test("缓存：现行版本每次重新验证（ETag），被更正的版本长期不变", async ({ request }) => {
    const latest = await request.get(`/portal/${code}/2020`);
    expect(latest.status()).toBe(200);
    expect(latest.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = latest.headers()["etag"]!;
    expect(etag).toBeTruthy();
    const revalidated = await request.get(`/portal/${code}/2020`, { headers: { "If-None-Match": etag } });
    expect(revalidated.status()).toBe(304);

    // The current version at its own address: the same page, revalidated as well.
    const v2 = await request.get(`/portal/${code}/2020/v/2`);
    expect(v2.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(await v2.text()).toBe(await latest.text());

    const v1 = await request.get(`/portal/${code}/2020/v/1`);
    expect(v1.status()).toBe(200);
    expect(v1.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(await v1.text()).toContain("测试更正部门2020年度部门决算公开（原版）");

    const legacy = await request.get(`/portal/${code}/2020?version=1`, { maxRedirects: 0 });
    expect(legacy.status()).toBe(308);
    expect(legacy.headers()["location"]).toBe(`/portal/${code}/2020/v/1`);

    // The cached page's internal address is not reachable over HTTP at all (the edge guard
    // answers 404, not cached; inside Next a made-up key is an error by design), and the public
    // addresses are unaffected by such requests.
    for (const made of [`/portal-render/${code}/2020/${ids.report}-v1/current`, `/portal-render/gy-swbb/2020/${ids.report}-v2/current`, `/portal-render/${code}/2020/${ids.report}-v3/current`]) {
      const r = await request.get(made);
      expect(r.status(), made).toBe(404);
      expect(r.headers()["cache-control"], made).toContain("no-store");
    }
    expect(await (await request.get(`/portal/${code}/2020`)).text()).toBe(await latest.text());
    expect((await request.get(`/portal/${code}/2020/v/1`)).status()).toBe(200);
  });
});

test.describe("发布更正后立即生效", () => {
  const tag = randomBytes(3).toString("hex");
  const code = `e2e-repub-${tag}`;
  const ids = { department: `e2e-repub-dept-${tag}`, year: `e2e-repub-dy-${tag}`, report: `e2e-repub-rep-${tag}` };
  let doc: Record<string, unknown>;

  test.beforeAll(async () => {
    const [src] = await sql<{ snapshot: { document: Record<string, unknown> } }>(
      `SELECT p."snapshot" FROM "ReportPublication" p JOIN "Report" r ON r."id" = p."reportId" JOIN "Department" d ON d."id" = r."departmentId"
       WHERE d."code" = 'gy-swbb' AND r."kind" = 'FINAL_ACCOUNTS' AND p."versionNo" = 1`,
    );
    doc = src!.snapshot.document;
    await sql(`INSERT INTO "Department" ("id", "code", "name", "shortName", "sortOrder", "updatedAt") VALUES ($1, $2, $3, $4, 9999, now())`, [ids.department, code, `测试重新发布部门${tag}`, `重发${tag}`]);
    await sql(`INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "updatedAt") VALUES ($1, $2, 2020, now())`, [ids.year, ids.department]);
    await sql(
      `INSERT INTO "Report" ("id", "kind", "scopeKey", "departmentId", "departmentYearId", "year", "title", "status", "publishedAt", "updatedAt")
       VALUES ($1, 'FINAL_ACCOUNTS', $2, $3, $4, 2020, $5, 'PUBLISHED', '2021-09-30T02:00:00Z', now())`,
      [ids.report, `FINAL_ACCOUNTS:${ids.year}`, ids.department, ids.year, `测试重新发布部门${tag}2020年度部门决算公开`],
    );
    await sql(`INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "correctionNote") VALUES ($1, $2, 1, $3::jsonb, '2021-09-30T02:00:00Z', '')`, [
      `${ids.report}-v1`,
      ids.report,
      JSON.stringify({ format: 1, title: "第一版", sections: [], document: { ...doc, title: "重新发布测试（第一版）" } }),
    ]);
  });

  test("新版本一经发布，现行地址立即显示新版本，第1版仍可查看", async ({ page }) => {
    const url = `/portal/${code}/2020`;
    // The second answer comes from the page cache (and the browser's own copy is revalidated: 304).
    await page.request.get(url);
    expect((await page.request.get(url)).headers()["x-nextjs-cache"]).toBe("HIT");
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第一版）");
    await expect(page.getByText("第1版（现行）")).toBeVisible();
    expect((await page.goto(`${url}/v/2`))?.status()).toBe(404);

    // A correction is published (as the workflow does it: one transaction).
    await sql(
      `WITH old AS (UPDATE "ReportPublication" SET "supersededAt" = '2021-11-01T02:00:00Z' WHERE "reportId" = $1 AND "versionNo" = 1)
       INSERT INTO "ReportPublication" ("id", "reportId", "versionNo", "snapshot", "publishedAt", "correctionNote") VALUES ($2, $1, 2, $3::jsonb, '2021-11-01T02:00:00Z', '更正了标题。')`,
      [ids.report, `${ids.report}-v2`, JSON.stringify({ format: 1, title: "第二版", sections: [], document: { ...doc, title: "重新发布测试（第二版）" } })],
    );

    const after = await page.goto(url);
    expect(after?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第二版）");
    await expect(page.getByText("第2版（现行）")).toBeVisible();
    await expect(page.getByTestId("version-notice")).toContainText("更正说明：更正了标题。");
    // The version that did not exist a moment ago (its 404 was not cached).
    expect((await page.goto(`${url}/v/2`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第二版）");

    await page.goto(`${url}/v/1`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重新发布测试（第一版）");
    await expect(page.getByTestId("version-notice")).toContainText("该版本已于2021年11月1日被第2版更正。");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/portal-superseded-version.png` });
    await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /\/download\?format=pdf&version=1$/);
  });
});
