/** The seed's 2020 text against its own tables: the discrepancies the narrative check names. */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { checkYearDocumentNarrative } from "./narrative-check";
import { loadYearDocument, type YearDocument } from "./year-document";

const t = databaseForFile({ demo: true });
let doc: YearDocument;

beforeAll(async () => {
  doc = (await loadYearDocument(t.prisma, { departmentCode: "gy-swbb", year: 2020 }))!;
});

describe("checkYearDocumentNarrative on the seed", () => {
  it("names each statement that disagrees with the computed figures, and nothing else", () => {
    // Everything else the seed states agrees: 426.81 and −43.45 / −9.24%, 426.32, the shares
    // 82.81% / 17.19%, 426.32 and −33.16 / −7.22%, 319.19 / 30.14, 3.18, the vehicles' and
    // reception's amounts and changes, 30.14 and −9.15 / −23.29%, 0.45.
    const found = checkYearDocumentNarrative(doc).map((f) => `${f.sectionKey}｜${f.subject}｜${f.stated}｜${f.computed}`);
    expect(found).toEqual([
      // The printed totals that do not add up (the tables show the same, with “原文为 …”).
      "finalAccounts.expenditure｜本年支出合计｜421.85万元｜421.83万元",
      "finalAccounts.expenditure｜基本支出｜349.34万元｜349.32万元",
      "finalAccounts.generalBudget.overall｜一般公共预算财政拨款支出｜421.84万元｜421.83万元",
      // The change as printed comes from 421.84; from the lines it is 421.83 − 451.93.
      "finalAccounts.generalBudget.overall｜一般公共预算财政拨款支出比上年变动｜减少30.09万元｜减少30.10万元",
      "finalAccounts.basicExpenditure｜基本支出｜349.33万元｜349.32万元",
    ]);
  });
});

describe("checkYearDocumentNarrative reads each kind of statement", () => {
  const cases: [string, string, string, string][] = [
    ["finalAccounts.overview", "收、支总计426.81万元", "收、支总计426.80万元", "426.80万元"],
    ["finalAccounts.overview", "各减少43.45万元", "各减少43.46万元", "减少43.46万元"],
    ["finalAccounts.overview", "下降9.24%", "下降9.42%", "下降9.42%"],
    ["finalAccounts.overview", "各减少43.45万元", "各增加43.45万元", "增加43.45万元"],
    ["finalAccounts.income", "426.32万元", "426.33万元", "426.33万元"],
    ["finalAccounts.expenditure", "占82.81%", "占82.18%", "82.18%"],
    ["finalAccounts.fiscalAppropriation", "减少33.16万元", "减少33.61万元", "减少33.61万元"],
    ["finalAccounts.threePublicExpenses.overall", "3.18万元", "3.81万元", "3.81万元"],
    ["finalAccounts.otherMatters.operatingExpenses", "下降23.29%", "下降23.92%", "下降23.92%"],
    ["finalAccounts.otherMatters.procurement", "总额0.45万元", "总额0.54万元", "0.54万元"],
  ];
  it.each(cases)("%s: “%s” → “%s” is named", (key, from, to, stated) => {
    const sections = doc.sections.map((s) => (s.key === key ? { ...s, body: s.body.replace(from, to) } : s));
    expect(sections.find((s) => s.key === key)!.body).toContain(to);
    const found = checkYearDocumentNarrative({ ...doc, sections });
    expect(found.filter((f) => f.sectionKey === key).map((f) => f.stated)).toContain(stated);
  });

  it("reads “下降9.2%” as a rounding of −9.24% (one decimal written)", () => {
    const sections = doc.sections.map((s) => (s.key === "finalAccounts.overview" ? { ...s, body: s.body.replace("下降9.24%", "下降9.2%") } : s));
    expect(checkYearDocumentNarrative({ ...doc, sections }).filter((f) => f.sectionKey === "finalAccounts.overview")).toEqual([]);
  });
});
