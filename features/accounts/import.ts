/**
 * Bulk import of departments and accounts from one .xlsx (sheets "部门" and "账号").
 * All or nothing: every wrong cell is reported (sheet, cell, message) and nothing is
 * written; otherwise one transaction creates everything, each row audited as if made by
 * hand, plus one `user.import` row. The new accounts' one-time passwords come back once,
 * as an .xlsx the admin downloads.
 *
 * Server side only (exceljs). Client code imports types only.
 */
import ExcelJS from "exceljs";
import { writeAudit } from "@/features/audit/mutations";
import { insertDepartment } from "@/features/departments/mutations";
import { createDepartmentSchema, UNIT_KINDS } from "@/features/departments/schema";
import { loadWorkbook, scalarOf, textOf } from "@/features/indicators/excel/cells";
import type { Actor } from "@/lib/actor";
import type { PrismaClient } from "@/lib/db-client";
import type { Role, UnitKind } from "@/lib/generated/prisma/enums";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { ROLE_LABELS } from "@/lib/permissions";
import { insertAccount } from "./mutations";
import { createAccountSchema, DEPARTMENT_ROLES, ROLES } from "./schema";

export const DEPARTMENT_SHEET = "部门";
export const ACCOUNT_SHEET = "账号";
export const MAX_IMPORT_ROWS = 2_000;
const DEPARTMENT_COLUMNS = ["单位编码", "单位全称", "简称", "单位类型", "上级单位编码", "地区", "排序"] as const;
const ACCOUNT_COLUMNS = ["用户名", "姓名", "角色", "所属单位编码", "电话", "邮箱"] as const;
const COLUMN_LETTERS = "ABCDEFG";

export type ImportCellError = { sheet: string; cell: string; message: string };
export type ImportResult =
  | { ok: true; departments: number; accounts: number; passwords: { username: string; name: string; temporaryPassword: string }[] }
  | { ok: false; message: string; errors: ImportCellError[] };

export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const d = wb.addWorksheet(DEPARTMENT_SHEET);
  d.addRow([...DEPARTMENT_COLUMNS]);
  d.addRow(["101", "某市教育局", "教育局", UNIT_KIND_LABELS.ADMINISTRATIVE, "", "某市", 1]);
  d.addRow(["101001", "某市第一中学", "一中", UNIT_KIND_LABELS.PUBLIC_INSTITUTION, "101", "某市", 1]);
  const a = wb.addWorksheet(ACCOUNT_SHEET);
  a.addRow([...ACCOUNT_COLUMNS]);
  // One example per role that an office creates in bulk: owners of the department and of its
  // sub-unit, the department's reviewer (主管部门 checks its units' work) and a finance reviewer.
  a.addRow(["zhangsan", "张三", ROLE_LABELS.OWNER, "101", "", ""]);
  a.addRow(["wangwu", "王五", ROLE_LABELS.OWNER, "101001", "", ""]);
  a.addRow(["zhaoliu", "赵六", ROLE_LABELS.DEPT_REVIEWER, "101", "", ""]);
  a.addRow(["lisi", "李四", ROLE_LABELS.REVIEWER, "", "0571-12345678", "lisi@example.cn"]);
  for (const ws of [d, a]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 18));
  }
  const g = wb.addWorksheet("填写说明");
  for (const line of [
    "“部门”表：每行一个部门或下属单位。单位编码唯一且创建后不能修改（用于公开报告网址）；下属单位填写上级单位编码（上级可以是已有部门，或本表中位于其上方的部门）。",
    `单位类型：${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join("、")}。排序为 0–9999 的整数，可留空。`,
    `“账号”表：每行一个账号。角色：${ROLES.map((r) => ROLE_LABELS[r]).join("、")}；项目填报人和部门审核人必须填写所属单位编码。`,
    "导入是“全部或全不”：任何一格有误都不会导入，并列出每个错误所在的单元格。示例行请删除或改为实际数据。",
    "导入成功后会下载一份包含新账号临时密码的文件，只提供这一次，请妥善保管并转交本人；首次登录须修改密码。",
  ])
    g.addRow([line]);
  g.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type SheetRow = { row: number; cells: string[] };

function readSheet(ws: ExcelJS.Worksheet | undefined, columns: readonly string[], errors: ImportCellError[]): SheetRow[] {
  if (!ws) return [];
  const header = columns.map((_, i) => textOf(scalarOf(ws.getRow(1).getCell(i + 1))));
  const bad = columns.findIndex((c, i) => header[i] !== c);
  if (bad >= 0) {
    errors.push({ sheet: ws.name, cell: `${COLUMN_LETTERS[bad]}1`, message: `表头应为“${columns[bad]}”，请使用导入模板` });
    return [];
  }
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = columns.map((_, i) => textOf(scalarOf(r.getCell(i + 1))));
    if (cells.every((c) => c === "")) return;
    rows.push({ row: n, cells });
  });
  return rows;
}

