/**
 * The published year document as Word (.docx), in the layout of the printed 部门决算公开:
 * A4 with the GB/T 9704 margins, title, 第一部分 … 名词解释 as Word headings (黑体 / 楷体 /
 * 仿宋 by level), body text in 仿宋 三号 with two-character first-line indent, the
 * 项目绩效目标完成情况表1–5 laid out like the seed (merged label cells), the glossary,
 * 第四部分 附件 (附件1 部门整体支出绩效评价报告, 附件2 项目支出绩效自评报告), and the standard
 * tables as 附表 (header rows repeated on each page, 万元 with two decimals). Page
 * numbers “第 N 页 / 共 M 页” in the footer.
 *
 * Fonts: east-Asian text names Windows' SimSun / FangSong / SimHei / KaiTi; the font
 * table gives each its Chinese name, GB2312 character set and PANOSE family, so Word or
 * WPS without that exact font substitutes a Song / Fang Song style one, and LibreOffice
 * falls back to the system's CJK serif (e.g. Noto Serif CJK SC).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import JSZip from "jszip";
import type { YearDocument } from "@/features/publication/year-document";
import { CONTENT_TYPES, exportFileName, publishedDateText, type BuiltFile } from "./files";
import { ATTACHMENTS_PART_HEADING, headingLevel, isLabelOnlySection, paragraphs, projectTablesAnchor, type HeadingLevel as Level } from "./outline";
import { fixed2 } from "@/lib/money";
import { buildTables, type StandardTable, type TableColumn } from "./tables";

// ───────────────────────────── page and type ─────────────────────────────

// A4 in twips; margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const LATIN = "Times New Roman";
const FONTS = { song: "SimSun", fang: "FangSong", hei: "SimHei", kai: "KaiTi" } as const;
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });

// Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt.
const SIZE = { title: 44, body: 32, tableTitle: 28, table: 21, tableSmall: 18, note: 18, footer: 18 };
const BODY_LINE = 560; // exactly 28 pt: 22 lines a page, as official documents print
const INDENT_2_CHARS = 640;

const HEADING_BY_LEVEL = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const TABLE_BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

// ───────────────────────────── paragraphs ─────────────────────────────

function heading(text: string, level: Level, opts: { pageBreakBefore?: boolean; center?: boolean } = {}) {
  return new Paragraph({
    heading: HEADING_BY_LEVEL[level],
    children: [new TextRun(opts.center ? { text, font: font(FONTS.hei) } : text)],
    keepNext: true,
    keepLines: true,
    pageBreakBefore: opts.pageBreakBefore,
    ...(opts.center ? { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 240, after: 240 } } : {}),
  });
}

function body(text: string) {
  return new Paragraph({ children: [new TextRun(text)], indent: { firstLine: INDENT_2_CHARS }, alignment: AlignmentType.JUSTIFIED });
}

function centered(text: string, opts: { size?: number; bold?: boolean; eastAsia?: string; before?: number; after?: number; keepNext?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: opts.keepNext ?? true,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 360, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: opts.size, bold: opts.bold, font: opts.eastAsia ? font(opts.eastAsia) : undefined })],
  });
}

function small(text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean; size?: number } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    keepNext: opts.keepNext,
    spacing: { before: 40, after: 40, line: 276, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: opts.size ?? SIZE.note, font: font(FONTS.song) })],
  });
}

// ───────────────────────────── table cells ─────────────────────────────

type CellOpts = {
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  columnSpan?: number;
  rowSpan?: number;
  shade?: boolean;
  size?: number;
  indentLeft?: number;
  width?: number;
};

/** A table cell of SimSun text; line breaks in `text` become paragraphs. */
function cell(text: string | null | undefined, o: CellOpts = {}) {
  const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
  const kept = lines.filter((l, i) => l !== "" || i === 0);
  return new TableCell({
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    width: o.width ? { size: o.width, type: WidthType.DXA } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: o.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "EDEDED" } : undefined,
    children: kept.map(
      (l) =>
        new Paragraph({
          alignment: o.align ?? AlignmentType.LEFT,
          indent: o.indentLeft ? { left: o.indentLeft } : undefined,
          spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: l, bold: o.bold, size: o.size ?? SIZE.table, font: font(FONTS.song) })],
        }),
    ),
  });
}

