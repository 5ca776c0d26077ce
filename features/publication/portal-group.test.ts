import { describe, expect, it } from "vitest";
import { groupPublishedItems, highlight, itemCount, type PublishedItem } from "./portal-group";
import { searchQuerySchema, searchTerms } from "./schema";

const item = (o: Partial<PublishedItem> & Pick<PublishedItem, "reportId" | "kind" | "year">): PublishedItem => ({
  title: o.reportId,
  projectName: null,
  versionNo: 1,
  publishedAt: "2023-01-01T00:00:00.000Z",
  department: { code: "a", name: "甲局", shortName: "甲", region: "", sortOrder: 1 },
  href: `/published/${o.reportId}`,
  ...o,
});

describe("groupPublishedItems", () => {
  it("puts each item under its department and year, newest year first, by kind", () => {
    const b = { code: "b", name: "乙局", shortName: "乙", region: "", sortOrder: 0 };
    const groups = groupPublishedItems([
      item({ reportId: "p2", kind: "PROJECT_SELF_EVALUATION", year: 2021, title: "乙项目" }),
      item({ reportId: "doc", kind: "FINAL_ACCOUNTS", year: 2020, publishedAt: "2021-09-30T00:00:00.000Z" }),
      item({ reportId: "p1", kind: "PROJECT_SELF_EVALUATION", year: 2021, title: "甲项目", publishedAt: "2024-01-01T00:00:00.000Z" }),
      item({ reportId: "o", kind: "DEPARTMENT_OVERALL", year: 2021 }),
      item({ reportId: "x", kind: "PROJECT_SELF_EVALUATION", year: 2022, department: b }),
    ]);
    expect(groups.map((g) => g.code)).toEqual(["b", "a"]);
    const a = groups[1]!;
    expect(a.years.map((y) => y.year)).toEqual([2021, 2020]);
    expect(a.years[0]).toMatchObject({ yearDocument: null, lastPublishedAt: "2024-01-01T00:00:00.000Z" });
    expect(a.years[0]!.overall.map((i) => i.reportId)).toEqual(["o"]);
    expect(a.years[0]!.projects.map((i) => i.reportId)).toEqual(["p1", "p2"]);
    expect(itemCount(a.years[0]!)).toBe(3);
    expect(a.years[1]!.yearDocument?.reportId).toBe("doc");
  });
});

describe("highlight", () => {
  it("marks every term, case-insensitively, the longest first", () => {
    expect(highlight("Abc 编办 abc", ["abc", "编"])).toEqual([
      { text: "Abc", match: true },
      { text: " ", match: false },
      { text: "编", match: true },
      { text: "办 ", match: false },
      { text: "abc", match: true },
    ]);
    expect(highlight("机构编制", ["机构", "机构编制"])).toEqual([{ text: "机构编制", match: true }]);
    expect(highlight("无匹配", ["甲"])).toEqual([{ text: "无匹配", match: false }]);
  });
});

describe("search query", () => {
  it("accepts 1–50 characters and a page number, with Chinese messages otherwise", () => {
    expect(searchQuerySchema.parse({ q: "  编办 ", page: "2" })).toEqual({ q: "编办", page: 2 });
    expect(searchQuerySchema.parse({ q: ["编办", "x"] })).toEqual({ q: "编办", page: 1 });
    const long = searchQuerySchema.safeParse({ q: "长".repeat(51) });
    expect(long.success ? "" : long.error.issues[0]?.message).toBe("查找内容不能超过50个字");
    const empty = searchQuerySchema.safeParse({ q: "   " });
    expect(empty.success).toBe(false);
    for (const page of ["0", "abc", "1e3", "99999", "-1"]) expect(searchQuerySchema.safeParse({ q: "编办", page }).success, page).toBe(false);
    expect(searchTerms("机构　编制 机构")).toEqual(["机构", "编制"]);
    expect(searchTerms("a b c d e f")).toBeNull();
  });
});
