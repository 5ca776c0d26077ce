-- The correction note of a report's next publication is stored on the report (written when it is
-- reopened for correction, used up when it is published) instead of being read back out of the
-- audit log at publication.
ALTER TABLE "Report" ADD COLUMN "correctionNote" TEXT NOT NULL DEFAULT '';

-- A report reopened and not yet published again keeps the note of its latest reopening.
UPDATE "Report" r
   SET "correctionNote" = a."comment"
  FROM (SELECT DISTINCT ON ("entityId") "entityId", "comment"
          FROM "AuditLog"
         WHERE "entityType" = 'Report' AND "action" = 'report.reopen'
         ORDER BY "entityId", "id" DESC) a
 WHERE a."entityId" = r."id" AND r."status" <> 'PUBLISHED';
