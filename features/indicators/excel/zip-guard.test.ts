import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS } from "./columns";
import { excelFrameworkOf, type ExcelFramework } from "./framework";
import { parseIndicatorWorkbook } from "./parser";
import { buildIndicatorTemplate } from "./template";
import type { IndicatorRowInput } from "../schema";
import { loadWorkbook } from "./cells";
import { guardXlsxZip, MAX_COMPRESSION_RATIO, MAX_INFLATED_BYTES } from "./zip-guard";

const FW: ExcelFramework = excelFrameworkOf({
  budgetExecutionPoints: "10",
  level1: [
    { id: "g-out", name: "项目完成指标", category: "OUTPUT", points: "50", level2: [{ id: "l-num", name: "数量指标" }, { id: "l-qua", name: "质量指标" }] },
    { id: "g-eff", name: "效益指标", category: "OUTCOME", points: "30", level2: [{ id: "l-soc", name: "社会效益" }] },
    { id: "g-sat", name: "满意度指标", category: "SATISFACTION", points: "10", level2: [{ id: "l-sat", name: "满意度指标" }] },
  ],
});

type Part = { name: string; chunks: () => Iterable<Buffer>; declaredSize?: number };

/**
 * A hand-written zip container (deflate, no data descriptors). Each part's content comes in chunks
 * streamed through one raw-deflate stream, so a 200+ MB sheet never exists in memory at once.
 * `declaredSize` overrides the size written into the headers (to make them lie).
 */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const chunks = [...part.chunks()];
    let size = 0;
    let crc = 0;
    for (const c of chunks) {
      size += c.length;
      crc = zlib.crc32(c, crc);
    }
    const data = deflateChunks(chunks);
    const name = Buffer.from(part.name, "utf8");
    const declared = part.declaredSize ?? size;
    // The local header and the central directory entry share one run of fields
    // (version needed … name length); the central one starts 2 bytes later.
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x0800, at + 2);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt32LE(crc >>> 0, at + 10);
      b.writeUInt32LE(data.length, at + 14);
      b.writeUInt32LE(declared, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    common(head, 4);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    common(cen, 6);
    cen.writeUInt32LE(offset, 42);
    locals.push(head, name, data);
    central.push(cen, name);
    offset += head.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** One raw-deflate stream over the chunks, fed through a single zlib handle (bounded memory). */
function deflateChunks(chunks: Buffer[]): Buffer {
  // Each chunk becomes complete non-final deflate blocks (Z_SYNC_FLUSH); an empty final block ends the stream.
  const out: Buffer[] = [];
  for (const c of chunks) {
    const d = zlib.deflateRawSync(c, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    out.push(d);
  }
  out.push(Buffer.from([0x03, 0x00])); // final empty fixed-Huffman block
  return Buffer.concat(out);
}

const text = (s: string) => () => [Buffer.from(s, "utf8")];

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="绩效指标" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A minimal .xlsx whose sheet1.xml is `rowChunks` × `chunkBytes` (1 MB) of identical rows (plus head and tail). */
function xlsx(rowChunks: number, sheetDeclaredSize?: number, chunkBytes = 1024 * 1024): Buffer {
  const ROW = `<row r="1"><c r="A1" t="inlineStr"><is><t>项目完成指标</t></is></c></row>`;
  const chunk = Buffer.from(ROW.repeat(Math.ceil(chunkBytes / Buffer.byteLength(ROW))), "utf8");
  return zip([
    { name: "[Content_Types].xml", chunks: text(CONTENT_TYPES) },
    { name: "_rels/.rels", chunks: text(RELS) },
    { name: "xl/workbook.xml", chunks: text(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", chunks: text(WORKBOOK_RELS) },
    {
      name: "xl/worksheets/sheet1.xml",
      declaredSize: sheetDeclaredSize,
      chunks: function* () {
        yield Buffer.from(SHEET_HEAD);
        for (let i = 0; i < rowChunks; i++) yield chunk;
        yield Buffer.from(SHEET_TAIL);
      },
    },
  ]);
}

/** Runs `fn` and returns its result with the growth of the process's resident memory (MB). */
async function rssGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; mb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const value = await fn();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, mb: (peak - before) / 1024 / 1024 };
}

describe("zip-bomb guard in loadWorkbook", () => {
  it("a valid hand-built .xlsx passes the guard and loads", async () => {
    const small = xlsx(1, undefined, 64 * 1024);
    expect(guardXlsxZip(small)).toEqual({ ok: true });
    const r = await loadWorkbook(small);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.workbook.getWorksheet("绩效指标")?.getCell("A1").value).toBe("项目完成指标");
  });

  it("refuses a sheet inflating to 220 MB (compressed < 1 MB) without reading it, RSS growth < 200 MB", async () => {
    const bomb = xlsx(220);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { value: r, mb } = await rssGrowth(() => loadWorkbook(bomb));
    expect(r).toEqual({ ok: false, message: "文件解压后过大（约 220 MB），超过 30 MB 的上限，请删除无关内容或分批导入" });
    console.log(`220 MB bomb (${(bomb.length / 1024).toFixed(0)} KB zipped): RSS grew ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it("refuses a bomb whose headers lie about the size (stops inflating at the declared size)", async () => {
    const liar = xlsx(220, 25 * 1024 * 1024);
    const { value: r, mb } = await rssGrowth(() => loadWorkbook(liar));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("文件结构异常");
    console.log(`lying bomb (declares 25 MB, inflates to 220 MB): RSS grew ${mb.toFixed(1)} MB`);
    expect(mb).toBeLessThan(200);
  });

  it("refuses an absurd compression ratio below the size limit", async () => {
    const r = await loadWorkbook(xlsx(20));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^文件中的“xl\/worksheets\/sheet1\.xml”压缩比异常（约 \d+ 倍），疑似恶意构造的压缩包/);
  });

  it("refuses too many entries", () => {
    const parts: Part[] = Array.from({ length: 2_001 }, (_, i) => ({ name: `x/${i}.xml`, chunks: text("<a/>") }));
    const r = guardXlsxZip(zip(parts));
    expect(r).toEqual({ ok: false, message: "文件中包含的部件过多（2001 个），超过 2000 个的上限，不是正常的 Excel 文件，请在 Excel 中重新保存后再导入" });
  });

  it("refuses a sheet with more <row> elements than maxRows before building the workbook", async () => {
    // 3 MB of rows at a modest ratio would pass the size checks; the row count refuses it.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let i = 1; i <= 6_001; i++) ws.addRow([i]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(guardXlsxZip(bytes, { maxRows: 6_000, maxRowsMessage: "行数超过上限：每次最多导入5000条" })).toEqual({ ok: false, message: "行数超过上限：每次最多导入5000条" });
    expect(guardXlsxZip(bytes, { maxRows: 6_001 })).toEqual({ ok: true });
  });

  it(`the ${MAX_IMPORT_ROWS}-row indicator template still passes (inflated size well under the limit)`, async () => {
    const rows: IndicatorRowInput[] = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => ({
      level1Id: "g-out",
      level2Id: "l-num",
      name: `培训人次较长的三级指标名称用于测量文件大小-${i + 1}`,
      nature: "GTE",
      targetValue: "200",
      unit: "人次",
      targetText: "全年培训不少于200人次，覆盖全部基层单位",
      actualValue: "210",
      actualText: "按期完成全部培训任务",
      weight: "0.01",
      manualScore: "",
      applicable: true,
      deviationReason: "部分单位进度滞后，已督促整改",
    }));
    const bytes = await buildIndicatorTemplate(FW, { rows });
    let inflated = 0;
    let ratio = 0;
    const cdOffset = bytes.readUInt32LE(bytes.length - 22 + 16);
    const count = bytes.readUInt16LE(bytes.length - 22 + 10);
    for (let i = 0, p = cdOffset; i < count; i++) {
      inflated += bytes.readUInt32LE(p + 24);
      ratio = Math.max(ratio, bytes.readUInt32LE(p + 24) / Math.max(1, bytes.readUInt32LE(p + 20)));
      p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
    console.log(`${MAX_IMPORT_ROWS}-row template: ${(bytes.length / 1024 / 1024).toFixed(2)} MB zipped, ${(inflated / 1024 / 1024).toFixed(1)} MB inflated, highest entry ratio ${ratio.toFixed(0)}:1`);
    expect(inflated).toBeLessThan(MAX_INFLATED_BYTES / 2);
    expect(ratio).toBeLessThan(MAX_COMPRESSION_RATIO / 2);
    expect(guardXlsxZip(bytes, { maxRows: MAX_IMPORT_ROWS + 1_000 })).toEqual({ ok: true });
    const r = await parseIndicatorWorkbook(bytes, FW);
    if (!r.ok) expect(r.errors.map((e) => e.message)).not.toContainEqual(expect.stringMatching(/解压后过大|压缩比异常|文件结构异常|行数超过上限/));
  });
});
