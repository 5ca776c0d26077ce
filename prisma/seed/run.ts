/**
 * Loads reference data (always) and the demo data (the seed document's department
 * and year, plus one account per role). Idempotent: reference data is upserted by
 * natural keys; the demo department is loaded only when it is absent, and nothing
 * that exists is ever overwritten, so a restart neither duplicates nor loses data.
 */
import { hashPassword } from "../../features/auth/authenticate";
import type { PrismaClient } from "../../lib/db-client";
import { DEMO_ACCOUNTS, DEMO_DEPARTMENT_CODE } from "./accounts";
import { guangyuan2020 } from "./guangyuan-2020";
import { loadDepartmentYear } from "./load-department-year";
import { seedReferenceData } from "./reference";

export const DEMO_FRAMEWORK_CODE = "GY-2020-LOCAL";
export const DEMO_OPEN_YEAR = 2021;
/**
 * The open demo year uses the 财预〔2020〕10号 layout (a cost row sits under 产出指标,
 * as most offices still print it) and allows projects to switch to its variant with
 * 服务对象满意度 under 效益指标 or to 财预〔2021〕101号.
 */
export const DEMO_OPEN_FRAMEWORK_CODE = "CY-2020-10";
export const DEMO_ALTERNATIVE_FRAMEWORK_CODES = ["CY-2020-10-S", "CY-2021-101"];
/** The seed document's publication is dated 2021 (final accounts are published the year after). */
const DEMO_PUBLISHED_AT = new Date("2021-09-30T08:00:00+08:00");

export type SeedResult = { loaded: boolean; summary: string };

export async function seedDemoData(prisma: PrismaClient, opts: { demo?: boolean } = {}): Promise<SeedResult> {
  const demo = opts.demo ?? true;
  // Hash outside the transaction: bcrypt is slow on purpose.
  const hashes = demo ? await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password))) : [];

  return prisma.$transaction(
    async (tx) => {
      // Serialise concurrent seeders (several instances starting at once).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(724201)`;
      await seedReferenceData(tx);
      if (!demo) return { loaded: false, summary: "参考数据" };

      const existing = await tx.department.findUnique({ where: { code: DEMO_DEPARTMENT_CODE } });
      let summary = "";
      if (!existing) {
        const r = await loadDepartmentYear(tx, guangyuan2020, {
          departmentCode: DEMO_DEPARTMENT_CODE,
          frameworkCode: DEMO_FRAMEWORK_CODE,
          publishedAt: DEMO_PUBLISHED_AT,
        });
        summary = `${r.department.shortName} ${guangyuan2020.fiscalYear}年度（${r.projectCount} 个项目）`;
      }
      const department = existing ?? (await tx.department.findUniqueOrThrow({ where: { code: DEMO_DEPARTMENT_CODE } }));
      // A year open for filling in, on a national framework, so the demo
      // owner can create projects and copy last year's.
      const current = await tx.indicatorFramework.findUniqueOrThrow({ where: { code: DEMO_OPEN_FRAMEWORK_CODE } });
      const alternatives = await tx.indicatorFramework.findMany({ where: { code: { in: DEMO_ALTERNATIVE_FRAMEWORK_CODES } }, select: { id: true } });
      await tx.fiscalYear.upsert({
        where: { year: DEMO_OPEN_YEAR },
        create: { year: DEMO_OPEN_YEAR, status: "OPEN", frameworkId: current.id, alternativeFrameworks: { connect: alternatives } },
        update: {},
      });
      let newAccounts = 0;
      for (const [i, a] of DEMO_ACCOUNTS.entries()) {
        const found = await tx.user.findUnique({ where: { username: a.username } });
        if (found) continue;
        await tx.user.create({
          data: {
            username: a.username,
            name: a.name,
            role: a.role,
            passwordHash: hashes[i] ?? "",
            departmentId: a.departmentCode ? department.id : null,
          },
        });
        newAccounts++;
      }
      const loaded = !existing || newAccounts > 0;
      if (loaded) {
        await tx.auditLog.create({
          data: { action: "seed.load", entityType: "Department", entityId: department.id, comment: `${summary || "演示数据"}；新建演示账号 ${newAccounts} 个` },
        });
      }
      return { loaded, summary: `${summary || "演示部门已存在"}，演示账号 ${newAccounts} 个` };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/** Production bootstrap: an administrator "admin" with the given password, if none exists. */
export async function ensureInitialAdmin(prisma: PrismaClient, password: string): Promise<boolean> {
  if (password.length < 8) throw new Error("JIXIAO_ADMIN_PASSWORD 至少 8 个字符");
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(724202)`;
    if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) return false;
    const admin = await tx.user.create({ data: { username: "admin", name: "系统管理员", role: "ADMIN", passwordHash } });
    await tx.auditLog.create({ data: { action: "user.bootstrap_admin", entityType: "User", entityId: admin.id } });
    return true;
  });
}
