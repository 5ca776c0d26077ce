import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission, type Permission } from "@/lib/permissions";

type NavItem = { href: string; label: string; permission: Permission };

/** The workspace navigation; each role sees the entries its permissions allow. */
const NAV: NavItem[] = [
  { href: "/dashboard", label: "工作台", permission: "workspace.access" },
  { href: "/projects", label: "项目", permission: "project.read" },
  { href: "/reports", label: "报告", permission: "project.read" },
  { href: "/final-accounts", label: "部门决算", permission: "project.read" },
  { href: "/oversight", label: "年度总览", permission: "oversight.read" },
  { href: "/sampling", label: "抽查复核", permission: "sample.read" },
  { href: "/admin", label: "系统管理", permission: "admin.access" },
  { href: "/audit", label: "审计日志", permission: "audit.read" },
];

export function navigationFor(role: Role) {
  return NAV.filter((item) => hasPermission(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
