/**
 * Loads a transcribed 部门决算公开 fixture (fixture-types.ts) into the database.
 *
 * Printed figures are stored as printed (万元 → 元, exact). A few figures the data
 * model needs but the document only implies are derived here, each marked in its
 * FinalAccountFigure.text or noted below, never silently:
 * - the prior year's summary figures (2020 figure ± the printed change);
 * - 年初/年末结转和结余 (收支总计 − 本年收入 / − 本年支出);
 * - the budget of each 功能分类 项 (决算数 ÷ printed 完成预算 %, to the 分), which
 *   reproduces the printed percentages and adds up to 财政拨款收入.
 */
import { newReportData } from "@/lib/report-create";
import { Decimal } from "@prisma/client/runtime/client";
import type { TxClient } from "../../lib/db-client";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { UnitKind } from "../../lib/generated/prisma/enums";
import { loadYearDocument } from "../../features/publication/year-document";
import type { PriorYearComparison, SeedDepartmentYear, WanYuan } from "./fixture-types";

const yuan = (wan: WanYuan | Decimal) => new Decimal(wan).times(10000);

const UNIT_KINDS: Record<string, UnitKind> = {
  参照公务员法管理的事业单位: "CIVIL_SERVANT_MANAGED",
  其他事业单位: "PUBLIC_INSTITUTION",
  行政单位: "ADMINISTRATIVE",
};

function priorFrom(current: WanYuan, c: PriorYearComparison): Decimal {
  const cur = new Decimal(current);
  return c.direction === "decrease" ? cur.plus(c.changeAmount) : cur.minus(c.changeAmount);
}

/** Every {heading, text} printed section inside an object, keyed by its path. */
function printedSections(obj: unknown, prefix: string, out: { key: string; heading: string; body: string }[] = []) {
  if (!obj || typeof obj !== "object") return out;
  const rec = obj as Record<string, unknown>;
  if (typeof rec.partHeading === "string") out.push({ key: `${prefix}.part`, heading: rec.partHeading, body: "" });
  if (typeof rec.heading === "string") {
    // A heading without text of its own groups the sub-sections that follow.
    out.push({ key: prefix, heading: rec.heading, body: typeof rec.text === "string" ? rec.text : "" });
  } else if (typeof rec.label === "string" && typeof rec.text === "string" && prefix.split(".").at(-2) === "detail") {
    // 三公 items (因公出国(境) / 公务用车 / 公务接待): printed paragraphs under their label
    // (their sub-items' texts are part of these paragraphs).
    out.push({ key: prefix, heading: rec.label, body: rec.text });
  }
  for (const [k, v] of Object.entries(rec)) {
    if (v && typeof v === "object" && !Array.isArray(v)) printedSections(v, `${prefix}.${k}`, out);
  }
  return out;
}

export type LoadOptions = {
  departmentCode: string;
  frameworkCode: string;
  publishedAt: Date;
};

