/**
 * One department's published year (部门决算公开) as one plain, serialisable object:
 * what the public page, the PDF/Word/Excel files and the open-data JSON/CSV all
 * render. Totals, shares, completion rates and year-on-year changes are computed
 * here from the stored lines (never typed), rounded as the official tables print
 * them (万元 and % with two decimals), and set beside what the document printed so
 * that disagreements are shown, not hidden.
 */
import type { Db } from "@/lib/db-client";
import { Decimal, formatWan, percent, sum, yuanToWanText } from "@/lib/money";
import { readSnapshotSections } from "@/lib/report-snapshot";

type D = { toString(): string } | null | undefined;
const wan = (v: D) => (v == null ? null : formatWan(v));
const pct = (part: D | Decimal, whole: D | Decimal) => percent(part, whole);
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
  const change = (current: D, previous: D) =>
    current == null || previous == null
      ? null
      : { previous: wan(previous), change: wan(new Decimal(current.toString()).minus(previous.toString())), percent: pct(new Decimal(current.toString()).minus(previous.toString()), previous) };

  // ── computed from lines ──
  const income = sumOf(dy.incomeLines.map((l) => l.amount));
  const lines = dy.expenditureLines.map((l) => ({ ...l, total: new Decimal(l.basic.toString()).plus(l.project.toString()) }));
  const expenditure = sumOf(lines.map((l) => l.total));
  const basic = sumOf(lines.map((l) => l.basic));
  const project = sumOf(lines.map((l) => l.project));
  const budget = sumOf(lines.map((l) => l.budget));
  const classes = new Map<string, { code: string; name: string; amount: Decimal }>();
  for (const l of lines) {
    const cls = l.functionClass.parent?.parent ?? l.functionClass.parent ?? l.functionClass;
    const c = classes.get(cls.code) ?? { code: cls.code, name: cls.name, amount: new Decimal(0) };
    c.amount = c.amount.plus(l.total);
    classes.set(cls.code, c);
  }
  const opening = fig("balance.opening")?.amount;
  const totalIncomeExpenditure = opening == null ? null : income.plus(opening.toString());
  const threePublic = sumOf(dy.threePublicLines.map((l) => l.amount));
  const tp = (kind: string) => dy.threePublicLines.find((l) => l.kind === kind);
  const vehicles = sumOf([tp("VEHICLE_PURCHASE")?.amount, tp("VEHICLE_OPERATION")?.amount]);
  const reception = sumOf([tp("RECEPTION_DOMESTIC")?.amount, tp("RECEPTION_FOREIGN")?.amount]);

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
      incomeExpenditure: { amount: wan(totalIncomeExpenditure), printed: wan(fig("total.incomeExpenditure")?.amount), ...change(totalIncomeExpenditure, priorFig("total.incomeExpenditure")) },
      income: { amount: wan(income), printed: wan(fig("total.income")?.amount) },
      expenditure: { amount: wan(expenditure), printed: wan(fig("total.expenditure")?.amount) },
      basic: { amount: wan(basic), share: pct(basic, expenditure), printed: wan(fig("expenditure.basic")?.amount) },
      project: { amount: wan(project), share: pct(project, expenditure), printed: wan(fig("expenditure.project")?.amount) },
      fiscal: { amount: wan(income), printed: wan(fig("fiscal.total")?.amount), ...change(income, priorFig("fiscal.total")) },
      generalBudget: { amount: wan(expenditure), budget: wan(budget), completion: pct(expenditure, budget), printed: wan(fig("generalBudget.expenditure")?.amount), ...change(expenditure, priorFig("generalBudget.expenditure")) },
      openingBalance: wan(opening),
      closingBalance: wan(fig("balance.closing")?.amount),
    },
    income: dy.incomeLines.map((l) => ({ source: l.source, amount: wan(l.amount), share: pct(l.amount, income) })),
    byClass: [...classes.values()].map((c) => ({ code: c.code, name: c.name, amount: wan(c.amount), share: pct(c.amount, expenditure) })),
    expenditureLines: lines.map((l) => ({
      code: l.functionCode,
      className: l.functionClass.parent?.parent?.name ?? "",
      subclassName: l.functionClass.parent?.name ?? "",
      itemName: l.functionClass.name,
      budget: wan(l.budget),
      basic: wan(l.basic),
      project: wan(l.project),
      amount: wan(l.total),
      completion: pct(l.total, l.budget),
      reason: l.reason,
    })),
    basicItems: {
      personnel: { amount: wan(fig("basic.personnel")?.amount), items: dy.basicItems.filter((b) => b.category === "PERSONNEL").map((b) => b.name) },
      publicUse: { amount: wan(fig("basic.publicUse")?.amount), items: dy.basicItems.filter((b) => b.category === "PUBLIC_USE").map((b) => b.name) },
    },
    threePublic: {
      total: wan(threePublic),
      budget: wan(fig("threePublic.budget")?.amount),
      lines: dy.threePublicLines.map((l) => ({ kind: l.kind, amount: wan(l.amount), budget: wan(l.budget), share: pct(l.amount, threePublic), batches: l.batches, persons: l.persons, description: l.description })),
      vehicles: { amount: wan(vehicles), share: pct(vehicles, threePublic), ...change(vehicles, priorFig("threePublic.vehicles")) },
      reception: { amount: wan(reception), share: pct(reception, threePublic), ...change(reception, priorFig("threePublic.reception")) },
    },
    // 核实说明 (explain.*) are notes for the reviewer, not part of the published document.
    figures: Object.fromEntries(dy.figures.filter((f) => !f.key.startsWith("explain.")).map((f) => [f.key, { amount: wan(f.amount), quantity: f.quantity, text: f.text }])),
    operatingExpenses: { amount: wan(fig("operatingExpenses")?.amount), ...change(fig("operatingExpenses")?.amount, priorFig("operatingExpenses")) },
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
