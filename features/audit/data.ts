import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, AUDIT_ENTITY_LABELS, type AuditFilter } from "./schema";

/** Shanghai calendar day bounds: the office's dates, whatever the server's zone. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

function whereOf(f: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(f.actor ? { actorName: { contains: f.actor, mode: "insensitive" as const } } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: dayStart(f.from) } : {}), ...(f.to ? { lt: nextDay(f.to) } : {}) } } : {}),
  };
}

export type AuditObject = { label: string; href: string | null };

/** Names and links of the objects on one page of the log, loaded in one query per kind. */
async function describeObjects(prisma: Db, entries: { entityType: string; entityId: string }[]) {
  const ids = (type: string) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [reports, projects, users, departments, years] = await Promise.all([
    prisma.report.findMany({ where: { id: { in: ids("Report") } }, select: { id: true, title: true } }),
    prisma.project.findMany({ where: { id: { in: ids("Project") } }, select: { id: true, name: true } }),
    prisma.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true, username: true } }),
    prisma.department.findMany({ where: { id: { in: ids("Department") } }, select: { id: true, name: true } }),
    prisma.departmentYear.findMany({ where: { id: { in: ids("DepartmentYear") } }, select: { id: true, year: true, department: { select: { code: true, name: true } } } }),
  ]);
  const map = new Map<string, AuditObject>();
  for (const r of reports) map.set(`Report:${r.id}`, { label: r.title, href: `/reports/${r.id}` });
  for (const p of projects) map.set(`Project:${p.id}`, { label: p.name, href: `/projects/${p.id}` });
  for (const u of users) map.set(`User:${u.id}`, { label: `${u.name}（${u.username}）`, href: null });
  for (const d of departments) map.set(`Department:${d.id}`, { label: d.name, href: null });
  for (const y of years) map.set(`DepartmentYear:${y.id}`, { label: `${y.department.name} ${y.year}年度`, href: `/final-accounts/${y.department.code}/${y.year}` });
  return (e: { entityType: string; entityId: string }): AuditObject => {
    const kind = AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType;
    const found = map.get(`${e.entityType}:${e.entityId}`);
    return found ? { label: `${kind}：${found.label}`, href: found.href } : { label: `${kind}：${e.entityId}`, href: null };
  };
}

/** One page of the audit log under the given filters, newest first, with each object's name and link. */
export async function listAudit(filter: AuditFilter, prisma: Db = db()) {
  const where = whereOf(filter);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  const describe = await describeObjects(prisma, rows);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: rows.map((r) => ({ ...r, id: r.id.toString(), object: describe(r) })),
  };
}
