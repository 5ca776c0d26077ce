/**
 * The seed's year document as the product computes it: every percentage agrees with
 * the printed one where the seed's own numbers agree, and where they do not
 * (421.83 computed vs 421.84 printed) both are kept side by side.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { listPublishedItemsIn } from "./portal-items";
import { loadYearDocument, type YearDocument } from "./year-document";

const t = databaseForFile({ demo: true });
let doc: YearDocument;
beforeAll(async () => {
  const d = await loadYearDocument(t.prisma, { departmentCode: "gy-swbb", year: 2020 });
  if (!d) throw new Error("no year document");
  doc = d;
});

describe("the 2020 year document of 市委编办", () => {
  it("is listed as published", async () => {
    const years = (await listPublishedItemsIn(t.prisma)).filter((i) => i.kind === "FINAL_ACCOUNTS");
    expect(years.map((y) => [y.department.shortName, y.year])).toEqual([["市委编办", 2020]]);
  });

  it("computes totals, shares and changes as printed", () => {
    expect(doc.totals.incomeExpenditure).toMatchObject({ amount: "426.81", printed: "426.81", previous: "470.26", change: "-43.45", percent: "-9.24" });
    expect(doc.totals.fiscal).toMatchObject({ amount: "426.32", previous: "459.48", change: "-33.16", percent: "-7.22" });
    expect(doc.totals.basic.share).toBe("82.81");
    expect(doc.totals.project).toMatchObject({ amount: "72.51", share: "17.19" });
    expect(doc.byClass.map((c) => [c.code, c.amount, c.share])).toEqual([
      ["201", "356.82", "84.59"],
      ["208", "25.97", "6.16"],
      ["210", "12.97", "3.07"],
      ["221", "26.07", "6.18"],
    ]);
    expect(doc.expenditureLines.map((l) => [l.code, l.amount, l.completion])).toEqual([
      ["2011001", "284.31", "98.67"],
      ["2011002", "72.51", "99.10"],
      ["2080505", "25.97", "100.00"],
      ["2101101", "12.97", "100.00"],
      ["2210201", "26.07", "100.00"],
    ]);
    expect(doc.totals.generalBudget.completion).toBe("98.95");
    expect(doc.operatingExpenses).toMatchObject({ amount: "30.14", previous: "39.29", change: "-9.15", percent: "-23.29" });
    expect(doc.threePublic.vehicles).toMatchObject({ amount: "2.92", share: "91.82", previous: "3.90", change: "-0.98", percent: "-25.13" });
    expect(doc.threePublic.reception).toMatchObject({ amount: "0.26", share: "8.18", previous: "0.43", change: "-0.17", percent: "-39.53" });
  });

  it("keeps the printed figure beside the computed one where the seed disagrees with itself", () => {
    // The 项 lines add up to 421.83; the document prints 421.84.
    expect(doc.totals.generalBudget).toMatchObject({ amount: "421.83", printed: "421.84" });
    expect(doc.totals.basic).toMatchObject({ amount: "349.32", printed: "349.34" });
  });

  it("holds the five project tables, the glossary and the attachments", () => {
    expect(doc.projects.map((p) => [p.table, p.name, p.budget, p.indicators.length])).toEqual([
      [1, "全市综合执法改革", "18", 6],
      [2, "全市事业单位改革", "18", 4],
      [3, "全市教职工编制调整工作", "9.2", 4],
      [4, "行政权力和责任清单动态调整", "9", 4],
      [5, "全市机构编制统计工作", "14.65", 4],
    ]);
    expect(doc.glossary).toHaveLength(13);
    expect(doc.attachments.overall?.sections.length).toBe(14);
    expect(doc.attachments.selfEvaluations).toHaveLength(5);
    expect(doc.sections[0]?.heading).toBe("第一部分 部门概况");
  });

  it("is frozen into the publication snapshot", async () => {
    const pub = await t.prisma.reportPublication.findFirstOrThrow({ where: { report: { kind: "FINAL_ACCOUNTS" } } });
    const snap = pub.snapshot as { document: YearDocument };
    expect(snap.document.totals).toEqual(doc.totals);
    expect(snap.document.projects).toEqual(doc.projects);
  });
});
