/**
 * Golden figures of the seed's published 2020 department-year (市委编办): what the year
 * document, the public page's tables, every export (Word text, Excel cells, CSV) and the
 * project scores print today. Refactoring the money, table or scoring code must not change
 * a printed figure: any difference shows up here as a snapshot diff.
 *
 * Snapshots live in tests/integration/golden/seed-2020/. To accept an intended change of
 * output, run `npx vitest run --project integration tests/integration/seed-2020-golden -u`
 * and say in the commit why the printed figure changed.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { publishedYearDocument } from "@/tests/integration/publications";
import { YearDocumentView } from "@/features/publication/components/year-document-view";
import { buildYearDocx } from "@/features/publication/exports/docx";
import { buildYearCsv } from "@/features/publication/exports/open-data";
import { buildTables, TABLE_IDS } from "@/features/publication/exports/tables";
import { buildYearXlsx } from "@/features/publication/exports/xlsx";
import type { YearDocument } from "@/features/publication/year-document";
import { buildSelfEvaluationWorkbook } from "@/features/indicators/excel/self-evaluation";
import { computeSelfEvaluationScore } from "@/features/scoring/score";
import { toScoreInput } from "@/features/projects/score-input";

vi.mock("server-only", () => ({}));

const DIR = "./golden/seed-2020";
/** Database ids (cuid) differ on every run; figures do not. */
const noIds = (s: string) => s.replace(/\bc[a-z0-9]{24}\b/g, "<id>");
const json = (v: unknown) => noIds(`${JSON.stringify(v, null, 1)}\n`);

const t = databaseForFile({ demo: true });
let doc: YearDocument;
let publishedAt: string;
beforeAll(async () => {
  const published = await publishedYearDocument(t.prisma);
  doc = published.doc;
  publishedAt = published.publication.publishedAt.toISOString();
});

/** Every cell of every sheet as text, one line per row ("A1=…|B1=…"), with cell notes. */
async function workbookText(bytes: Uint8Array | Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`## ${ws.name}`);
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (c) => {
        const v = c.value as unknown;
        const text =
          v && typeof v === "object" && "richText" in v
            ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("")
            : v && typeof v === "object" && "formula" in v
              ? `=${(v as { formula: string }).formula}→${String((v as { result?: unknown }).result ?? "")}`
              : v instanceof Date
                ? v.toISOString()
                : String(v);
        const note = c.note ? ` [note: ${typeof c.note === "string" ? c.note : JSON.stringify(c.note)}]` : "";
        cells.push(`${c.address}=${text}${c.numFmt ? ` {${c.numFmt}}` : ""}${note}`);
      });
      out.push(cells.join(" | "));
    });
  });
  return noIds(`${out.join("\n")}\n`);
}

/** The Word body as text, one paragraph or table cell per line. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return noIds(`${xml
    .replace(/<\/w:p>|<\/w:tc>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n")}\n`);
}

describe("the seed's 2020 year document prints the same figures", () => {
  it("year document (totals, shares, lines, projects)", async () => {
    const { sections, glossary, attachments, ...figures } = doc;
    await expect(json(figures)).toMatchFileSnapshot(`${DIR}/year-document.json`);
    await expect(json({ sections, glossary, attachments })).toMatchFileSnapshot(`${DIR}/year-document-text.json`);
  });

  it("standard tables (one model for Word, Excel and CSV)", async () => {
    await expect(json(buildTables(doc))).toMatchFileSnapshot(`${DIR}/tables.json`);
  });

  it("CSV files", async () => {
    const csv = TABLE_IDS.map((id) => {
      const f = buildYearCsv(doc, 1, id);
      return `## ${id} ${f.fileName}\n${new TextDecoder().decode(f.bytes)}`;
    }).join("\n");
    expect(csv).toBe(noIds(csv));
    await expect(csv).toMatchFileSnapshot(`${DIR}/tables.csv.txt`);
  });

  it("Excel workbook cells", async () => {
    const f = await buildYearXlsx(doc, 1);
    await expect(await workbookText(f.bytes)).toMatchFileSnapshot(`${DIR}/year.xlsx.txt`);
  });

  it("Word text", async () => {
    const f = await buildYearDocx(doc, 1);
    await expect(await docxText(f.bytes)).toMatchFileSnapshot(`${DIR}/year.docx.txt`);
  });

  it("public page (and hence the PDF) text", async () => {
    const html = renderToStaticMarkup(
      createElement(YearDocumentView, {
        doc,
        version: { versionNo: 1, publishedAt, correctionNote: "", supersededBy: null, versions: [{ versionNo: 1, publishedAt, correctionNote: "" }] },
        versionHref: (n?: number) => (n ? `/v/${n}` : "/"),
        reportHref: (id: string) => `/published/${id}`,
      }),
    );
    // One text node or cell per line, so that a diff points at the figure.
    const text = html
      .replace(/<(\/(p|td|th|li|h\d|caption|div|dd|dt|tr)|br\s*\/?)>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
    await expect(noIds(`${text}\n`)).toMatchFileSnapshot(`${DIR}/page.txt`);
  });

  it("project scores and the 自评表 exports of every seeded project", async () => {
    const projects = await t.prisma.project.findMany({
      orderBy: [{ year: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
      include: {
        funding: true,
        indicators: { orderBy: { sortOrder: "asc" } },
        framework: {
          select: {
            budgetExecutionPoints: true,
            level1: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } } },
          },
        },
      },
    });
    expect(projects.length).toBeGreaterThan(0);
    const scores: unknown[] = [];
    for (const p of projects) {
      const input = toScoreInput(p);
      const r = computeSelfEvaluationScore(input);
      const name = (id: string) => p.indicators.find((i) => i.id === id)?.name ?? id;
      scores.push({
        project: `${p.year} ${p.name}`,
        budget: input.budget,
        total: r.total,
        grade: r.grade,
        budgetExecution: r.budgetExecution,
        groups: r.groups,
        indicators: r.indicators.map((i) => ({ ...i, id: name(i.id) })),
        issues: r.issues.map((i) => i.message),
      });
      const wb = await buildSelfEvaluationWorkbook(p);
      await expect(await workbookText(wb)).toMatchFileSnapshot(`${DIR}/self-evaluation-${p.year}-${p.sortOrder}.xlsx.txt`);
    }
    await expect(json(scores)).toMatchFileSnapshot(`${DIR}/scores.json`);
  });
});
