import { SiteFrame } from "./site-frame";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

type ShellProps = {
  user: { name: string; roleLabel: string; departmentName?: string | null };
  nav: { href: string; label: string }[];
  children: ReactNode;
};

export function WorkspaceShell({ user, nav, children }: ShellProps) {
  return (
    <SiteFrame
      home="/dashboard"
      title="绩效管理平台"
      bar="max-w-7xl flex-wrap gap-x-8 gap-y-2 py-3"
      main="max-w-7xl py-6"
      header={
        <>
          <nav aria-label="主导航" className="flex flex-1 flex-wrap gap-1">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="current-user">
              {user.name}
              <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{user.roleLabel}</span>
              {user.departmentName ? <span className="ml-2 text-slate-500">{user.departmentName}</span> : null}
            </span>
            <Link href="/account/password" className="text-brand-700 hover:underline">
              修改密码
            </Link>
            <SignOutButton />
          </div>
        </>
      }
    >
      {children}
    </SiteFrame>
  );
}
