-- Review stages: a department reviewer checks reports before the finance bureau.
ALTER TYPE "Role" ADD VALUE 'DEPT_REVIEWER';
ALTER TYPE "ReportStatus" ADD VALUE 'DEPT_REVIEW' BEFORE 'SUBMITTED';
ALTER TABLE "FiscalYear" ADD COLUMN "departmentReview" BOOLEAN NOT NULL DEFAULT false;

-- A department reviewer, like an owner, is bound to one department. (Compared as text:
-- a new enum value may not be used as a literal in the transaction that adds it.)
ALTER TABLE "User" ADD CONSTRAINT "User_dept_reviewer_has_department"
  CHECK ("role"::text <> 'DEPT_REVIEWER' OR "departmentId" IS NOT NULL);
