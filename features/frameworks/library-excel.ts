/**
 * 指标库 import from .xlsx: the first sheet whose header row (found by its texts, not
 * fixed addresses) has 一级指标, 二级指标 and 三级指标; optional 指标性质, 计量单位,
 * 参考指标值 and 说明 columns. All or nothing: every wrong cell gets one message.
 */
import { type ImportError, loadWorkbook, nameKey, natureOf, scalarOf, textOf } from "@/features/indicators/excel/cells";
import { parseIndicatorValue } from "@/features/indicators/value";
import { offloadedUploadParser } from "@/features/indicators/excel/offloaded";
import { libraryItemSchema, type LibraryItemValues } from "./schema";

const COLUMNS = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称"],
  nature: ["指标性质", "性质"],
  unit: ["计量单位", "单位"],
  target: ["参考指标值", "指标值", "目标值"],
  description: ["说明", "指标说明", "备注"],
} as const;
type Key = keyof typeof COLUMNS;
const LABEL: Record<Key, string> = { level1: "一级指标", level2: "二级指标", name: "三级指标", nature: "指标性质", unit: "计量单位", target: "参考指标值", description: "说明" };

export type LibraryFramework = { level1: { name: string; level2: { id: string; name: string }[] }[] };
export type LibraryParse = { ok: true; rows: LibraryItemValues[] } | { ok: false; errors: ImportError[] };

export async function parseLibraryWorkbook(input: Buffer | ArrayBuffer | Uint8Array, framework: LibraryFramework): Promise<LibraryParse> {
  const loaded = await loadWorkbook(input, { maxRows: 6000, maxRowsMessage: "行数超过上限：每次最多导入5000条", what: "请按页面说明的列填写后再导入" });
  if (!loaded.ok) return { ok: false, errors: [{ row: 0, column: "", cell: "", message: loaded.message }] };
  for (const ws of loaded.workbook.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
      const cols = new Map<Key, number>();
      ws.getRow(r).eachCell((cell, c) => {
        const t = nameKey(textOf(scalarOf(cell))).replace(/[*＊:：]/g, "");
        for (const [k, labels] of Object.entries(COLUMNS) as [Key, readonly string[]][]) if (!cols.has(k) && labels.includes(t)) cols.set(k, c);
      });
      if (!cols.has("level1") || !cols.has("level2") || !cols.has("name")) continue;
      const errors: ImportError[] = [];
      const rows: LibraryItemValues[] = [];
      for (let i = r + 1; i <= ws.rowCount; i++) {
        const row = ws.getRow(i);
        const get = (k: Key) => (cols.has(k) ? textOf(scalarOf(row.getCell(cols.get(k)!))) : "");
        if ((Object.keys(COLUMNS) as Key[]).every((k) => get(k) === "")) continue;
        const at = (k: Key) => `${cols.has(k) ? ws.getColumn(cols.get(k)!).letter : ""}${i}`;
        const err = (k: Key, message: string) => errors.push({ row: i, column: LABEL[k], cell: at(k), message: `${at(k)}：${message}` });
        const l1 = framework.level1.find((g) => nameKey(g.name) === nameKey(get("level1")));
        if (!get("level1")) err("level1", "请填写一级指标");
        else if (!l1) err("level1", `一级指标“${get("level1")}”不在该指标体系中（应为：${framework.level1.map((g) => g.name).join("、")}）`);
        const l2 = l1?.level2.find((x) => nameKey(x.name) === nameKey(get("level2")));
        if (l1 && !l2) err("level2", get("level2") ? `二级指标“${get("level2")}”不属于一级指标“${l1.name}”（可选：${l1.level2.map((x) => x.name).join("、")}）` : "请填写二级指标");
        const target = get("target");
        const parsedTarget = target ? parseIndicatorValue(target) : null;
        let nature = get("nature") ? natureOf(get("nature")) : null;
        if (get("nature") && !nature) err("nature", `指标性质“${get("nature")}”无法识别，请填写 ≥、≤、＝ 或 定性`);
        if (!get("nature")) nature = parsedTarget?.kind === "number" ? (parsedTarget.symbol ?? "EQ") : "QUALITATIVE";
        let unit = get("unit");
        if (!unit && parsedTarget?.kind === "number") unit = parsedTarget.unit;
        if (parsedTarget?.kind === "not_a_number") {
          err("target", `参考指标值“${target}”不是数字：${parsedTarget.reason}`);
          continue;
        }
        if (!l2 || (get("nature") && !nature)) continue;
        const result = libraryItemSchema.safeParse({ level2Id: l2.id, name: get("name"), nature: nature ?? "QUALITATIVE", unit, targetText: target, description: get("description") });
        if (result.success) rows.push(result.data);
        else for (const issue of result.error.issues) err((issue.path[0] === "unit" ? "unit" : issue.path[0] === "name" ? "name" : "target") as Key, issue.message);
      }
      if (errors.length) return { ok: false, errors };
      if (rows.length === 0) return { ok: false, errors: [{ row: r, column: "", cell: "", message: `工作表“${ws.name}”的表头（第${r}行）下没有指标` }] };
      const seen = new Set<string>();
      for (const [n, x] of rows.entries()) {
        const k = `${x.level2Id}|${x.name}`;
        if (seen.has(k)) return { ok: false, errors: [{ row: 0, column: "三级指标", cell: "", message: `第${n + 1}条“${x.name}”在同一二级指标下重复` }] };
        seen.add(k);
      }
      return { ok: true, rows };
    }
  }
  return { ok: false, errors: [{ row: 0, column: "", cell: "", message: "没有找到表头：请在第一行填写“一级指标”“二级指标”“三级指标”（可加“指标性质”“计量单位”“参考指标值”“说明”）" }] };
}

/** parseLibraryWorkbook in a worker process for large files (lib/isolated.ts). */
export const parseLibraryWorkbookOffloaded = offloadedUploadParser(parseLibraryWorkbook, { module: "features/frameworks/library-excel.ts", name: "parseLibraryWorkbook" });
