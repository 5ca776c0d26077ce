import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    name: string;
    role: Role;
    departmentId: string | null;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; role: Role; departmentId: string | null; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    departmentId: string | null;
    /** The account's session version at sign-in (see features/auth/session-version.ts). */
    sv: number;
  }
}