function widths(columns: TableColumn[]): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const ws = columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  ws[ws.length - 1]! += TEXT_WIDTH - ws.reduce((s, w) => s + w, 0);
  return ws;
}

function tableOf(rows: TableRow[], columnWidths: number[]) {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

// ───────────────────────────── standard tables (附表) ─────────────────────────────

function standardTable(t: StandardTable, no: number): (Paragraph | Table)[] {
  const size = t.columns.length >= 7 ? SIZE.tableSmall : SIZE.table;
  const ws = widths(t.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.header, { bold: true, align: AlignmentType.CENTER, shade: true, size, width: ws[i] })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => {
          const v = r.cells[c.key];
          const text = v == null ? "" : String(v);
          const numeric = c.kind === "amount" || c.kind === "percent" || c.kind === "count";
          return cell(text, {
            bold: r.total,
            size,
            width: ws[i],
            align: numeric ? AlignmentType.RIGHT : c.kind === "code" ? AlignmentType.LEFT : AlignmentType.LEFT,
            indentLeft: c.kind === "text" && i <= 1 && r.level ? r.level * 210 : undefined,
          });
        }),
      }),
  );
  const out: (Paragraph | Table)[] = [
    centered(`附表${no}　${t.title}`, { size: SIZE.tableTitle, eastAsia: FONTS.hei, before: 240, after: 60 }),
    small(t.unit ? `单位：${t.unit}` : "", { align: AlignmentType.RIGHT, keepNext: true }),
    tableOf([header, ...rows], ws),
  ];
  t.notes.forEach((n, i) => out.push(small(`${i === 0 ? "注：" : "　　"}${t.notes.length > 1 ? `${i + 1}.` : ""}${n}`)));
  return out;
}

// ───────────────────────────── 项目绩效目标完成情况表 ─────────────────────────────

// Six grid columns, as the seed's table: label | 一级 | 二级 | 三级 | 预期 | 实际.
const PROJECT_COLUMNS = [1100, 1050, 1000, 1900, 1897, 1897];
const PROJECT_WIDTHS = (() => {
  const ws = [...PROJECT_COLUMNS];
  ws[ws.length - 1]! += TEXT_WIDTH - ws.reduce((s, w) => s + w, 0);
  return ws;
})();

function spanWidth(from: number, count: number) {
  return PROJECT_WIDTHS.slice(from, from + count).reduce((s, w) => s + w, 0);
}

/** Indices where a run of equal values starts, with its length (for vertical merges). */
function runs(values: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    out.set(i, j - i);
    i = j;
  }
  return out;
}

