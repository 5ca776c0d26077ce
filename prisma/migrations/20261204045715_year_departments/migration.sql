-- AlterTable
ALTER TABLE "FiscalYear" ADD COLUMN     "allDepartments" BOOLEAN NOT NULL DEFAULT true;
