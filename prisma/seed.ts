/** `prisma db seed` / `npm run db:seed`: loads the demo data into DATABASE_URL (idempotent). */
import { createPrismaClient } from "../lib/db-client";
import { seedDemoData } from "./seed/run";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("请设置 DATABASE_URL，或使用 npm run db:seed（自动启动内置数据库）");
  const prisma = createPrismaClient(url);
  try {
    const r = await seedDemoData(prisma);
    console.log(r.loaded ? `演示数据已载入：${r.summary}` : "演示数据已存在，未做改动");
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
