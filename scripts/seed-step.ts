/**
 * Step 3 of `npm start` (scripts/start.ts), run as a child process so that the supervising
 * process never loads Prisma, the seed document's data or bcrypt: it only starts the database,
 * spawns the steps and the server, and forwards signals. Answers one JSON line on stdout.
 *
 * Environment: DATABASE_URL, JIXIAO_SEED_DEMO ("1": demo data, else reference data only),
 * JIXIAO_ADMIN_PASSWORD (optional: create the first admin `admin` with it).
 */
import { hasActiveAdmin } from "../features/accounts/bootstrap";
import { createPrismaClient } from "../lib/db-client";
import { ensureInitialAdmin, seedDemoData } from "../prisma/seed/run";

export type SeedStepResult = { loaded: boolean; summary: string; adminCreated: boolean; needsAdmin: boolean };

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置");
  const prisma = createPrismaClient(url);
  try {
    const result = await seedDemoData(prisma, { demo: process.env.JIXIAO_SEED_DEMO === "1" });
    const password = process.env.JIXIAO_ADMIN_PASSWORD;
    const adminCreated = password ? await ensureInitialAdmin(prisma, password) : false;
    const answer: SeedStepResult = { ...result, adminCreated, needsAdmin: !(await hasActiveAdmin(prisma)) };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message.split("\n")[0] : String(e));
  process.exit(1);
});
