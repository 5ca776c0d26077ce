/**
 * The signed-in person an action runs for, as re-read from the database on every
 * request. Every feature's handlers take one (or null for the anonymous), so this
 * type lives below all features.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = { id: string; name: string; role: Role; departmentId: string | null };
