/**
 * 续表 in a real Chromium print: a table three pages long is cut into parts that each start a page,
 * every part after the first under "…（续表）" and the column headings, every row printed once and
 * the 合计 once, at the end. Read back from the PDF with pdftotext, page by page, as a reader would.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "./pdf";
import { CONTINUED_SUFFIX, continueLongTables } from "./print-continuation";

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
});
afterAll(() => browser?.close());

const ROWS = 120;
const html = (rows: number) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12px; margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  td, th { border: 1px solid #000; padding: 4px; }
  thead { display: table-header-group; } tfoot { display: table-row-group; } tr { break-inside: avoid; }
</style></head><body><main>
  <h2>第二部分 决算情况说明</h2><p>正文一段。</p>
  <div class="scroll" role="region" aria-labelledby="t-caption"><table id="t">
    <caption id="t-caption">支出决算明细表（万元）</caption>
    <thead><tr><th>科目编码</th><th>科目名称</th><th>决算数</th></tr></thead>
    <tbody>${Array.from({ length: rows }, (_, i) => `<tr><td>2010${String(i + 1).padStart(3, "0")}</td><td>行政运行第${i + 1}行</td><td>${(i + 1).toFixed(2)}</td></tr>`).join("")}</tbody>
    <tfoot><tr><td colspan="2">合计</td><td>7260.00</td></tr></tfoot>
  </table></div>
  <p>表后的说明。</p>
  <table id="m"><caption>中等长度的表</caption><thead><tr><th>项目</th><th>金额</th></tr></thead>
    <tbody>${Array.from({ length: 22 }, (_, i) => `<tr><td>中表第${i + 1}行</td><td>${i + 1}</td></tr>`).join("")}</tbody></table>
</main></body></html>`;

/** Prints a page as pdf.ts does (A4, same margins, 续表 applied) and returns the text of each page. */
async function printedPages(rows: number): Promise<{ pages: string[]; split: number }> {
  const { PRINT_CONTENT } = await import("./pdf");
  const page = await browser.newPage();
  try {
    await page.setContent(html(rows));
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize(PRINT_CONTENT);
    const split = await page.evaluate(continueLongTables, { pageHeight: PRINT_CONTENT.height, suffix: CONTINUED_SUFFIX });
    const pdf = await page.pdf({ format: "A4", margin: { top: "20mm", bottom: "22mm", left: "18mm", right: "18mm" } });
    const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-continued-"));
    try {
      const file = path.join(dir, "t.pdf");
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
      return { pages: text.split("\f").filter((p) => p.trim() !== ""), split };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await page.close();
  }
}

describe("续表 on long printed tables", () => {
  it("heads every page a table continues onto with “（续表）” and the column headings; each row and the 合计 print once", async () => {
    const { pages, split } = await printedPages(ROWS);
    expect(split).toBe(1);
    const tablePages = pages.filter((p) => p.includes("行政运行第"));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    // The first part starts a page of its own, after the heading and text that came before.
    expect(pages[0]).toContain("正文一段");
    expect(pages[0]).not.toContain("行政运行第");
    tablePages.forEach((p, i) => {
      expect(p).toContain("科目名称");
      if (i === 0) expect(p).not.toContain(CONTINUED_SUFFIX);
      // In page order (-layout): the caption of a continued part comes above its headings and rows.
      else {
        const caption = p.indexOf(`支出决算明细表（万元）${CONTINUED_SUFFIX}`);
        expect(caption).toBeGreaterThanOrEqual(0);
        expect(caption).toBeLessThan(p.indexOf("科目名称"));
        expect(p.indexOf("科目名称")).toBeLessThan(p.indexOf("行政运行第"));
      }
    });
    const all = pages.join("\n");
    for (let i = 1; i <= ROWS; i++) expect(all.split(`行政运行第${i}行`).length - 1, `row ${i}`).toBe(1);
    expect(all.split("合计").length - 1).toBe(1);
    expect(tablePages.at(-1)).toContain("合计");
    // A table shorter than a page is never broken: all of it on one page.
    const medium = pages.filter((p) => p.includes("中表第"));
    expect(medium).toHaveLength(1);
    for (let i = 1; i <= 22; i++) expect(medium[0]).toContain(`中表第${i}行`);
  });

  it("leaves a table that fits on a page as it is", async () => {
    const { pages, split } = await printedPages(10);
    expect(split).toBe(0);
    expect(pages.join("\n")).not.toContain(CONTINUED_SUFFIX);
    expect(pages.filter((p) => p.includes("中表第"))).toHaveLength(1);
  });
});
