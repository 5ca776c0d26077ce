import { WorkspaceShell } from "@/components/shell/workspace-shell";
import { navigationFor } from "@/lib/navigation";
import { ROLE_LABELS } from "@/lib/permissions";
import { requirePermission } from "@/features/auth/session";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("workspace.access");
  return (
    <WorkspaceShell
      user={{ name: user.name, roleLabel: ROLE_LABELS[user.role], departmentName: user.department?.shortName }}
      nav={navigationFor(user.role)}
    >
      {children}
    </WorkspaceShell>
  );
}
