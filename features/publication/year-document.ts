/**
 * One department's published year (部门决算公开) as one plain, serialisable object:
 * what the public page, the PDF/Word/Excel files and the open-data JSON/CSV all
 * render. Totals, shares, completion rates and year-on-year changes are computed
 * from the stored lines (never typed) by lib/year-figures, printed as the official
 * tables print them (万元 and % with two decimals), and set beside what the document
 * printed so that disagreements are shown, not hidden.
 */
import type { Db } from "@/lib/db-client";
import { Decimal, formatWan, sum, yuanToWanText } from "@/lib/money";
import { readSnapshotSections } from "@/lib/report-snapshot";
import { computeYearFigures, type Change } from "@/lib/year-figures/compute";

type D = { toString(): string } | null | undefined;
const wan = (v: D) => (v == null ? null : formatWan(v));
const sumOf = (xs: D[]) => sum(xs);

export type YearDocumentRef = { departmentCode: string; year: number };

export async function loadYearDocument(db: Db, ref: YearDocumentRef) {
  const dy = await db.departmentYear.findFirst({
    where: { year: ref.year, department: { code: ref.departmentCode } },
    include: {
      department: { include: { subUnits: { orderBy: { sortOrder: "asc" } } } },
      incomeLines: true,
      expenditureLines: { orderBy: { sortOrder: "asc" }, include: { functionClass: { include: { parent: { include: { parent: true } } } } } },
      threePublicLines: true,
      figures: true,
      basicItems: { orderBy: { sortOrder: "asc" } },
      glossary: { orderBy: { sortOrder: "asc" } },
      // The year document itself in any status (a draft is previewed and checked the same way);
      // its attachments only as published.
      reports: {
        include: { sections: { orderBy: { sortOrder: "asc" } }, publications: { orderBy: { versionNo: "desc" }, take: 1 } },
      },
      projects: {
        orderBy: { sortOrder: "asc" },
        include: {
          funding: true,
          indicators: { orderBy: { sortOrder: "asc" }, include: { level1: { select: { name: true } }, level2: { select: { name: true } } } },
          report: { select: { id: true, status: true } },
        },
      },
    },
  });
  const yearDoc = dy?.reports.find((r) => r.kind === "FINAL_ACCOUNTS");
  if (!dy || !yearDoc) return null;
  const prior = await db.departmentYear.findFirst({ where: { departmentId: dy.departmentId, year: dy.year - 1 }, include: { figures: true } });

  const fig = (key: string) => dy.figures.find((f) => f.key === key);
  // 上年决算数: as entered with this year's accounts, else the previous year's own figure.
  const priorFig = (key: string) => fig(`prior.${key}`)?.amount ?? prior?.figures.find((f) => f.key === key)?.amount ?? null;
  // A change against the previous year as the document prints it (万元 and % with two decimals).
  const printed = (c: Change | null) => (c == null ? null : { previous: wan(c.previous), change: wan(c.change), percent: c.percent });

  // ── computed from lines (lib/year-figures; amounts in 元) ──
  const f = computeYearFigures({
    income: dy.incomeLines.map((l) => ({ source: l.source, amount: l.amount })),
    lines: dy.expenditureLines.map((l) => {
      const cls = l.functionClass.parent?.parent ?? l.functionClass.parent ?? l.functionClass;
      return { code: l.functionCode, classCode: cls.code, className: cls.name, basic: l.basic, project: l.project, budget: l.budget };
    }),
    openingBalance: fig("balance.opening")?.amount,
    threePublic: dy.threePublicLines.map((l) => ({ kind: l.kind, amount: l.amount })),
    operatingExpenses: fig("operatingExpenses")?.amount,
    prior: {
      incomeExpenditure: priorFig("total.incomeExpenditure"),
      fiscal: priorFig("fiscal.total"),
      generalBudget: priorFig("generalBudget.expenditure"),
      vehicles: priorFig("threePublic.vehicles"),
      reception: priorFig("threePublic.reception"),
      operatingExpenses: priorFig("operatingExpenses"),
    },
  });
  const e = f.expenditure;

  const publication = yearDoc.publications[0];
  const sections = yearDoc.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body }));
  const overall = dy.reports.find((r) => r.kind === "DEPARTMENT_OVERALL" && r.status === "PUBLISHED");
  const selfEvaluations = dy.reports.filter((r) => r.kind === "PROJECT_SELF_EVALUATION" && r.status === "PUBLISHED");

  return {
    ref,
    reportId: yearDoc.id,
    title: yearDoc.title,
    publishedAt: publication?.publishedAt.toISOString() ?? yearDoc.publishedAt?.toISOString() ?? null,
    versionNo: publication?.versionNo ?? 1,
    correctionNote: publication?.correctionNote ?? "",
    department: {
      name: dy.department.name,
      shortName: dy.department.shortName,
      region: dy.department.region,
      subUnits: dy.department.subUnits.map((u) => ({ name: u.name, unitKind: u.unitKind, isBudgetUnit: u.isBudgetUnit })),
    },
    staffing: {
      authorized: { total: dy.staffAuthorizedTotal, administrative: dy.staffAuthorizedAdministrative, institution: dy.staffAuthorizedInstitution, logistics: dy.staffAuthorizedLogistics },
      actual: { total: dy.staffActualTotal, administrative: dy.staffActualAdministrative, institution: dy.staffActualInstitution, logistics: dy.staffActualLogistics },
      retired: dy.staffRetired,
    },
    /** Narrative sections of the year document in printed order (第一部分, 第二部分 …, 名词解释). */
    sections,
    totals: {
      incomeExpenditure: { amount: wan(f.incomeExpenditure), printed: wan(fig("total.incomeExpenditure")?.amount), ...printed(f.changes.incomeExpenditure) },
      income: { amount: wan(f.income.total), printed: wan(fig("total.income")?.amount) },
      expenditure: { amount: wan(e.total), printed: wan(fig("total.expenditure")?.amount) },
      basic: { amount: wan(e.basic), share: e.basicShare, printed: wan(fig("expenditure.basic")?.amount) },
      project: { amount: wan(e.project), share: e.projectShare, printed: wan(fig("expenditure.project")?.amount) },
      fiscal: { amount: wan(f.fiscalIncome), printed: wan(fig("fiscal.total")?.amount), ...printed(f.changes.fiscal) },
      generalBudget: { amount: wan(e.total), budget: wan(e.budget), completion: e.completion, printed: wan(fig("generalBudget.expenditure")?.amount), ...printed(f.changes.generalBudget) },
      openingBalance: wan(f.openingBalance),
      closingBalance: wan(fig("balance.closing")?.amount),
    },
    income: f.income.bySource.map((l) => ({ source: l.source, amount: wan(l.amount), share: l.share })),
    byClass: f.byClass.map((c) => ({ code: c.code, name: c.name, amount: wan(c.amount), share: c.share })),
    expenditureLines: dy.expenditureLines.map((l, i) => ({
      code: l.functionCode,
      className: l.functionClass.parent?.parent?.name ?? "",
      subclassName: l.functionClass.parent?.name ?? "",
      itemName: l.functionClass.name,
      budget: wan(l.budget),
      basic: wan(l.basic),
      project: wan(l.project),
      amount: wan(f.lines[i]!.total),
      completion: f.lines[i]!.completion,
      reason: l.reason,
    })),
    basicItems: {
      personnel: { amount: wan(fig("basic.personnel")?.amount), items: dy.basicItems.filter((b) => b.category === "PERSONNEL").map((b) => b.name) },
      publicUse: { amount: wan(fig("basic.publicUse")?.amount), items: dy.basicItems.filter((b) => b.category === "PUBLIC_USE").map((b) => b.name) },
    },
    threePublic: {
      total: wan(f.threePublic.total),
      budget: wan(fig("threePublic.budget")?.amount),
      lines: dy.threePublicLines.map((l, i) => ({ kind: l.kind, amount: wan(l.amount), budget: wan(l.budget), share: f.threePublic.byKind[i]!.share, batches: l.batches, persons: l.persons, description: l.description })),
      vehicles: { amount: wan(f.threePublic.vehicles.amount), share: f.threePublic.vehicles.share, ...printed(f.changes.vehicles) },
      reception: { amount: wan(f.threePublic.reception.amount), share: f.threePublic.reception.share, ...printed(f.changes.reception) },
    },
    // 核实说明 (explain.*) are notes for the reviewer, not part of the published document.
    figures: Object.fromEntries(dy.figures.filter((f) => !f.key.startsWith("explain.")).map((f) => [f.key, { amount: wan(f.amount), quantity: f.quantity, text: f.text }])),
    operatingExpenses: { amount: wan(f.operatingExpenses), ...printed(f.changes.operatingExpenses) },
    projects: dy.projects.map((p, i) => {
      const f = (source: string) => p.funding.find((x) => x.source === source);
      const fiscal = f("FISCAL");
      const others = p.funding.filter((x) => x.source !== "FISCAL");
      return {
        table: i + 1,
        name: p.name,
        budgetUnit: p.implementingUnit,
        budget: yuanToWanText(sumOf(p.funding.map((x) => x.annualBudget))),
        executed: yuanToWanText(sumOf(p.funding.map((x) => x.executed))),
        fiscalBudget: yuanToWanText(fiscal?.annualBudget ?? 0),
        fiscalExecuted: yuanToWanText(fiscal?.executed ?? 0),
        otherBudget: yuanToWanText(sumOf(others.map((x) => x.annualBudget))),
        otherExecuted: yuanToWanText(sumOf(others.map((x) => x.executed))),
        goalExpected: p.goalExpected,
        goalActual: p.goalActual,
        indicators: p.indicators.map((ind) => {
          const quantitative = ind.nature !== "QUALITATIVE";
          const num = (v: D) => (v == null ? "" : `${new Decimal(v.toString()).toFixed()}${ind.unit ?? ""}`);
          return {
            level1: ind.level1.name,
            level2: ind.level2.name,
            name: ind.name,
            expected: quantitative ? [num(ind.targetValue), ind.targetText].filter(Boolean).join(" ") : ind.targetText,
            actual: quantitative ? [num(ind.actualValue), ind.actualText].filter(Boolean).join(" ") : ind.actualText,
          };
        }),
        selfEvaluationReportId: p.report?.status === "PUBLISHED" ? p.report.id : null,
      };
    }),
    glossary: dy.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    attachments: {
      overall: overall ? { id: overall.id, title: overall.title, sections: overall.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })) } : null,
      selfEvaluations: selfEvaluations.map((r) => {
        const published = r.publications[0] ? readSnapshotSections(r.publications[0].snapshot) : null;
        return { id: r.id, title: r.title, sections: published ?? r.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })) };
      }),
    },
  };
}

export type YearDocument = NonNullable<Awaited<ReturnType<typeof loadYearDocument>>>;
