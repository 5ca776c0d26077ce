/**
 * A draw's results as .xlsx, as the bureau files them: sheet 1 one row per sampled project
 * (自评得分, 复核得分, 偏差, 自评质量, 状态, 反馈意见), sheet 2 every re-scored row with its
 * reason, and the draw's criteria, seed and candidates count above the table so that the draw can
 * be reproduced. Figures come ready from data.ts; this file only lays them out.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db-client";
import { fmt2 } from "@/lib/money";
import { reviewRowNames, type drawDetail } from "./data";
import { QUALITY_RULE } from "./rules";

export const ITEM_STATUS_LABELS = { PENDING: "待复核", REVIEWED: "已复核", RETURNED: "已反馈部门" } as const;
export const DRAW_ITEM_HEADERS = ["序号", "部门", "项目", "自评得分", "复核得分", "偏差", "自评质量", "状态", "反馈意见"];
const num = (v: string | null) => (v == null ? "—" : Number(v));

type Draw = NonNullable<Awaited<ReturnType<typeof drawDetail>>>;

export async function buildDrawWorkbook(draw: Draw, prisma: Db): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("抽查结果");
  ws.addRow([`${draw.title}（${draw.year}年度）`]).font = { bold: true, size: 14 };
  ws.addRow([`抽取条件：${draw.criteriaText}；候选项目 ${draw.poolIds.length} 个，抽取 ${draw.items.length} 个；随机种子 ${draw.seed}；抽取人 ${draw.createdBy}`]);
  ws.addRow([QUALITY_RULE]);
  const header = ws.addRow(DRAW_ITEM_HEADERS);
  header.font = { bold: true };
  draw.items.forEach((i, n) => {
    ws.addRow([n + 1, i.department, i.project, num(i.selfTotal), num(i.reviewTotal), num(i.deviation), i.quality ?? "—", ITEM_STATUS_LABELS[i.status], i.feedback]);
  });
  [6, 18, 36, 10, 10, 8, 8, 12, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const col of [4, 5, 6]) ws.getColumn(col).numFmt = "0.00";
  ws.views = [{ state: "frozen", ySplit: 4 }];

  const rows = wb.addWorksheet("复核明细");
  rows.addRow(["部门", "项目", "指标", "分值", "自评得分", "复核得分", "复核理由"]).font = { bold: true };
  const scores = await prisma.sampleScore.findMany({ where: { item: { drawId: draw.id } }, orderBy: [{ item: { sortOrder: "asc" } }, { id: "asc" }], include: { item: { select: { projectId: true } } } });
  const rowName = await reviewRowNames(scores.map((s) => s.rowKey), prisma);
  const items = new Map(draw.items.map((i) => [i.projectId, i]));
  for (const s of scores) {
    const item = items.get(s.item.projectId);
    rows.addRow([item?.department ?? "", item?.project ?? "", rowName(s.rowKey), Number(fmt2(s.maxScore.toString())), Number(fmt2(s.selfScore.toString())), Number(fmt2(s.reviewScore.toString())), s.reason]);
  }
  [18, 36, 36, 8, 10, 10, 48].forEach((w, i) => (rows.getColumn(i + 1).width = w));
  for (const col of [4, 5, 6]) rows.getColumn(col).numFmt = "0.00";
  rows.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