const byLabel = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));

/** Parses and checks everything; writes nothing. */
export async function parseImportWorkbook(prisma: PrismaClient, bytes: Buffer | Uint8Array) {
  const loaded = await loadWorkbook(bytes, { maxRows: MAX_IMPORT_ROWS + 10, maxRowsMessage: `每张表最多 ${MAX_IMPORT_ROWS} 行，请分批导入`, what: "请下载部门和账号导入模板填写后再导入" });
  if (!loaded.ok) return { ok: false as const, message: loaded.message, errors: [] as ImportCellError[] };
  const wb = loaded.workbook;
  const errors: ImportCellError[] = [];
  const dWs = wb.getWorksheet(DEPARTMENT_SHEET);
  const aWs = wb.getWorksheet(ACCOUNT_SHEET);
  if (!dWs && !aWs) return { ok: false as const, message: `文件中没有“${DEPARTMENT_SHEET}”或“${ACCOUNT_SHEET}”工作表，请使用导入模板`, errors };
  const dRows = readSheet(dWs, DEPARTMENT_COLUMNS, errors);
  const aRows = readSheet(aWs, ACCOUNT_COLUMNS, errors);

  const existing = await prisma.department.findMany({ select: { id: true, code: true, parentId: true, retiredAt: true } });
  const existingByCode = new Map(existing.map((d) => [d.code, d]));
  const kinds = byLabel(UNIT_KIND_LABELS as Record<UnitKind, string>);
  const roles = byLabel(ROLE_LABELS as Record<Role, string>);
  const cell = (sheet: string, col: number, row: number) => `${COLUMN_LETTERS[col]}${row}`;
  const fieldCol: Record<string, number> = { code: 0, name: 1, shortName: 2, unitKind: 3, parentId: 4, region: 5, sortOrder: 6 };

  // Departments: top-level ones of this file, by code, for sub-units below them.
  const fileTop = new Set<string>();
  const seenCodes = new Set<string>();
  const departments: { row: number; code: string; parentCode: string | null; values: Omit<ReturnType<typeof createDepartmentSchema.parse>, "parentId"> }[] = [];
  for (const { row, cells } of dRows) {
    const [code = "", name = "", shortName = "", kindLabel = "", parentCode = "", region = "", sort = ""] = cells;
    const kind = kindLabel === "" ? "ADMINISTRATIVE" : kinds.get(kindLabel);
    if (!kind) errors.push({ sheet: DEPARTMENT_SHEET, cell: cell(DEPARTMENT_SHEET, 3, row), message: `单位类型应为${UNIT_KINDS.map((k) => `“${UNIT_KIND_LABELS[k]}”`).join("、")}之一` });
    const parsed = createDepartmentSchema.safeParse({ code, name, shortName, unitKind: kind ?? "ADMINISTRATIVE", region, parentId: null, isBudgetUnit: true, sortOrder: sort === "" ? 0 : sort });
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ sheet: DEPARTMENT_SHEET, cell: cell(DEPARTMENT_SHEET, fieldCol[String(i.path[0])] ?? 0, row), message: i.message });
      continue;
    }
    if (seenCodes.has(parsed.data.code)) errors.push({ sheet: DEPARTMENT_SHEET, cell: cell(DEPARTMENT_SHEET, 0, row), message: `单位编码 ${parsed.data.code} 在本表中重复` });
    else if (existingByCode.has(parsed.data.code)) errors.push({ sheet: DEPARTMENT_SHEET, cell: cell(DEPARTMENT_SHEET, 0, row), message: `单位编码 ${parsed.data.code} 已存在` });
    seenCodes.add(parsed.data.code);
    if (parentCode) {
      const p = existingByCode.get(parentCode);
      const ok = (p && !p.parentId && !p.retiredAt) || fileTop.has(parentCode);
      if (!ok) errors.push({ sheet: DEPARTMENT_SHEET, cell: cell(DEPARTMENT_SHEET, 4, row), message: `上级单位编码 ${parentCode} 不存在、已撤销或本身是下属单位（上级须在本行上方或已在系统中）` });
    } else fileTop.add(parsed.data.code);
    const { parentId: _unused, ...values } = parsed.data;
    void _unused;
    departments.push({ row, code: parsed.data.code, parentCode: parentCode || null, values });
  }

  const existingUsers = new Set((await prisma.user.findMany({ select: { username: true } })).map((u) => u.username));
  const seenUsers = new Set<string>();
  const aCol: Record<string, number> = { username: 0, name: 1, role: 2, departmentId: 3, phone: 4, email: 5 };
  const accounts: { row: number; departmentCode: string | null; values: ReturnType<typeof createAccountSchema.parse> }[] = [];
  for (const { row, cells } of aRows) {
    const [username = "", name = "", roleLabel = "", deptCode = "", phone = "", email = ""] = cells;
    const role = roles.get(roleLabel);
    if (!role) {
      errors.push({ sheet: ACCOUNT_SHEET, cell: cell(ACCOUNT_SHEET, 2, row), message: `角色应为${ROLES.map((r) => `“${ROLE_LABELS[r]}”`).join("、")}之一` });
      continue;
    }
    const parsed = createAccountSchema.safeParse({ username, name, role, departmentId: deptCode || null, phone, email });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const message = i.path[0] === "departmentId" ? `${ROLE_LABELS[role]}必须填写所属单位编码` : i.message;
        errors.push({ sheet: ACCOUNT_SHEET, cell: cell(ACCOUNT_SHEET, aCol[String(i.path[0])] ?? 0, row), message });
      }
      continue;
    }
    const u = parsed.data.username;
    if (seenUsers.has(u)) errors.push({ sheet: ACCOUNT_SHEET, cell: cell(ACCOUNT_SHEET, 0, row), message: `用户名 ${u} 在本表中重复` });
    else if (existingUsers.has(u)) errors.push({ sheet: ACCOUNT_SHEET, cell: cell(ACCOUNT_SHEET, 0, row), message: `用户名 ${u} 已被使用` });
    seenUsers.add(u);
    if (DEPARTMENT_ROLES.includes(role) && deptCode) {
      const e = existingByCode.get(deptCode);
      if (!(e && !e.retiredAt) && !seenCodes.has(deptCode)) errors.push({ sheet: ACCOUNT_SHEET, cell: cell(ACCOUNT_SHEET, 3, row), message: `单位编码 ${deptCode} 不存在或已撤销` });
    }
    accounts.push({ row, departmentCode: DEPARTMENT_ROLES.includes(role) ? deptCode : null, values: parsed.data });
  }
  if (errors.length > 0) return { ok: false as const, message: `发现 ${errors.length} 处错误，未导入任何数据。请按单元格位置修改后重新导入`, errors };
  if (departments.length + accounts.length === 0) return { ok: false as const, message: "文件中没有要导入的部门或账号", errors };
  return { ok: true as const, departments, accounts, existingByCode };
}

