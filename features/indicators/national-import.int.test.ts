/**
 * 导入自评表（全国格式） against a real PostgreSQL: preview writes nothing; import saves
 * the table as printed (cost row under 产出) into a project of the demo's open year; a
 * bad file and other roles change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectHandler } from "@/features/projects/handlers";
import { emptyProjectInput } from "@/features/projects/schema";
import type { Actor } from "@/lib/actor";
import { demoDatabase, type TestDatabase } from "@/tests/integration/db";
import { buildNationalSelfEvaluation } from "@/tests/fixtures/national-self-evaluation";
import { importNationalHandler, previewNationalHandler } from "./national-import-handler";

let t: TestDatabase;
let owner: Actor, reviewer: Actor;
let projectId = "";

beforeAll(async () => {
  ({ t, owner, reviewer } = await demoDatabase());
  const r = await createProjectHandler(t.prisma, owner, 2021, {
    ...emptyProjectInput({ competentDepartment: "某县交通运输局", implementingUnit: "某县公路养护中心" }),
    name: "农村公路养护项目",
    funding: { FISCAL: { initialBudget: "100", annualBudget: "100", executed: "99.97" }, CARRYOVER: { initialBudget: "", annualBudget: "", executed: "" }, OTHER: { initialBudget: "", annualBudget: "", executed: "" } },
    allocations: [],
  });
  if (!r.ok) throw new Error(r.message);
  projectId = r.id;
});
afterAll(() => t.drop());

const blob = async (b: Promise<Buffer>) => new Blob([new Uint8Array(await b)]);

describe("national-layout import", () => {
  it("previews without writing, then imports as printed", async () => {
    const file = await blob(buildNationalSelfEvaluation());
    expect(await previewNationalHandler(t.prisma, reviewer, projectId, file)).toMatchObject({ ok: false, reason: "forbidden" });
    const p = await previewNationalHandler(t.prisma, owner, projectId, file);
    if (!p.ok) throw new Error(p.message);
    expect(p.preview.rows).toHaveLength(9);
    expect(await t.prisma.indicator.count({ where: { projectId } })).toBe(0);
    const version = (await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version;
    const r = await importNationalHandler(t.prisma, owner, projectId, version, file);
    expect(r).toEqual({ ok: true, version: version + 1, imported: 9 });
    const rows = await t.prisma.indicator.findMany({ where: { projectId }, orderBy: { sortOrder: "asc" }, include: { level1: true, level2: true } });
    expect(rows.map((i) => `${i.level1.name}/${i.level2.name}/${i.name}`)).toContain("产出指标/成本指标/养护成本");
    expect(rows.find((i) => i.name === "生态影响")).toMatchObject({ applicable: false, weight: null });
  });

  it("a bad cell is listed and nothing changes", async () => {
    const before = await t.prisma.indicator.count({ where: { projectId } });
    const version = (await t.prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version;
    const bad = await blob(buildNationalSelfEvaluation({ edit: (ws) => (ws.getCell("E13").value = "≥5O公里") }));
    const r = await importNationalHandler(t.prisma, owner, projectId, version, bad);
    expect(r).toMatchObject({ ok: false, reason: "invalid_file", errors: [{ cell: "E13", message: "E13：年度指标值“≥5O公里”不是数字：含有字母“O”（字母“O”应为数字“0”？）" }] });
    expect(await t.prisma.indicator.count({ where: { projectId } })).toBe(before);
  });
});
