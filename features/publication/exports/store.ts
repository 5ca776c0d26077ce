/**
 * Generated downloads kept in the database (ExportFile), so that every app instance
 * behind the load balancer serves the same bytes and nothing lives on local disk. A
 * published version never changes: a file is built once per (reportId, versionNo,
 * format, exporter revision) and read from the table afterwards. A new exporter
 * revision (EXPORT_REVISIONS in files.ts) is a new key, so every instance builds the
 * file again; rows of older revisions are deleted when the new one is stored, newer
 * ones are left alone (an instance still on the old code during a rolling update must
 * not delete what the updated ones built).
 *
 * Concurrency: requests for the same missing file in one process share one build; across
 * processes each may build, the first INSERT wins (`ON CONFLICT DO NOTHING`) and every
 * request answers with the stored row, so all clients get identical bytes.
 */
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db-client";
import type { BuiltFile } from "./files";

export type StoredExport = { bytes: Uint8Array; contentType: string; fileName: string; sizeBytes: number; createdAt: Date; fromCache: boolean };

/** Which stored file: `format` is the format's key (e.g. "pdf", "csv-income"), `revision` its exporter's revision. */
export type ExportKey = { reportId: string; versionNo: number; format: string; revision: number };

const inFlight = new Map<string, Promise<StoredExport>>();

/** The stored file, building and storing it first when there is none. */
export async function getOrCreateExportWith(client: PrismaClient, key: ExportKey, build: () => Promise<BuiltFile>): Promise<StoredExport> {
  const { reportId, versionNo, format, revision } = key;
  const where = { reportId_versionNo_format_revision: { reportId, versionNo, format, revision } };
  const found = await client.exportFile.findUnique({ where });
  if (found) return { bytes: found.bytes, contentType: found.contentType, fileName: found.fileName, sizeBytes: found.sizeBytes, createdAt: found.createdAt, fromCache: true };

  const flightKey = `${reportId}\u0000${versionNo}\u0000${format}\u0000${revision}`;
  const pending = inFlight.get(flightKey);
  if (pending) return pending;
  const work = (async (): Promise<StoredExport> => {
    const file = await build();
    const bytes = new Uint8Array(file.bytes);
    // createMany + skipDuplicates is INSERT … ON CONFLICT DO NOTHING: a concurrent
    // insert of the same file by another instance is not an error.
    await client.exportFile.createMany({
      data: [{ reportId, versionNo, format, revision, contentType: file.contentType, fileName: file.fileName, bytes, sizeBytes: bytes.byteLength }],
      skipDuplicates: true,
    });
    await client.exportFile.deleteMany({ where: { reportId, versionNo, format, revision: { lt: revision } } });
    const stored = await client.exportFile.findUniqueOrThrow({ where });
    return { bytes: stored.bytes, contentType: stored.contentType, fileName: stored.fileName, sizeBytes: stored.sizeBytes, createdAt: stored.createdAt, fromCache: false };
  })();
  inFlight.set(flightKey, work);
  try {
    return await work;
  } finally {
    inFlight.delete(flightKey);
  }
}

/** `getOrCreateExportWith` on the app's database client. */
export async function getOrCreateExport(key: ExportKey, build: () => Promise<BuiltFile>): Promise<StoredExport> {
  return getOrCreateExportWith(db(), key, build);
}
