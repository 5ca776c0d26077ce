-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'OWNER');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('ADMINISTRATIVE', 'CIVIL_SERVANT_MANAGED', 'PUBLIC_INSTITUTION');

-- CreateEnum
CREATE TYPE "FiscalYearStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "IndicatorCategory" AS ENUM ('COST', 'OUTPUT', 'OUTCOME', 'SATISFACTION');

-- CreateEnum
CREATE TYPE "FundSource" AS ENUM ('FISCAL', 'CARRYOVER', 'OTHER');

-- CreateEnum
CREATE TYPE "IndicatorNature" AS ENUM ('EQ', 'GTE', 'LTE', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('PROJECT_SELF_EVALUATION', 'DEPARTMENT_OVERALL', 'FINAL_ACCOUNTS');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "IncomeSource" AS ENUM ('GENERAL_BUDGET', 'GOV_FUND', 'SOE_CAPITAL', 'SUPERIOR_SUBSIDY', 'BUSINESS', 'OPERATING', 'SUBORDINATE', 'OTHER');

-- CreateEnum
CREATE TYPE "FundType" AS ENUM ('GENERAL_BUDGET', 'GOV_FUND', 'SOE_CAPITAL', 'OTHER');

-- CreateEnum
CREATE TYPE "BasicCategory" AS ENUM ('PERSONNEL', 'PUBLIC_USE');

-- CreateEnum
CREATE TYPE "ThreePublicKind" AS ENUM ('ABROAD', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'RECEPTION_DOMESTIC', 'RECEPTION_FOREIGN');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "departmentId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "unitKind" "UnitKind" NOT NULL DEFAULT 'ADMINISTRATIVE',
    "isBudgetUnit" BOOLEAN NOT NULL DEFAULT true,
    "parentId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FiscalYear" (
    "year" INTEGER NOT NULL,
    "status" "FiscalYearStatus" NOT NULL DEFAULT 'OPEN',
    "frameworkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FiscalYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "DepartmentYear" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "staffAuthorizedTotal" INTEGER,
    "staffAuthorizedAdministrative" INTEGER,
    "staffAuthorizedInstitution" INTEGER,
    "staffAuthorizedLogistics" INTEGER,
    "staffActualTotal" INTEGER,
    "staffActualAdministrative" INTEGER,
    "staffActualInstitution" INTEGER,
    "staffActualLogistics" INTEGER,
    "staffRetired" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorFramework" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "budgetExecutionPoints" DECIMAL(6,2) NOT NULL DEFAULT 10,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkLevel1" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "IndicatorCategory" NOT NULL,
    "points" DECIMAL(6,2) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FrameworkLevel1_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkLevel2" (
    "id" TEXT NOT NULL,
    "level1Id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FrameworkLevel2_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryIndicator" (
    "id" TEXT NOT NULL,
    "level2Id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nature" "IndicatorNature" NOT NULL,
    "unit" TEXT,
    "targetText" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LibraryIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "competentDepartment" TEXT NOT NULL,
    "implementingUnit" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "goalExpected" TEXT NOT NULL DEFAULT '',
    "goalActual" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "copiedFromId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFunding" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "source" "FundSource" NOT NULL,
    "initialBudget" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "annualBudget" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "executed" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "ProjectFunding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundAllocation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL(18,2) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FundAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "level1Id" TEXT NOT NULL,
    "level2Id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nature" "IndicatorNature" NOT NULL,
    "targetValue" DECIMAL(20,4),
    "targetText" TEXT NOT NULL DEFAULT '',
    "unit" TEXT,
    "actualValue" DECIMAL(20,4),
    "actualText" TEXT NOT NULL DEFAULT '',
    "weight" DECIMAL(6,2),
    "manualScore" DECIMAL(6,2),
    "applicable" BOOLEAN NOT NULL DEFAULT true,
    "deviationReason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "projectId" TEXT,
    "title" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSection" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "sectionKey" TEXT,
    "indicatorId" TEXT,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPublication" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "correctionNote" TEXT NOT NULL DEFAULT '',
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "ReportPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reportId" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunctionClass" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "FunctionClass_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "IncomeLine" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "source" "IncomeSource" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "IncomeLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpenditureLine" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "functionCode" TEXT NOT NULL,
    "fundType" "FundType" NOT NULL DEFAULT 'GENERAL_BUDGET',
    "budget" DECIMAL(18,2),
    "basic" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "project" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ExpenditureLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BasicExpenditureItem" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "category" "BasicCategory" NOT NULL,
    "economicCode" TEXT,
    "name" TEXT NOT NULL,
    "amount" DECIMAL(18,2),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BasicExpenditureItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreePublicLine" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "kind" "ThreePublicKind" NOT NULL,
    "budget" DECIMAL(18,2),
    "amount" DECIMAL(18,2) NOT NULL,
    "batches" INTEGER,
    "persons" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ThreePublicLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalAccountFigure" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "amount" DECIMAL(18,2),
    "quantity" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FinalAccountFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" TEXT NOT NULL,
    "departmentYearId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE INDEX "Department_parentId_idx" ON "Department"("parentId");

-- CreateIndex
CREATE INDEX "DepartmentYear_year_idx" ON "DepartmentYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentYear_departmentId_year_key" ON "DepartmentYear"("departmentId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorFramework_code_key" ON "IndicatorFramework"("code");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkLevel1_frameworkId_name_key" ON "FrameworkLevel1"("frameworkId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkLevel2_level1Id_name_key" ON "FrameworkLevel2"("level1Id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryIndicator_level2Id_name_key" ON "LibraryIndicator"("level2Id", "name");

-- CreateIndex
CREATE INDEX "Project_departmentYearId_idx" ON "Project"("departmentYearId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_departmentId_year_name_key" ON "Project"("departmentId", "year", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectFunding_projectId_source_key" ON "ProjectFunding"("projectId", "source");

-- CreateIndex
CREATE INDEX "FundAllocation_projectId_idx" ON "FundAllocation"("projectId");

-- CreateIndex
CREATE INDEX "Indicator_projectId_sortOrder_idx" ON "Indicator"("projectId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Report_scopeKey_key" ON "Report"("scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Report_projectId_key" ON "Report"("projectId");

-- CreateIndex
CREATE INDEX "Report_status_idx" ON "Report"("status");

-- CreateIndex
CREATE INDEX "Report_departmentId_year_idx" ON "Report"("departmentId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSection_reportId_key_key" ON "ReportSection"("reportId", "key");

-- CreateIndex
CREATE INDEX "ReportComment_reportId_idx" ON "ReportComment"("reportId");

-- CreateIndex
CREATE INDEX "ReportPublication_publishedAt_idx" ON "ReportPublication"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPublication_reportId_versionNo_key" ON "ReportPublication"("reportId", "versionNo");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "IncomeLine_departmentYearId_source_key" ON "IncomeLine"("departmentYearId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenditureLine_departmentYearId_functionCode_fundType_key" ON "ExpenditureLine"("departmentYearId", "functionCode", "fundType");

-- CreateIndex
CREATE UNIQUE INDEX "BasicExpenditureItem_departmentYearId_category_name_key" ON "BasicExpenditureItem"("departmentYearId", "category", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ThreePublicLine_departmentYearId_kind_key" ON "ThreePublicLine"("departmentYearId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "FinalAccountFigure_departmentYearId_key_key" ON "FinalAccountFigure"("departmentYearId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_departmentYearId_term_key" ON "GlossaryTerm"("departmentYearId", "term");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FiscalYear" ADD CONSTRAINT "FiscalYear_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndicatorFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentYear" ADD CONSTRAINT "DepartmentYear_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentYear" ADD CONSTRAINT "DepartmentYear_year_fkey" FOREIGN KEY ("year") REFERENCES "FiscalYear"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkLevel1" ADD CONSTRAINT "FrameworkLevel1_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndicatorFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkLevel2" ADD CONSTRAINT "FrameworkLevel2_level1Id_fkey" FOREIGN KEY ("level1Id") REFERENCES "FrameworkLevel1"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryIndicator" ADD CONSTRAINT "LibraryIndicator_level2Id_fkey" FOREIGN KEY ("level2Id") REFERENCES "FrameworkLevel2"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndicatorFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFunding" ADD CONSTRAINT "ProjectFunding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundAllocation" ADD CONSTRAINT "FundAllocation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_level1Id_fkey" FOREIGN KEY ("level1Id") REFERENCES "FrameworkLevel1"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_level2Id_fkey" FOREIGN KEY ("level2Id") REFERENCES "FrameworkLevel2"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSection" ADD CONSTRAINT "ReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPublication" ADD CONSTRAINT "ReportPublication_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunctionClass" ADD CONSTRAINT "FunctionClass_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "FunctionClass"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomeLine" ADD CONSTRAINT "IncomeLine_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureLine" ADD CONSTRAINT "ExpenditureLine_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureLine" ADD CONSTRAINT "ExpenditureLine_functionCode_fkey" FOREIGN KEY ("functionCode") REFERENCES "FunctionClass"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BasicExpenditureItem" ADD CONSTRAINT "BasicExpenditureItem_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreePublicLine" ADD CONSTRAINT "ThreePublicLine_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAccountFigure" ADD CONSTRAINT "FinalAccountFigure_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_departmentYearId_fkey" FOREIGN KEY ("departmentYearId") REFERENCES "DepartmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;
