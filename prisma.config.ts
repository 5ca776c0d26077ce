import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI insists on a native schema engine that cannot be downloaded on an
// isolated network. We ship an offline stand-in built on Prisma's own WebAssembly
// engine (prisma/engine/). Setting the variable here means no one has to export it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma", "engine", "schema-engine.cjs");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Commands that do not touch a database (generate, validate) run without it.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
