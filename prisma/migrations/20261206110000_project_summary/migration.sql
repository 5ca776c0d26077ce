-- The overview's per-project figures, cached (features/oversight/data.ts): valid while projectVersion and reportStatus match.
-- CreateTable
CREATE TABLE "ProjectSummary" (
    "projectId" TEXT NOT NULL,
    "projectVersion" INTEGER NOT NULL,
    "reportStatus" TEXT NOT NULL,
    "initialBudget" DECIMAL(24,6) NOT NULL,
    "annualBudget" DECIMAL(24,6) NOT NULL,
    "executed" DECIMAL(24,6) NOT NULL,
    "executionRate" DECIMAL(30,2),
    "score" DECIMAL(6,2),
    "grade" TEXT,
    "warnings" JSONB NOT NULL,
    "lights" TEXT[],
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectSummary_pkey" PRIMARY KEY ("projectId")
);

-- The overview groups a year's projects by department.
CREATE INDEX "Project_year_departmentId_idx" ON "Project"("year", "departmentId");

-- AddForeignKey
ALTER TABLE "ProjectSummary" ADD CONSTRAINT "ProjectSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The cache is also dropped by the database itself whenever what it was computed from changes,
-- whoever writes (the app's save paths bump Project.version too, which the app compares; these
-- triggers also cover writes that do not, e.g. a fix made in SQL). Statement-level, so a bulk load
-- costs one DELETE per statement.
CREATE FUNCTION "ProjectSummary_invalidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    DELETE FROM "ProjectSummary" WHERE "projectId" IN (SELECT DISTINCT "projectId" FROM new_rows);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "ProjectSummary" WHERE "projectId" IN (SELECT DISTINCT "projectId" FROM old_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Indicator_summary_insert" AFTER INSERT ON "Indicator" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();
CREATE TRIGGER "Indicator_summary_update" AFTER UPDATE ON "Indicator" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();
CREATE TRIGGER "Indicator_summary_delete" AFTER DELETE ON "Indicator" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();
CREATE TRIGGER "ProjectFunding_summary_insert" AFTER INSERT ON "ProjectFunding" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();
CREATE TRIGGER "ProjectFunding_summary_update" AFTER UPDATE ON "ProjectFunding" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();
CREATE TRIGGER "ProjectFunding_summary_delete" AFTER DELETE ON "ProjectFunding" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate"();

-- A report's status decides whether an unscored table shows a score, and is shown itself.
CREATE FUNCTION "ProjectSummary_invalidate_report"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ProjectSummary" WHERE "projectId" IN (
    SELECT n."projectId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE n."projectId" IS NOT NULL AND n."status" IS DISTINCT FROM o."status");
  RETURN NULL;
END $$;

CREATE TRIGGER "Report_summary_status" AFTER UPDATE ON "Report" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate_report"();

-- The framework a project is scored under (its points, the budget-execution weight).
CREATE FUNCTION "ProjectSummary_invalidate_project"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ProjectSummary" WHERE "projectId" IN (
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."frameworkId" IS DISTINCT FROM o."frameworkId");
  RETURN NULL;
END $$;

CREATE TRIGGER "Project_summary_framework" AFTER UPDATE ON "Project" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectSummary_invalidate_project"();