export async function importDepartmentsAndAccounts(prisma: PrismaClient, actor: Actor, bytes: Buffer | Uint8Array): Promise<ImportResult> {
  const plan = await parseImportWorkbook(prisma, bytes);
  if (!plan.ok) return plan;
  try {
    return await prisma.$transaction(
      async (tx) => {
        const ids = new Map<string, string>();
        for (const d of plan.departments) {
          const parentId = d.parentCode ? (ids.get(d.parentCode) ?? plan.existingByCode.get(d.parentCode)?.id ?? null) : null;
          const created = await insertDepartment(tx, actor, { ...d.values, parentId });
          ids.set(d.code, created.id);
        }
        const passwords = [];
        for (const a of plan.accounts) {
          const departmentId = a.departmentCode ? (ids.get(a.departmentCode) ?? plan.existingByCode.get(a.departmentCode)?.id ?? null) : null;
          const created = await insertAccount(tx, actor, { ...a.values, departmentId });
          passwords.push({ username: created.username, name: a.values.name, temporaryPassword: created.temporaryPassword });
        }
        await writeAudit(tx, {
          actor,
          action: "user.import",
          entityType: "User",
          entityId: "import",
          data: { departments: plan.departments.length, accounts: plan.accounts.length },
        });
        return { ok: true as const, departments: plan.departments.length, accounts: plan.accounts.length, passwords };
      },
      { timeout: 120_000 },
    );
  } catch (e) {
    // A concurrent create of the same code or username: nothing was written.
    if (e && typeof e === "object" && "code" in e && (e as { code: string }).code === "P2002") {
      return { ok: false, message: "导入期间有人新建了同名的单位编码或用户名，未导入任何数据，请重新导入", errors: [] };
    }
    throw e;
  }
}

/** The one-time passwords as an .xlsx, for the admin to download once. */
export async function buildPasswordWorkbook(passwords: { username: string; name: string; temporaryPassword: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("临时密码");
  ws.addRow(["用户名", "姓名", "临时密码（首次登录须修改）"]).font = { bold: true };
  for (const p of passwords) ws.addRow([p.username, p.name, p.temporaryPassword]);
  ws.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
