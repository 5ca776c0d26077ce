import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { finalAccountsSections } from "../../features/final-accounts/template";
import { DEPARTMENT_OVERALL_SECTIONS, SELF_EVALUATION_SECTIONS } from "../../features/reports/template";
import { signIn } from "./helpers/accounts";
import { insertIndicators, newDepartmentWithOwner, sql } from "./helpers/db";
import { act, newSignedInPage, toolbar, actTo, reloadShows } from "./helpers/workflow";
import { createProjectInForm, createSelfEvaluationInPage } from "./helpers/projects";

const REQUIRED = SELF_EVALUATION_SECTIONS.filter((s) => s.required);
const heading = (key: string) => SELF_EVALUATION_SECTIONS.find((s) => s.key === key)!.heading;

/** Narrative as an owner would write it; 2.1 states a budget that disagrees with the project (a warning, not a block). */
const BODIES: Record<string, string> = {
  "2.1": "本项目全年预算20万元，由市财政局批复下达。",
  "5.3": "建议继续加强项目管理。<script>window.__injected = 1</script><b>此处文字按原样显示</b>",
};
const bodyOf = (key: string) => BODIES[key] ?? `${heading(key)}：本部门按照规定认真开展，情况良好。\n第二段：各项工作按计划完成。`;

test("自评报告全流程：填写、被拦下的提交、退回与意见、修改重交、通过、公开、更正后第2版公开", async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync("tests/e2e/.artifacts", { recursive: true });
  const projectName = `报告流程测试项目${randomBytes(2).toString("hex")}`;
  const title = `${projectName}项目支出绩效自评报告`;
  const { username, password } = await newDepartmentWithOwner({ year: 2031, frameworkCode: "CY-2021-101" });

  // ── The owner creates the project (the indicator table goes in by SQL: the editor is tested elsewhere) ──
  const owner = await newSignedInPage(browser, username, password);
  const projectId = await createProjectInForm(owner, {
    year: 2031,
    name: projectName,
    initialBudget: "18",
    annualBudget: "18",
    executed: "17.5",
    goal: "举办培训班4期，政策知晓率达到90%以上。",
    achieved: "举办培训班4期，政策知晓率95%。",
  });

  const rows = [
    { l1: "产出指标", l2: "数量指标", name: "举办培训班期数", target: 4, actual: 4, unit: "期", weight: 30 },
    { l1: "产出指标", l2: "质量指标", name: "任务完成率", target: 100, actual: 100, unit: "%", weight: 20 },
    { l1: "效益指标", l2: "社会效益指标", name: "政策知晓率", target: 90, actual: 95, unit: "%", weight: 30 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "服务对象满意度", target: 90, actual: 96, unit: "%", weight: 10 },
  ];
  await insertIndicators(projectId, rows);

  // ── …creates its self-evaluation report from the project's third tab ──
  await owner.reload();
  const reportId = await createSelfEvaluationInPage(owner);
  await expect(owner.getByTestId("report-title")).toHaveText(title);
  await expect(owner.getByTestId("report-status")).toHaveText("草稿");
  await expect(owner.getByTestId("check-panel")).toContainText(`须处理后才能提交（${REQUIRED.length} 项）`);
  await expect(owner.getByTestId("report-indicator-row")).toHaveCount(4);
  await expect(owner.getByTestId("funding-annual-total")).toHaveText("18.00");

  // ── …tries to submit with empty sections and is shown what blocks it ──
  await act(owner, "提交审核");
  const blocked = owner.getByTestId("submit-blocked");
  await expect(blocked).toContainText(`还有 ${REQUIRED.length} 个问题需要处理后才能提交`);
  await expect(blocked).toContainText(`“${heading("5.1")}”尚未填写`);
  await expect(owner.getByTestId("report-status")).toHaveText("草稿");

  // ── …fills every required section, saves with Ctrl+S, submits ──
  for (const s of REQUIRED) await owner.getByLabel(s.heading, { exact: true }).fill(bodyOf(s.key));
  await expect(owner.getByTestId("save-hint")).toContainText("有未保存的修改");
  await owner.getByLabel(heading("5.3"), { exact: true }).press("Control+s");
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await expect(owner.getByTestId("check-blocking")).toHaveCount(0);
  await expect(owner.getByTestId("check-warning")).toContainText(["写明全年预算20万元，与项目全年预算数18.00万元不一致"]);
  await act(owner, "提交审核");
  await expect(owner.getByTestId("report-saved")).toContainText("已提交审核");
  await expect(owner.getByTestId("report-status")).toHaveText("已提交");
  await expect(owner.getByLabel(heading("5.1"), { exact: true })).toHaveCount(0); // no longer editable

  // ── The reviewer finds it in the inbox (filtered to 已提交 by default) ──
  const reviewer = await newSignedInPage(browser, "reviewer", "Review@2020");
  await reviewer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报告" }).click();
  await expect(reviewer).toHaveURL(/\/reports$/);
  await expect(reviewer.getByTestId("notifications")).toContainText(`“${title}”已提交，等待审核`);
  const inboxRow = reviewer.getByTestId("report-row").filter({ hasText: title });
  await expect(inboxRow).toContainText("已提交");
  await expect(reviewer.getByTestId("report-row").filter({ hasText: "已公开" })).toHaveCount(0);
  await inboxRow.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/reports/${reportId}$`));
  await expect(reviewer.getByTestId("check-panel")).toContainText("请核对（1 项，不影响提交）");

  // …comments on section 2.1 in place, then returns the report with a comment (required)
  const section21 = reviewer.locator('[id="section-2.1"]');
  await section21.getByRole("button", { name: `添加意见：${heading("2.1")}` }).click();
  await section21.getByLabel(`对“${heading("2.1")}”的意见`).fill("批复金额与项目全年预算数不一致，请核实。");
  await section21.getByRole("button", { name: "提交意见" }).click();
  await expect(section21.getByTestId("report-comment")).toContainText("批复金额与项目全年预算数不一致，请核实。");
  await toolbar(reviewer).getByRole("button", { name: "退回修改" }).click();
  const returnDialog = reviewer.getByRole("dialog", { name: "退回修改" });
  await returnDialog.getByRole("button", { name: "确认退回修改" }).click();
  await expect(returnDialog.getByRole("alert")).toHaveText("退回时必须填写审核意见");
  await returnDialog.getByLabel("审核意见（必填）").fill("请核实资金申报及批复金额后重新提交。");
  await returnDialog.getByRole("button", { name: "确认退回修改" }).click();
  await expect(reviewer.getByTestId("report-status")).toHaveText("已退回");
  await expect(reviewer.getByTestId("general-comments")).toContainText("请核实资金申报及批复金额后重新提交。");
  await reviewer.screenshot({ path: "tests/e2e/.artifacts/report-page.png", fullPage: true });

  // ── The owner is notified, sees the status and the comments, fixes the section, resubmits ──
  await owner.goto("/reports");
  const note = owner.getByTestId("notification").filter({ hasText: "被退回" });
  await expect(note).toHaveAttribute("data-read", "false");
  await expect(note).toContainText("请核实资金申报及批复金额后重新提交。");
  await owner.getByRole("button", { name: "全部标为已读" }).click();
  await expect(note).toHaveAttribute("data-read", "true");
  await note.getByRole("link").click();
  await expect(owner.getByTestId("report-status")).toHaveText("已退回");
  await expect(owner.getByTestId("general-comments")).toContainText("请核实资金申报及批复金额后重新提交。");
  const ownerSection21 = owner.locator('[id="section-2.1"]');
  await expect(ownerSection21.getByTestId("report-comment")).toContainText("批复金额与项目全年预算数不一致");
  await owner.getByLabel(heading("2.1"), { exact: true }).fill("本项目全年预算18万元，由市财政局批复下达。");
  await toolbar(owner).getByRole("button", { name: "保存" }).click();
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await ownerSection21.getByRole("button", { name: "标记已解决" }).click();
  await expect(ownerSection21.getByTestId("report-comment")).toHaveAttribute("data-resolved", "true");
  await expect(owner.getByTestId("check-warning")).toHaveCount(0);
  await actTo(owner, "提交审核", "已提交");

  // ── The reviewer approves and publishes ──
  await reloadShows(reviewer, "已提交");
  await actTo(reviewer, "审核通过", "已通过");
  await actTo(reviewer, "公开", "已公开");
  // A published report takes no more comments: the reviewer is not offered 添加意见.
  await expect(reviewer.getByRole("button", { name: /^添加意见/ })).toHaveCount(0);
  await expect(reviewer.getByTestId("publication-links")).toContainText("第1版（现行）");

  // ── An anonymous visitor reads the published report ──
  const visitor = await newSignedInPage(browser);
  const first = await visitor.goto(`/published/${reportId}`);
  expect(first?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByTestId("published-version")).toHaveText("第1版");
  await expect(visitor.getByTestId("correction-notice")).toHaveCount(0);
  await expect(visitor.getByText("本项目全年预算18万元，由市财政局批复下达。")).toBeVisible();
  await expect(visitor.getByText(BODIES["5.3"]!)).toBeVisible(); // stored text, shown as text
  expect(await visitor.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await expect(visitor.getByTestId("published-section")).toHaveCount(REQUIRED.length);
  // Printed with two decimals; the exact value (rounding changed it) is on hover and for screen readers.
  await expect(visitor.getByTestId("report-score-total")).toHaveText(/^99\.72（精确值 99\.72\d*）$/);

  // ── The admin reopens it for a correction, with the reason ──
  const admin = await newSignedInPage(browser, "admin", "Admin@2020");
  await admin.goto(`/reports/${reportId}`);
  await actTo(admin, "重新打开以更正", "草稿", "更正“相关建议”中的表述。");

  // ── The owner corrects (submitting saves the edit first), the reviewer approves and publishes again ──
  await reloadShows(owner, "草稿");
  await owner.getByLabel(heading("5.3"), { exact: true }).fill("建议进一步完善项目绩效目标设置，加强过程监控。（已更正）");
  await actTo(owner, "提交审核", "已提交");
  await reviewer.reload();
  await actTo(reviewer, "审核通过", "已通过");
  await actTo(reviewer, "公开", "已公开");
  await expect(reviewer.getByTestId("publication-links")).toContainText("第2版（现行）");
  for (const action of ["创建报告", "提交审核", "退回修改", "审核通过", "公开", "重新打开以更正"]) {
    await expect(reviewer.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }

  // ── The public page shows version 2 with the correction note; version 1 stays readable ──
  await visitor.reload();
  await expect(visitor.getByTestId("published-version")).toHaveText("第2版");
  await expect(visitor.getByTestId("correction-notice")).toContainText("更正（第2版），更正说明：更正“相关建议”中的表述。");
  await expect(visitor.getByText("建议进一步完善项目绩效目标设置，加强过程监控。（已更正）")).toBeVisible();
  await visitor.screenshot({ path: "tests/e2e/.artifacts/published-report.png", fullPage: true });
  await visitor.getByTestId("correction-notice").getByRole("link", { name: /第1版/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`/published/${reportId}\\?version=1$`));
  await expect(visitor.getByTestId("published-version")).toHaveText("第1版");
  await expect(visitor.getByTestId("newer-version-notice")).toContainText("现行版本为");
  await expect(visitor.getByText(BODIES["5.3"]!)).toBeVisible();

  expect((await visitor.goto(`/published/${reportId}?version=9`))?.status()).toBe(404);
});

test("公开页面：种子数据中已公开的自评报告（只有标题和正文的旧格式快照）无需登录即可查阅", async ({ page }) => {
  const [seeded] = await sql<{ reportId: string; title: string }>(
    `SELECT r."id" AS "reportId", r."title" FROM "Report" r JOIN "ReportPublication" p ON p."reportId" = r."id"
      WHERE r."kind" = 'PROJECT_SELF_EVALUATION' AND (p."snapshot"->>'format') = '1' AND p."snapshot"::text LIKE '%五、评价结论及建议%'
      ORDER BY r."title" LIMIT 1`,
  );
  expect(seeded).toBeDefined();
  const response = await page.goto(`/published/${seeded!.reportId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seeded!.title);
  await expect(page.getByTestId("published-version")).toHaveText("第1版");
  await expect(page.getByRole("heading", { name: "五、评价结论及建议" })).toBeVisible();
  expect(await page.getByTestId("published-section").count()).toBeGreaterThan(10);
  await expect(page.getByTestId("report-project")).toHaveCount(0);

  expect((await page.goto("/published/no-such-report"))?.status()).toBe(404);
});