function projectTable(p: YearDocument["projects"][number], year: number): (Paragraph | Table)[] {
  const label = (text: string, o: CellOpts = {}) => cell(text, { align: AlignmentType.CENTER, ...o });
  const wan = (v: string) => fixed2(v) ?? "";
  const rows: TableRow[] = [
    new TableRow({ cantSplit: true, keepNext: true, children: [label("项目名称", { width: spanWidth(0, 1) }), cell(p.name, { columnSpan: 5, width: spanWidth(1, 5) })] }),
    new TableRow({ cantSplit: true, keepNext: true, children: [label("预算单位", { width: spanWidth(0, 1) }), cell(p.budgetUnit, { columnSpan: 5, width: spanWidth(1, 5) })] }),
  ];
  const funding: [string, string, string, string][] = [
    ["预算数：", wan(p.budget), "执行数：", wan(p.executed)],
    ["其中-财政拨款：", wan(p.fiscalBudget), "其中-财政拨款：", wan(p.fiscalExecuted)],
    ["其它资金：", wan(p.otherBudget), "其它资金：", wan(p.otherExecuted)],
  ];
  funding.forEach(([a, b, c, d], i) => {
    rows.push(
      new TableRow({
        cantSplit: true,
        keepNext: true,
        children: [
          ...(i === 0 ? [label("预算执行情况（万元）", { rowSpan: 3, width: spanWidth(0, 1) })] : []),
          cell(a, { width: spanWidth(1, 1) }),
          cell(b, { align: AlignmentType.RIGHT, width: spanWidth(2, 1) }),
          cell(c, { width: spanWidth(3, 1) }),
          cell(d, { align: AlignmentType.RIGHT, columnSpan: 2, width: spanWidth(4, 2) }),
        ],
      }),
    );
  });
  rows.push(
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [label("年度目标完成情况", { rowSpan: 2, width: spanWidth(0, 1) }), label("预期目标", { columnSpan: 3, width: spanWidth(1, 3), bold: true }), label("实际完成目标", { columnSpan: 2, width: spanWidth(4, 2), bold: true })],
    }),
    new TableRow({ children: [cell(p.goalExpected, { columnSpan: 3, width: spanWidth(1, 3) }), cell(p.goalActual, { columnSpan: 2, width: spanWidth(4, 2) })] }),
  );
  const inds = p.indicators;
  rows.push(
    new TableRow({
      cantSplit: true,
      children: [
        label("绩效指标完成情况", { rowSpan: inds.length + 1, width: spanWidth(0, 1) }),
        ...["一级指标", "二级指标", "三级指标", "预期指标值（包含数字及文字描述）", "实际完成指标值（包含数字及文字描述）"].map((h, i) => label(h, { bold: true, width: spanWidth(i + 1, 1) })),
      ],
    }),
  );
  const level1Runs = runs(inds.map((i) => i.level1));
  const level2Runs = runs(inds.map((i) => `${i.level1}\u0000${i.level2}`));
  inds.forEach((ind, i) => {
    const l1 = level1Runs.get(i);
    const l2 = level2Runs.get(i);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          ...(l1 ? [label(ind.level1, { rowSpan: l1 > 1 ? l1 : undefined, width: spanWidth(1, 1) })] : []),
          ...(l2 ? [label(ind.level2, { rowSpan: l2 > 1 ? l2 : undefined, width: spanWidth(2, 1) })] : []),
          cell(ind.name, { width: spanWidth(3, 1) }),
          cell(ind.expected, { width: spanWidth(4, 1) }),
          cell(ind.actual, { width: spanWidth(5, 1) }),
        ],
      }),
    );
  });
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { line: 360, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: `项目绩效目标完成情况表${p.table}`, size: SIZE.tableTitle, font: font(FONTS.hei) })],
    }),
    centered(`（${year}年度）`, { size: SIZE.table + 3, eastAsia: FONTS.song, after: 120 }),
    tableOf(rows, PROJECT_WIDTHS),
  ];
}

// ───────────────────────────── the document ─────────────────────────────

function sectionBlocks(section: { key: string; heading: string; body: string }, offset = 0, pageBreakBefore = false): Paragraph[] {
  const out: Paragraph[] = [];
  if (!isLabelOnlySection(section)) out.push(heading(section.heading.trim(), headingLevel(section, offset), { pageBreakBefore }));
  for (const text of paragraphs(section.body)) out.push(body(text));
  return out;
}

