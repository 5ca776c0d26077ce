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