export async function loadDepartmentYear(tx: TxClient, f: SeedDepartmentYear, opts: LoadOptions) {
  const framework = await tx.indicatorFramework.findUniqueOrThrow({
    where: { code: opts.frameworkCode },
    include: { level1: { include: { level2: true } } },
  });
  const year = f.fiscalYear;
  const priorYear = f.finalAccounts.overview.comparison.priorYear;

  for (const y of [priorYear, year]) {
    await tx.fiscalYear.upsert({ where: { year: y }, create: { year: y, frameworkId: framework.id, status: "CLOSED" }, update: {} });
  }

  // ── department, sub-units, staffing ──
  const d = f.department;
  const department = await tx.department.create({
    data: { code: opts.departmentCode, name: d.name, shortName: d.shortName, region: d.region, unitKind: "ADMINISTRATIVE" },
  });
  for (const [i, u] of d.subUnits.entries()) {
    const unitKind = UNIT_KINDS[u.category];
    if (!unitKind) throw new Error(`未知的单位类型: ${u.category}`);
    await tx.department.create({
      data: {
        code: `${opts.departmentCode}-${i + 1}`,
        name: u.name,
        shortName: u.name,
        region: d.region,
        unitKind,
        isBudgetUnit: d.secondLevelBudgetUnits.some((b) => b.name === u.name),
        parentId: department.id,
        sortOrder: i + 1,
      },
    });
  }
  const staff = (group: typeof d.staffing.establishment, cat: string) => group.breakdown.find((b) => b.category === cat)?.count ?? null;
  const dy = await tx.departmentYear.create({
    data: {
      departmentId: department.id,
      year,
      staffAuthorizedTotal: d.staffing.establishment.total,
      staffAuthorizedAdministrative: staff(d.staffing.establishment, "administrative"),
      staffAuthorizedInstitution: staff(d.staffing.establishment, "publicInstitution"),
      staffAuthorizedLogistics: staff(d.staffing.establishment, "worker"),
      staffActualTotal: d.staffing.inService.total,
      staffActualAdministrative: staff(d.staffing.inService, "administrative"),
      staffActualInstitution: staff(d.staffing.inService, "publicInstitution"),
      staffActualLogistics: staff(d.staffing.inService, "worker"),
      staffRetired: d.staffing.retired.count,
    },
  });

  // ── final accounts of the year ──
  const fa = f.finalAccounts;
  const figures: Prisma.FinalAccountFigureCreateManyInput[] = [];
  const fig = (key: string, amount: WanYuan | Decimal | null, text = "", quantity: number | null = null) =>
    figures.push({ departmentYearId: dy.id, key, amount: amount === null ? null : yuan(amount), text, quantity });

  fig("total.incomeExpenditure", fa.overview.total);
  fig("total.income", fa.income.total);
  fig("total.expenditure", fa.expenditure.total);
  fig("balance.opening", new Decimal(fa.overview.total).minus(fa.income.total), "推算：收支总计 − 本年收入合计");
  fig("balance.closing", new Decimal(fa.overview.total).minus(fa.expenditure.total), "推算：收支总计 − 本年支出合计");
  for (const k of fa.expenditure.byKind) fig(`expenditure.${k.kind}`, k.amount);
  fig("fiscal.total", fa.fiscalAppropriation.total);
  fig("generalBudget.expenditure", fa.generalBudget.overall.total);
  fig("basic.total", fa.basicExpenditure.total);
  fig("basic.personnel", fa.basicExpenditure.personnel.amount);
  fig("basic.publicUse", fa.basicExpenditure.publicOperating.amount);
  fig("threePublic.total", fa.threePublicExpenses.overall.total);
  fig("govFund.expenditure", fa.governmentFund.amount);
  fig("soeCapital.expenditure", fa.stateCapital.amount);
  const om = fa.otherMatters;
  fig("operatingExpenses", om.operatingExpenses.amount);
  fig("procurement.total", om.procurement.total);
  fig("procurement.goods", om.procurement.goods);
  fig("procurement.works", om.procurement.works);
  fig("procurement.services", om.procurement.services);
  fig("procurement.sme", om.procurement.smeContractAmount);
  fig("assets.vehicles", null, om.stateAssets.vehicles.kinds.map((k) => `${k.kind}${k.count}辆`).join("、"), om.stateAssets.vehicles.total);
  fig("assets.generalEquipmentOver50Wan", null, "", om.stateAssets.generalEquipmentOver50Wan);
  fig("assets.specialEquipmentOver100Wan", null, "", om.stateAssets.specialEquipmentOver100Wan);
  fig("performance.projectsWithGoals", null, "", om.performanceManagement.evaluatedProjectCount);
  await tx.finalAccountFigure.createMany({ data: figures });

  for (const s of fa.income.bySource) {
    if (s.label !== "一般公共预算财政拨款收入") throw new Error(`未映射的收入来源: ${s.label}`);
    await tx.incomeLine.create({ data: { departmentYearId: dy.id, source: "GENERAL_BUDGET", amount: yuan(s.amount) } });
  }

  const projectTotal = fa.expenditure.byKind.find((k) => k.kind === "project")?.amount ?? "0";
  for (const [i, item] of fa.generalBudget.detail.items.entries()) {
    const amount = new Decimal(item.amount);
    const rate = new Decimal(item.completionRate);
    const budget = rate.isZero() ? null : amount.times(100).dividedBy(rate).toDecimalPlaces(2);
    // The 一般行政管理事务 line equals 项目支出 (72.51): the projects are paid from it.
    const isProject = amount.equals(projectTotal) && item.itemName.startsWith("一般行政管理事务");
    await tx.expenditureLine.create({
      data: {
        departmentYearId: dy.id,
        functionCode: item.code,
        fundType: "GENERAL_BUDGET",
        budget: budget ? yuan(budget) : null,
        basic: isProject ? 0 : yuan(amount),
        project: isProject ? yuan(amount) : 0,
        reason: item.explanation ?? "",
        sortOrder: i,
      },
    });
  }

  const basicItems = [
    ...fa.basicExpenditure.personnel.items.map((name) => ({ category: "PERSONNEL" as const, name })),
    ...fa.basicExpenditure.publicOperating.items.map((name) => ({ category: "PUBLIC_USE" as const, name })),
  ];
  await tx.basicExpenditureItem.createMany({ data: basicItems.map((b, i) => ({ ...b, departmentYearId: dy.id, sortOrder: i })) });

  const tp = fa.threePublicExpenses.detail;
  const receptionBudget = tp.reception.completionRate && !new Decimal(tp.reception.completionRate).isZero()
    ? new Decimal(tp.reception.amount).times(100).dividedBy(tp.reception.completionRate).toDecimalPlaces(2)
    : null;
  await tx.threePublicLine.createMany({
    data: [
      { departmentYearId: dy.id, kind: "ABROAD", amount: yuan(tp.outboundTravel.amount), description: tp.outboundTravel.text },
      { departmentYearId: dy.id, kind: "VEHICLE_PURCHASE", amount: yuan(tp.vehicles.purchase.amount), description: tp.vehicles.purchase.text },
      {
        departmentYearId: dy.id,
        kind: "VEHICLE_OPERATION",
        amount: yuan(tp.vehicles.operation.amount),
        description: tp.vehicles.operation.usage,
        reason: tp.vehicles.comparison?.reason ?? "",
      },
      {
        departmentYearId: dy.id,
        kind: "RECEPTION_DOMESTIC",
        amount: yuan(tp.reception.domestic.amount),
        budget: receptionBudget ? yuan(receptionBudget) : null,
        batches: tp.reception.domestic.batches ?? null,
        persons: tp.reception.domestic.personTimes ?? null,
        description: tp.reception.domestic.usage,
        reason: tp.reception.comparison?.reason ?? "",
      },
      { departmentYearId: dy.id, kind: "RECEPTION_FOREIGN", amount: yuan(tp.reception.foreign.amount), description: tp.reception.foreign.text },
    ],
  });

  await tx.glossaryTerm.createMany({
    data: f.glossary.map((g) => ({ departmentYearId: dy.id, term: g.term, definition: g.definition, sortOrder: g.number })),
  });

  // ── the prior year, known only from this year's comparisons ──
  const prior = await tx.departmentYear.create({ data: { departmentId: department.id, year: priorYear } });
  const note = `推算：${year}年决算公开所列同比变动`;
  const priorFigures: [string, Decimal][] = [
    ["total.incomeExpenditure", priorFrom(fa.overview.total, fa.overview.comparison)],
    ["fiscal.total", priorFrom(fa.fiscalAppropriation.total, fa.fiscalAppropriation.comparison)],
    ["generalBudget.expenditure", priorFrom(fa.generalBudget.overall.total, fa.generalBudget.overall.comparison)],
    ["operatingExpenses", priorFrom(om.operatingExpenses.amount, om.operatingExpenses.comparison)],
  ];
  if (tp.vehicles.comparison) priorFigures.push(["threePublic.vehicles", priorFrom(tp.vehicles.amount, tp.vehicles.comparison)]);
  if (tp.reception.comparison) priorFigures.push(["threePublic.reception", priorFrom(tp.reception.amount, tp.reception.comparison)]);
  await tx.finalAccountFigure.createMany({
    data: priorFigures.map(([key, wan]) => ({ departmentYearId: prior.id, key, amount: yuan(wan), text: note })),
  });

  // ── projects ──
  const level = (l1: string, l2: string) => {
    const a = framework.level1.find((x) => x.name === l1);
    const b = a?.level2.find((x) => x.name === l2);
    if (!a || !b) throw new Error(`指标体系“${framework.name}”中没有 ${l1} / ${l2}`);
    return { level1Id: a.id, level2Id: b.id };
  };
  const projectIds = new Map<number, string>();
  for (const p of f.projects) {
    const e = p.execution;
    const project = await tx.project.create({
      data: {
        departmentId: department.id,
        departmentYearId: dy.id,
        year,
        name: p.name,
        competentDepartment: p.budgetUnit,
        implementingUnit: p.budgetUnit,
        frameworkId: framework.id,
        goalExpected: p.annualGoal.expected,
        goalActual: p.annualGoal.actual,
        sortOrder: p.index,
        funding: {
          create: [
            { source: "FISCAL", initialBudget: yuan(e.fiscalBudget), annualBudget: yuan(e.fiscalBudget), executed: yuan(e.fiscalExecuted) },
            { source: "OTHER", initialBudget: yuan(e.otherBudget), annualBudget: yuan(e.otherBudget), executed: yuan(e.otherExecuted) },
          ],
        },
        allocations: {
          create: p.fundAllocation.items.map((a, i) => ({ item: a.item, label: a.label, amount: yuan(a.amount), sortOrder: i })),
        },
        indicators: {
          create: p.indicators.map((row, i) => ({
            sortOrder: i,
            ...level(row.level1, row.level2),
            name: row.level3,
            nature: "QUALITATIVE" as const,
            targetText: row.expectedValue,
            actualText: row.actualValue,
          })),
        },
      },
    });
    projectIds.set(p.index, project.id);
  }

  // ── reports: the published year document, the overall report, the self-evaluations ──
  const publish = async (
    report: { kind: "FINAL_ACCOUNTS" | "DEPARTMENT_OVERALL" | "PROJECT_SELF_EVALUATION"; title: string; projectId?: string },
    sections: { key: string; heading: string; body: string }[],
    extra: (reportId: string) => Promise<Record<string, unknown>> = async () => ({}),
  ) => {
    const created = await tx.report.create({
      data: newReportData(
        { ...report, departmentYear: { id: dy.id, departmentId: department.id, year }, sections },
        { status: "PUBLISHED", submittedAt: opts.publishedAt, decidedAt: opts.publishedAt, publishedAt: opts.publishedAt },
      ),
    });
    await tx.reportPublication.create({
      data: {
        reportId: created.id,
        versionNo: 1,
        publishedAt: opts.publishedAt,
        snapshot: { format: 1, source: "seed", title: report.title, sections, ...(await extra(created.id)) } as Prisma.InputJsonValue,
      },
    });
    return created;
  };

  const pr = f.profile;
  const profileSections = [
    { key: "profile.part", heading: pr.partHeading, body: "" },
    { key: "profile.section", heading: pr.sectionHeading, body: "" },
    {
      key: "profile.duties",
      heading: pr.dutiesHeading,
      body: [pr.dutiesIntro, pr.dutiesLead, ...pr.duties.map((x, i) => `${i + 1}.${x}`)].join("\n"),
    },
    { key: "profile.keyWork", heading: pr.keyWorkHeading, body: pr.keyWork.map((k) => `${k.number}.${k.title}${k.body}`).join("\n") },
    { key: "profile.organization", heading: pr.organizationHeading, body: pr.organizationText },
  ];
  const pm = om.performanceManagement;
  const performanceSections = [
    { key: "finalAccounts.otherMatters.performanceManagement", heading: pm.heading, body: pm.paragraphs.join("\n") },
    {
      key: "finalAccounts.otherMatters.performanceManagement.projectGoals",
      heading: pm.projectGoals.heading,
      body: [pm.projectGoals.intro, ...pm.projectGoals.summaries.map((s) => `（${s.number}）${s.title}${s.body}`)].join("\n"),
    },
    { key: "finalAccounts.otherMatters.performanceManagement.evaluationResult", heading: pm.evaluationResult.heading, body: pm.evaluationResult.text },
  ];
  await publish(
    { kind: "DEPARTMENT_OVERALL", title: f.overallReport.title },
    f.overallReport.sections,
  );
  for (const r of f.selfEvaluationReports) {
    const projectId = projectIds.get(r.projectIndex);
    if (!projectId) throw new Error(`自评报告对应的项目不存在: ${r.projectIndex}`);
    await publish({ kind: "PROJECT_SELF_EVALUATION", title: r.title, projectId }, r.sections);
  }

  // Last: the year document embeds the published attachments above.
  await publish(
    { kind: "FINAL_ACCOUNTS", title: `${d.name}${year}年度部门决算公开` },
    [
      ...profileSections,
      ...printedSections(fa, "finalAccounts").filter((s) => !performanceSections.some((p) => p.key === s.key)),
      ...performanceSections,
      { key: "glossary", heading: f.glossaryHeading, body: "" },
    ],
    // The year document as published: what the public portal and downloads render.
    async () => ({ document: await loadYearDocument(tx, { departmentCode: opts.departmentCode, year }) }),
  );
  return { department, departmentYear: dy, projectCount: f.projects.length };
}