function documentChildren(doc: YearDocument, versionNo: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const year = doc.ref.year;
  out.push(
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 240 }, children: [new TextRun(doc.department.name)] }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun(`${year}年度部门决算公开`)] }),
  );
  const published = publishedDateText(doc.publishedAt);
  out.push(centered([published ? `公开日期：${published}` : "", versionNo > 1 ? `第${versionNo}版（更正）` : ""].filter(Boolean).join("　"), { size: SIZE.tableTitle, eastAsia: FONTS.fang, keepNext: false }));
  if (versionNo > 1 && doc.correctionNote) out.push(centered(`更正说明：${doc.correctionNote}`, { size: SIZE.tableTitle, eastAsia: FONTS.fang, keepNext: false }));

  const anchor = projectTablesAnchor(doc);
  let firstPart = true;
  for (const s of doc.sections) {
    const isPart = headingLevel(s) === 1;
    out.push(...sectionBlocks(s, 0, isPart && firstPart));
    if (isPart) firstPart = false;
    if (s.key === "glossary") {
      doc.glossary.forEach((g, i) =>
        out.push(new Paragraph({ indent: { firstLine: INDENT_2_CHARS }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: `${i + 1}.${g.term}：`, bold: true }), new TextRun(g.definition)] })),
      );
    }
    if (s.key === anchor) for (const p of doc.projects) out.push(...projectTable(p, year));
  }

  const { overall, selfEvaluations } = doc.attachments;
  if (overall || selfEvaluations.length) {
    out.push(heading(ATTACHMENTS_PART_HEADING, 1, { pageBreakBefore: true }));
    // 附件N (level 2), each report's title (level 3, centred), its own headings below.
    if (overall) {
      out.push(heading("附件1", 2), heading(overall.title.trim(), 3, { center: true }));
      for (const s of overall.sections) out.push(...sectionBlocks(s, 2));
    }
    if (selfEvaluations.length) {
      out.push(heading(overall ? "附件2" : "附件1", 2, { pageBreakBefore: !!overall }));
      selfEvaluations.forEach((r, i) => {
        out.push(heading(r.title.trim(), 3, { center: true, pageBreakBefore: i > 0 }));
        for (const s of r.sections) out.push(...sectionBlocks(s, 2));
      });
    }
  }

  const tables = buildTables(doc).filter((t) => t.standard);
  out.push(heading("附表", 1, { pageBreakBefore: true }));
  out.push(body("以下各表根据本部门公开的决算数据生成，金额单位为万元，保留两位小数。表中计算数与正文印制数不一致之处，在表下注明，不作改动。"));
  tables.forEach((t, i) => out.push(...standardTable(t, i + 1)));
  return out;
}

const headingStyle = (eastAsia: string, o: { size?: number; bold?: boolean; center?: boolean; before?: number } = {}) => ({
  run: { font: font(eastAsia), size: o.size ?? SIZE.body, bold: o.bold ?? false, color: "000000" },
  paragraph: {
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: o.center ? undefined : { firstLine: INDENT_2_CHARS },
    spacing: { before: o.before ?? 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT },
  },
});

/** The .docx bytes of a published year document. */
export async function buildYearDocx(doc: YearDocument, versionNo: number): Promise<BuiltFile> {
  const document = new Document({
    title: doc.title,
    subject: "部门决算公开",
    creator: doc.department.name,
    description: `${doc.title}（第${versionNo}版）`,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.fang), size: SIZE.body, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } },
        },
        title: { run: { font: font(FONTS.song), size: SIZE.title, bold: true, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.AUTO } } },
        heading1: headingStyle(FONTS.hei, { center: true, size: SIZE.body + 4, before: 240 }),
        heading2: headingStyle(FONTS.hei),
        heading3: headingStyle(FONTS.kai),
        heading4: headingStyle(FONTS.fang, { bold: true }),
        heading5: headingStyle(FONTS.fang),
        heading6: headingStyle(FONTS.fang),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1134, header: 851 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页 / 共 ", PageNumber.TOTAL_PAGES, " 页"], size: SIZE.footer, font: font(FONTS.song) })],
              }),
            ],
          }),
        },
        children: documentChildren(doc, versionNo),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return { bytes: await withFontFallbacks(packed), contentType: CONTENT_TYPES.docx, fileName: exportFileName(doc, versionNo, "docx") };
}

// ───────────────────────────── font table ─────────────────────────────

// Chinese name, PANOSE-1 and pitch/family of each east-Asian face (charset 86 = GB2312).
const FONT_TABLE: Record<string, { alt: string; panose: string; family: string; pitch: string }> = {
  SimSun: { alt: "宋体", panose: "02010600030101010101", family: "auto", pitch: "variable" },
  FangSong: { alt: "仿宋", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  SimHei: { alt: "黑体", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  KaiTi: { alt: "楷体", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
};

/** Adds the east-Asian fonts, with their fallback hints, to word/fontTable.xml. */
async function withFontFallbacks(packed: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const file = zip.file("word/fontTable.xml");
  if (!file) return packed;
  let xml = await file.async("string");
  const entries = Object.entries(FONT_TABLE)
    .filter(([name]) => !xml.includes(`w:name="${name}"`))
    .map(
      ([name, f]) =>
        `<w:font w:name="${name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join("");
  xml = xml.includes("</w:fonts>") ? xml.replace("</w:fonts>", `${entries}</w:fonts>`) : xml.replace(/<w:fonts([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  zip.file("word/fontTable.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