test("填报人创建部门整体支出绩效评价报告，章节与种子文件附件1一致", async ({ page }) => {
  await signIn(page, "owner", "Owner@2020");
  await page.goto("/reports");
  await page.getByRole("button", { name: "创建2021年部门整体支出绩效评价报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2021年部门整体支出绩效评价报告");
  for (const heading of ["一、部门（单位）概况", "（一）机构组成", "（三）人员概况", "四、评价结论及建议", "（三）改进建议"]) {
    await expect(page.getByText(heading, { exact: true }).first()).toBeVisible();
  }
  // Created once: the button is gone afterwards.
  await page.goto("/reports");
  await expect(page.getByRole("button", { name: "创建2021年部门整体支出绩效评价报告" })).toHaveCount(0);
});

test("部门整体支出绩效评价报告：数据章节按本年数据生成，可按最新数据重新生成（替换前确认，可撤销）", async ({ browser }) => {
  const { departmentId, username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2021-101" });
  const tag = departmentId.slice(-6);
  // The department's 2021 data (amounts in 元): one sub-unit, staffing, income, expenditure by 功能分类.
  await sql(
    `INSERT INTO "Department" ("id", "code", "name", "shortName", "unitKind", "isBudgetUnit", "parentId", "sortOrder", "updatedAt")
     VALUES ($1, $2, $3, $3, 'PUBLIC_INSTITUTION', true, $4, 1, now())`,
    [`${departmentId}-1`, `e2e-${tag}-1`, `测试中心${tag}`, departmentId],
  );
  const dyId = `${departmentId}-2021`;
  await sql(
    `INSERT INTO "DepartmentYear" ("id", "departmentId", "year", "staffAuthorizedTotal", "staffAuthorizedAdministrative", "staffAuthorizedInstitution",
       "staffActualTotal", "staffActualAdministrative", "staffActualInstitution", "staffRetired", "updatedAt")
     VALUES ($1, $2, 2021, 12, 8, 4, 11, 7, 4, 3, now())`,
    [dyId, departmentId],
  );
  await sql(`INSERT INTO "IncomeLine" ("id", "departmentYearId", "source", "amount") VALUES ($1, $2, 'GENERAL_BUDGET', 2000000)`, [`${dyId}-in`, dyId]);
  for (const [i, [code, budget, basic, project]] of [
    ["2011001", 1600000, 1600000, 0],
    ["2011002", 400000, 0, 300000],
    ["2210201", 100000, 100000, 0],
  ].entries()) {
    await sql(`INSERT INTO "ExpenditureLine" ("id", "departmentYearId", "functionCode", "budget", "basic", "project", "sortOrder") VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      `${dyId}-ex${i}`,
      dyId,
      code,
      budget,
      basic,
      project,
      i,
    ]);
  }

  const owner = await newSignedInPage(browser, username, password);
  await owner.goto("/reports");
  await owner.getByRole("button", { name: "创建2021年部门整体支出绩效评价报告" }).click();
  await expect(owner).toHaveURL(/\/reports\/[a-z0-9]+$/);
  const field = (key: string) => owner.getByLabel(DEPARTMENT_OVERALL_SECTIONS.find((s) => s.key === key)!.heading, { exact: true });
  await expect(field("1.1")).toHaveValue(`测试${tag}下属事业单位1个，测试中心${tag}为其他事业单位。二级预算单位1个：测试中心${tag}。`);
  await expect(field("1.3")).toHaveValue(`测试${tag}总编制12名，其中行政编制8名，事业编制4名。在职人员总数11人，其中行政人员7人，事业人员4人；退休人员3人。`);
  await expect(field("2.1")).toHaveValue("2021年本年收入合计200.00万元，其中：一般公共预算财政拨款收入200.00万元，占100.00%。");
  // 170 + 30 = 200; budget 210: 95.24%.
  await expect(field("2.2")).toHaveValue(/^2021年本年支出合计200\.00万元，其中：基本支出170\.00万元，占85\.00%；项目支出30\.00万元，占15\.00%。/);
  await expect(field("2.2")).toHaveValue(/全年预算数210\.00万元，支出决算数200\.00万元，完成预算95\.24%。$/);
  await expect(field("1.2")).toHaveValue("");
  await expect(owner.getByRole("button", { name: /^按最新数据重新生成/ })).toHaveCount(4);
  await owner.locator('[id="section-2.2"]').scrollIntoViewIfNeeded();
  await owner.screenshot({ path: "tests/e2e/.artifacts/overall-report-draft.png", fullPage: true });

  // The owner writes 2.1 in their own words; then the income changes.
  const own = "本部门2021年收入情况：详见决算报表。";
  await field("2.1").fill(own);
  await sql(`UPDATE "IncomeLine" SET "amount" = 2500000 WHERE "id" = $1`, [`${dyId}-in`]);
  const regenerate21 = owner.getByRole("button", { name: "按最新数据重新生成：（一）部门财政资金收入情况" });

  // Declining the confirmation keeps the owner's words.
  owner.once("dialog", (d) => {
    expect(d.message()).toContain("本节现有文字将被覆盖");
    void d.dismiss();
  });
  await regenerate21.click();
  await expect(owner.locator('[id="section-2.1"]').getByRole("status")).toHaveText("已取消，内容未改动。");
  await expect(field("2.1")).toHaveValue(own);

  // Confirming replaces them with the fresh figures; 撤销替换 brings them back. By keyboard.
  owner.once("dialog", (d) => void d.accept());
  await regenerate21.focus();
  await owner.keyboard.press("Enter");
  await expect(field("2.1")).toHaveValue("2021年本年收入合计250.00万元，其中：一般公共预算财政拨款收入250.00万元，占100.00%。");
  await expect(field("2.1")).toBeFocused();
  await expect(owner.getByTestId("save-hint")).toContainText("有未保存的修改");
  await owner.getByRole("button", { name: "撤销替换：（一）部门财政资金收入情况" }).click();
  await expect(field("2.1")).toHaveValue(own);

  // A section that already says what the data says is left as it is, without asking.
  await owner.getByRole("button", { name: "按最新数据重新生成：（一）机构组成" }).click();
  await expect(owner.locator('[id="section-1.1"]').getByRole("status")).toHaveText("本节内容与最新数据一致，无需更新。");

  // Nothing was saved by regenerating: the stored 2.1 is still the draft made at creation, until the owner saves.
  const reportId = owner.url().split("/").pop()!;
  const stored = async () => (await sql<{ body: string }>(`SELECT "body" FROM "ReportSection" WHERE "reportId" = $1 AND "key" = '2.1'`, [reportId]))[0]?.body;
  expect(await stored()).toContain("200.00万元");
  await field("2.1").press("Control+s");
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  expect(await stored()).toBe(own);
});

test("部门决算公开：决算情况说明按决算数据重新生成，数据中没有的原因标为【请填写】并拦下提交", async ({ browser }) => {
  const { departmentId, username, password } = await newDepartmentWithOwner({ year: 2021, frameworkCode: "CY-2021-101" });
  const owner = await newSignedInPage(browser, username, password);
  await owner.goto("/final-accounts");
  await owner.getByTestId("fa-start-2021").click();
  await expect(owner).toHaveURL(/\/final-accounts\/[^/]+\/2021$/);
  const [dy] = await sql<{ id: string }>(`SELECT "id" FROM "DepartmentYear" WHERE "departmentId" = $1 AND "year" = 2021`, [departmentId]);
  const [report] = await sql<{ id: string }>(`SELECT "id" FROM "Report" WHERE "kind" = 'FINAL_ACCOUNTS' AND "departmentYearId" = $1`, [dy!.id]);
  // The accounts (元): income 200万, 年初结转 10万, 2020's 收支总计 250万; two lines, one under budget without a reason.
  await sql(`INSERT INTO "IncomeLine" ("id", "departmentYearId", "source", "amount") VALUES ($1, $2, 'GENERAL_BUDGET', 2000000)`, [`${dy!.id}-in`, dy!.id]);
  for (const [key, amount] of [["balance.opening", 100000], ["prior.total.incomeExpenditure", 2500000]] as const) {
    await sql(`INSERT INTO "FinalAccountFigure" ("id", "departmentYearId", "key", "amount") VALUES ($1, $2, $3, $4)`, [`${dy!.id}-${key}`, dy!.id, key, amount]);
  }
  for (const [i, [code, budget, basic]] of [
    ["2011001", 1600000, 1500000],
    ["2210201", 100000, 100000],
  ].entries()) {
    await sql(`INSERT INTO "ExpenditureLine" ("id", "departmentYearId", "functionCode", "budget", "basic", "sortOrder") VALUES ($1, $2, $3, $4, $5, $6)`, [`${dy!.id}-ex${i}`, dy!.id, code, budget, basic, i]);
  }

  await owner.goto(`/reports/${report!.id}`);
  const sections = finalAccountsSections(2021);
  const heading = (key: string) => sections.find((s) => s.key === key)!.heading;
  const field = (key: string) => owner.getByLabel(heading(key), { exact: true });
  const regenerate = (key: string) => owner.getByRole("button", { name: `按最新数据重新生成：${heading(key)}` });
  await expect(owner.getByRole("button", { name: /^按最新数据重新生成/ })).toHaveCount(18);
  await expect(field("finalAccounts.income")).toHaveValue("");

  // Empty sections are filled without asking.
  await regenerate("finalAccounts.income").click();
  await expect(field("finalAccounts.income")).toHaveValue("2021年本年收入合计200.00万元，其中：一般公共预算财政拨款收入200.00万元，占100.00%。");
  await regenerate("finalAccounts.overview").click();
  // 10 + 200 = 210 against 250: −40, 16.00%; the reason is not in the data.
  await expect(field("finalAccounts.overview")).toHaveValue("2021年度收、支总计210.00万元。与2020年相比，收、支总计各减少40.00万元，下降16.00%。主要变动原因是【请填写】。");
  await expect(owner.locator('[id="section-finalAccounts.overview"]').getByRole("status")).toContainText("补充后才能提交");
  await regenerate("finalAccounts.generalBudget.detail").click();
  // 160 + 10 = 170 budget for 150 + 10 = 160: 94.12%; 150 / 160 = 93.75%.
  await expect(field("finalAccounts.generalBudget.detail")).toHaveValue(
    [
      "2021年一般公共预算支出决算数为160.00万元，完成预算94.12%。其中：",
      "1.一般公共服务（类）人力资源事务（款）行政运行（项）：支出决算为150.00万元，完成预算93.75%，决算数小于预算数的主要原因是【请填写】。",
      "2.住房保障（类）住房改革支出（款）住房公积金（项）：支出决算为10.00万元，完成预算100.00%。",
    ].join("\n"),
  );
  await owner.locator('[id="section-finalAccounts.overview"]').scrollIntoViewIfNeeded();
  await owner.screenshot({ path: "tests/e2e/.artifacts/final-accounts-report-draft.png" });

  // Saved, the check says the placeholder must be filled in before submitting.
  await field("finalAccounts.overview").press("Control+s");
  await expect(owner.getByTestId("report-saved")).toContainText("已保存");
  await expect(owner.getByTestId("check-blocking").filter({ hasText: "“一、收入支出决算总体情况说明”中还有待填写的内容（【请填写】），请补充后再提交" })).toHaveCount(1);
});
