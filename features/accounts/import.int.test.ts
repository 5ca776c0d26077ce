import bcrypt from "bcryptjs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/features/auth/authenticate";
import { databaseForFile, actorOf, freshDatabase } from "@/tests/integration/db";
import { buildImportTemplate, buildPasswordWorkbook, importDepartmentsAndAccounts } from "./import";

const t = databaseForFile();
let admin: Awaited<ReturnType<typeof actorOf>>;

beforeAll(async () => {
  await t.prisma.department.create({ data: { code: "900", name: "已有部门", shortName: "已有" } });
  await t.prisma.user.create({ data: { username: "root", name: "管理员", role: "ADMIN", passwordHash: await hashPassword("Root#Pass12") } });
  admin = await actorOf(t.prisma, "root");
});

async function workbook(departments: unknown[][], accounts: unknown[][]) {
  // The template's header rows, our rows instead of its examples.
  const template = new ExcelJS.Workbook();
  await template.xlsx.load((await buildImportTemplate()) as never);
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of [["部门", departments], ["账号", accounts]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow(template.getWorksheet(name)!.getRow(1).values as unknown[]);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("import of departments and accounts (real PostgreSQL)", () => {
  it("reports every wrong cell and writes nothing", async () => {
    const file = await workbook(
      [
        ["201", "某市交通局", "交通局", "行政单位", "", "", ""],
        ["201", "重复", "重复", "行政单位", "", "", ""],
        ["900", "已有", "已有", "行政单位", "", "", ""],
        ["202001", "下属", "下属", "外星单位", "202", "", "-3"],
      ],
      [
        ["wang", "王", "项目填报人", "", "", ""],
        ["zhao", "赵", "超级用户", "", "", ""],
        ["root", "重名", "财政审核人", "", "", "bad-mail"],
        ["qian", "钱", "项目填报人", "999", "", ""],
      ],
    );
    const r = await importDepartmentsAndAccounts(t.prisma, admin, file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const cells = r.errors.map((e) => `${e.sheet}!${e.cell}`);
    expect(cells).toEqual(expect.arrayContaining(["部门!A3", "部门!A4", "部门!D5", "部门!G5", "账号!D2", "账号!C3", "账号!F4", "账号!D5"]));
    expect(r.errors.find((e) => e.cell === "D2")?.message).toBe("项目填报人必须填写所属单位编码");
    expect(await t.prisma.department.count()).toBe(1);
    expect(await t.prisma.user.count()).toBe(1);
  });

  it("the template's own example rows import as they are, one per role that offices create in bulk", async () => {
    // Its own database: the examples' codes and usernames are not the other tests' business.
    const own = await freshDatabase();
    try {
      await own.prisma.user.create({ data: { username: "root", name: "管理员", role: "ADMIN", passwordHash: "x" } });
      const r = await importDepartmentsAndAccounts(own.prisma, await actorOf(own.prisma, "root"), await buildImportTemplate());
      expect(r).toMatchObject({ ok: true, departments: 2, accounts: 4 });
      const imported = await own.prisma.user.findMany({ where: { role: { not: "ADMIN" } }, select: { username: true, role: true, department: { select: { code: true } } }, orderBy: { username: "asc" } });
      expect(imported.map((u) => [u.username, u.role, u.department?.code ?? null])).toEqual([
        ["lisi", "REVIEWER", null],
        ["wangwu", "OWNER", "101001"],
        ["zhangsan", "OWNER", "101"],
        ["zhaoliu", "DEPT_REVIEWER", "101"],
      ]);
    } finally {
      await own.drop();
    }
  });

  it("imports departments with sub-units and accounts at once; passwords come back once", async () => {
    const file = await workbook(
      [
        ["201", "某市交通局", "交通局", "行政单位", "", "某市", 2],
        ["201001", "某市公路中心", "公路中心", "其他事业单位", "201", "", ""],
        ["900001", "已有部门下属", "已有下属", "", "900", "", ""],
      ],
      [
        ["wang", "王五", "项目填报人", "201001", "", ""],
        ["zhao", "赵六", "财政审核人", "", "13800000000", "zhao@example.cn"],
        ["qian", "钱七", "项目填报人", "900", "", ""],
      ],
    );
    const r = await importDepartmentsAndAccounts(t.prisma, admin, file);
    expect(r).toMatchObject({ ok: true, departments: 3, accounts: 3 });
    if (!r.ok) return;
    const sub = await t.prisma.department.findUniqueOrThrow({ where: { code: "201001" }, include: { parent: true } });
    expect(sub.parent?.code).toBe("201");
    expect(sub.unitKind).toBe("PUBLIC_INSTITUTION");
    const wang = await t.prisma.user.findUniqueOrThrow({ where: { username: "wang" }, omit: { passwordHash: false } });
    expect(wang.departmentId).toBe(sub.id);
    expect(wang.mustChangePassword).toBe(true);
    const pw = r.passwords.find((p) => p.username === "wang")!.temporaryPassword;
    expect(await bcrypt.compare(pw, wang.passwordHash)).toBe(true);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await buildPasswordWorkbook(r.passwords)) as never);
    expect(xlsx.getWorksheet("临时密码")!.rowCount).toBe(4);
    expect(await t.prisma.auditLog.count({ where: { action: "user.import" } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: "user.create" } })).toBe(3);
  });

  it("rejects a file that is not an .xlsx with a clear message", async () => {
    const r = await importDepartmentsAndAccounts(t.prisma, admin, Buffer.from("hello"));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("不是有效的 Excel") });
  });
});
