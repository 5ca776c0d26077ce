-- Exporter revision in the key of a stored download: bumping EXPORT_REVISIONS (features/publication/exports/files.ts)
-- makes every instance build the file again. Existing files get revision 0 and are rebuilt on their next download.

-- DropIndex
DROP INDEX "ExportFile_reportId_versionNo_format_key";

-- AlterTable
ALTER TABLE "ExportFile" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "ExportFile_reportId_versionNo_format_revision_key" ON "ExportFile"("reportId", "versionNo", "format", "revision");

