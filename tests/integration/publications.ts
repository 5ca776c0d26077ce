/** Published versions as the workflow stores them, for tests that need a correction without the workflow. */
import type { PrismaClient } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { YearDocument } from "@/features/publication/year-document";

/**
 * A correction: the report's latest publication superseded and a new version created (its document
 * retitled `title`), in one transaction, at 2021-11-01 10:00 (UTC+8).
 */
export async function publishCorrection(prisma: PrismaClient, reportId: string, title: string, note = "更正") {
  const previous = await prisma.reportPublication.findFirstOrThrow({ where: { reportId }, orderBy: { versionNo: "desc" } });
  const snapshot = previous.snapshot as { document: YearDocument };
  const now = new Date("2021-11-01T02:00:00Z");
  await prisma.$transaction([
    prisma.reportPublication.update({ where: { id: previous.id }, data: { supersededAt: now } }),
    prisma.reportPublication.create({
      data: { reportId, versionNo: previous.versionNo + 1, publishedAt: now, correctionNote: note, snapshot: { ...snapshot, document: { ...snapshot.document, title } } as unknown as Prisma.InputJsonValue },
    }),
  ]);
}

/** The demo's published year document (the first FINAL_ACCOUNTS publication) and its publication row. */
export async function publishedYearDocument(prisma: PrismaClient) {
  const publication = await prisma.reportPublication.findFirstOrThrow({ where: { report: { kind: "FINAL_ACCOUNTS" } } });
  return { publication, doc: (publication.snapshot as { document: YearDocument }).document };
}
