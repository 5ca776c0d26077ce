/**
 * WCAG 2.1 A/AA with axe-core over every kind of page (public, owner, reviewer, admin,
 * with a dialog open): no serious or critical violation may appear. Each failure names
 * the rule, the page and the elements, so the fix is found from the report alone.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { sql } from "./helpers/db";
import { newSignedInPage } from "./helpers/workflow";

// axe over a long published document takes seconds per page.
test.describe.configure({ timeout: 240_000 });

async function audit(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  // axe counts a scroller inside <fieldset disabled> (a read-only form) as unfocusable, but
  // browsers disable only form controls there: check real focus before calling it a failure.
  const bad = [];
  for (const v of serious) {
    if (v.id === "scrollable-region-focusable") {
      const focusable = await page.evaluate((selectors) => selectors.every((sel) => {
        const el = document.querySelector<HTMLElement>(sel);
        el?.focus();
        return !!el && document.activeElement === el;
      }), v.nodes.map((n) => n.target.join(" ")));
      if (focusable) continue;
    }
    bad.push(v);
  }
  const text = bad.map((v) => `${label}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`).join("\n")}`);
  return text;
}

async function visitAll(page: Page, paths: string[], label: string) {
  const problems: string[] = [];
  for (const path of paths) {
    const r = await page.goto(path);
    expect(r?.status(), path).toBeLessThan(400);
    problems.push(...(await audit(page, `${label} ${path}`)));
  }
  return problems;
}

async function ids() {
  const [published] = await sql<{ id: string }>(`SELECT r."id" FROM "Report" r WHERE r."kind" = 'PROJECT_SELF_EVALUATION' AND r."status" = 'PUBLISHED' ORDER BY r."title" LIMIT 1`);
  const [project] = await sql<{ id: string }>(`SELECT p."id" FROM "Project" p JOIN "Department" d ON d."id" = p."departmentId" WHERE d."code" = 'gy-swbb' ORDER BY p."year" DESC, p."sortOrder" LIMIT 1`);
  const [doc] = await sql<{ code: string; year: number }>(`SELECT d."code", r."year" FROM "Report" r JOIN "Department" d ON d."id" = r."departmentId" WHERE r."kind" = 'FINAL_ACCOUNTS' AND r."status" = 'PUBLISHED' LIMIT 1`);
  return { published: published!.id, project: project!.id, doc: doc! };
}

test("无障碍：公开页面与登录页没有严重或关键问题", async ({ page }) => {
  const { published, doc } = await ids();
  const problems = await visitAll(page, ["/", "/portal", `/portal/${doc.code}`, `/portal/${doc.code}/${doc.year}/catalog`, `/portal/${doc.code}/${doc.year}`, "/portal/search?q=编办", `/published/${published}`, "/login"], "公众");
  expect(problems, problems.join("\n")).toEqual([]);
});

test("无障碍：填报人、审核人、管理员的页面没有严重或关键问题（含打开的对话框）", async ({ browser }) => {
  const { published, project, doc } = await ids();
  const problems: string[] = [];
  const owner = await newSignedInPage(browser, "owner", "Owner@2020");
  problems.push(
    ...(await visitAll(
      owner,
      ["/dashboard", "/projects", "/projects/new", `/projects/${project}`, `/projects/${project}/indicators`, "/reports", `/reports/${published}`, "/final-accounts", `/final-accounts/${doc.code}/${doc.year}`],
      "填报人",
    )),
  );
  const reviewer = await newSignedInPage(browser, "reviewer", "Review@2020");
  problems.push(...(await visitAll(reviewer, ["/dashboard", "/reports", `/reports/${published}`, "/audit"], "审核人")));
  const admin = await newSignedInPage(browser, "admin", "Admin@2020");
  problems.push(...(await visitAll(admin, ["/admin", "/admin/function-classes", "/audit"], "管理员")));
  // A dialog open: the admin's 重新打开以更正 on a published report.
  await admin.goto(`/reports/${published}`);
  await admin.getByRole("button", { name: "重新打开以更正" }).click();
  await expect(admin.getByRole("dialog")).toBeVisible();
  problems.push(...(await audit(admin, "管理员（对话框）")));
  expect(problems, problems.join("\n")).toEqual([]);
});
