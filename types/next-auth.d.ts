import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    name: string;
    role: Role;
    departmentId: string | null;
  }
  interface Session {
    user: { id: string; name: string; role: Role; departmentId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    departmentId: string | null;
  }
}
