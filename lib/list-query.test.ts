import { describe, expect, it } from "vitest";
import { listHref, listParams, pageInfo, pageWindow, parseListQuery, type ListSpec } from "./list-query";

const SPEC: ListSpec<"created" | "name", "role"> = { sorts: ["created", "name"], defaultSort: "created", defaultDir: "desc", filters: { role: ["OWNER", "ADMIN"] }, pageSize: 20 };

describe("list query", () => {
  it("reads search, sort, filters and page from the URL", () => {
    expect(parseListQuery({ q: " 张 ", sort: "name", dir: "desc", page: "3", role: "OWNER" }, SPEC)).toEqual({ q: "张", sort: "name", dir: "desc", page: 3, filters: { role: "OWNER" } });
  });

  it("falls back to the defaults for anything malformed, never throws", () => {
    const d = { q: "", sort: "created", dir: "desc", page: 1, filters: {} };
    expect(parseListQuery({}, SPEC)).toEqual(d);
    expect(parseListQuery({ sort: "password", dir: "sideways", page: "-2", role: "ROOT" }, SPEC)).toEqual(d);
    expect(parseListQuery({ page: "1.5" }, SPEC).page).toBe(1);
    expect(parseListQuery({ page: "9999999" }, SPEC).page).toBe(1);
    expect(parseListQuery({ q: ["a", "b"], sort: ["name"] }, SPEC)).toMatchObject({ q: "a", sort: "name", dir: "asc" });
    expect(parseListQuery({ q: "x".repeat(500) }, SPEC).q).toHaveLength(100);
  });

  it("pages with skip/take and counts the pages", () => {
    expect(pageWindow({ page: 3 }, 20)).toEqual({ skip: 40, take: 20 });
    expect(pageInfo(41, { page: 3 }, 20)).toEqual({ page: 3, pages: 3, total: 41, pageSize: 20 });
    expect(pageInfo(0, { page: 1 }, 20).pages).toBe(1);
  });

  it("writes links that keep the query and leave defaults out", () => {
    const q = parseListQuery({ q: "张", role: "OWNER", page: "2" }, SPEC);
    const params = listParams(q, SPEC);
    expect(params).toEqual({ q: "张", role: "OWNER", sort: undefined, dir: undefined, page: "2" });
    expect(listHref(params, { page: 3 })).toBe(`?q=${encodeURIComponent("张")}&role=OWNER&page=3`);
    expect(listHref(params, { sort: "name", dir: "asc", page: undefined })).toBe(`?q=${encodeURIComponent("张")}&role=OWNER&sort=name&dir=asc`);
    expect(listHref(params, { page: 1 })).toBe(`?q=${encodeURIComponent("张")}&role=OWNER`);
    expect(listHref({}, {})).toBe("?");
  });
});
