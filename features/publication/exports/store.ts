/**
 * Generated downloads kept in the database (ExportFile), so that every app instance
 * behind the load balancer serves the same bytes and nothing lives on local disk. A
 * published version never changes: a file is built once per (reportId, versionNo,
 * format) and read from the table afterwards.
 *
 * Concurrency: requests for the same missing file in one process share one build; across
 * processes each may build, the first INSERT wins (`ON CONFLICT DO NOTHING`) and every
 * request answers with the stored row, so all clients get identical bytes.
 */
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";
import type { BuiltFile } from "./files";

export type StoredExport = { bytes: Uint8Array; contentType: string; fileName: string; sizeBytes: number; createdAt: Date; fromCache: boolean };

const inFlight = new Map<string, Promise<StoredExport>>();

/** The stored file, building and storing it first when there is none. */
export async function getOrCreateExportWith(
  client: PrismaClient,
  reportId: string,
  versionNo: number,
  format: string,
  build: () => Promise<BuiltFile>,
): Promise<StoredExport> {
  const where = { reportId_versionNo_format: { reportId, versionNo, format } };
  const found = await client.exportFile.findUnique({ where });
  if (found) return { bytes: found.bytes, contentType: found.contentType, fileName: found.fileName, sizeBytes: found.sizeBytes, createdAt: found.createdAt, fromCache: true };

  const key = `${reportId}\u0000${versionNo}\u0000${format}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const work = (async (): Promise<StoredExport> => {
    const file = await build();
    const bytes = new Uint8Array(file.bytes);
    // createMany + skipDuplicates is INSERT … ON CONFLICT DO NOTHING: a concurrent
    // insert of the same file by another instance is not an error.
    await client.exportFile.createMany({
      data: [{ reportId, versionNo, format, contentType: file.contentType, fileName: file.fileName, bytes, sizeBytes: bytes.byteLength }],
      skipDuplicates: true,
    });
    const stored = await client.exportFile.findUniqueOrThrow({ where });
    return { bytes: stored.bytes, contentType: stored.contentType, fileName: stored.fileName, sizeBytes: stored.sizeBytes, createdAt: stored.createdAt, fromCache: false };
  })();
  inFlight.set(key, work);
  try {
    return await work;
  } finally {
    inFlight.delete(key);
  }
}

/** `getOrCreateExportWith` on the app's database client. */
export async function getOrCreateExport(reportId: string, versionNo: number, format: string, build: () => Promise<BuiltFile>): Promise<StoredExport> {
  return getOrCreateExportWith(db(), reportId, versionNo, format, build);
}
