import "server-only";
import type { Actor } from "@/lib/actor";
import { can } from "@/lib/access-policy";
import { db } from "@/lib/db";
import { formatWan, sum } from "@/lib/money";
import { finalAccountsPolicy } from "./access";
import { printedTotals, toFormValues } from "./convert";
import { listItemCodes } from "@/features/function-classes/item-codes";
import { loadStoredFinalAccounts, projectsFiscalExecuted } from "./load";

/** Department × fiscal year rows of the final-accounts list, newest year first. */
export async function listFinalAccountYears(actor: Actor) {
  const [years, departments] = await Promise.all([
    db().fiscalYear.findMany({ orderBy: { year: "desc" }, select: { year: true, status: true } }),
    db().department.findMany({
      where: { AND: [{ parentId: null }, finalAccountsPolicy.readWhere(actor)] },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        code: true,
        shortName: true,
        years: {
          select: {
            year: true,
            expenditureLines: { select: { basic: true, project: true } },
            reports: { where: { kind: "FINAL_ACCOUNTS" }, select: { id: true, status: true, publications: { select: { versionNo: true }, orderBy: { versionNo: "desc" }, take: 1 } } },
          },
        },
      },
    }),
  ]);
  return years.flatMap((y) =>
    departments.map((d) => {
      const dy = d.years.find((x) => x.year === y.year);
      const report = dy?.reports[0] ?? null;
      const expenditure = dy?.expenditureLines.length ? formatWan(sum(dy.expenditureLines.flatMap((l) => [l.basic, l.project]))) : null;
      return {
        key: `${d.id}:${y.year}`,
        departmentId: d.id,
        departmentCode: d.code,
        department: d.shortName,
        year: y.year,
        reportId: report?.id ?? null,
        status: report?.status ?? null,
        publishedVersion: report?.publications[0]?.versionNo ?? null,
        expenditure,
        canStart: !report && can(finalAccountsPolicy, actor, "edit", { departmentId: d.id, reportStatus: null }),
      };
    }),
  );
}

export type FinalAccountYearRow = Awaited<ReturnType<typeof listFinalAccountYears>>[number];

/** Everything the editor of one department-year needs; null when absent or not the actor's to see. */
export async function getFinalAccountsEditor(actor: Actor, departmentCode: string, year: number) {
  const dy = await db().departmentYear.findFirst({
    where: { year, department: { code: departmentCode, parentId: null } },
    select: {
      id: true,
      year: true,
      version: true,
      departmentId: true,
      department: { select: { name: true, shortName: true, code: true } },
      reports: { where: { kind: "FINAL_ACCOUNTS" }, select: { id: true, status: true, title: true } },
    },
  });
  if (!dy || finalAccountsPolicy.denial(actor, "read", { departmentId: dy.departmentId, reportStatus: null })) return null;
  const stored = await loadStoredFinalAccounts(db(), dy.id);
  if (!stored) return null;
  const report = dy.reports[0] ?? null;
  const denial = report ? finalAccountsPolicy.denial(actor, "edit", { departmentId: dy.departmentId, reportStatus: report.status }) : ("not_started" as const);
  return {
    departmentYearId: dy.id,
    year: dy.year,
    version: dy.version,
    department: dy.department,
    report,
    values: toFormValues(stored),
    codes: await listItemCodes(db()),
    projectsFiscalExecuted: await projectsFiscalExecuted(db(), dy.id),
    printed: printedTotals(stored.figures),
    can: { edit: denial === null, denial },
  };
}

export type FinalAccountsEditorData = NonNullable<Awaited<ReturnType<typeof getFinalAccountsEditor>>>;
