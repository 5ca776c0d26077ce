-- AlterTable
ALTER TABLE "FiscalYear" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "IndicatorFramework" ADD COLUMN     "basedOnId" TEXT,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "LibraryIndicator" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "_YearAlternativeFrameworks" (
    "A" INTEGER NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_YearAlternativeFrameworks_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_YearAlternativeFrameworks_B_index" ON "_YearAlternativeFrameworks"("B");

-- AddForeignKey
ALTER TABLE "IndicatorFramework" ADD CONSTRAINT "IndicatorFramework_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "IndicatorFramework"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_YearAlternativeFrameworks" ADD CONSTRAINT "_YearAlternativeFrameworks_A_fkey" FOREIGN KEY ("A") REFERENCES "FiscalYear"("year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_YearAlternativeFrameworks" ADD CONSTRAINT "_YearAlternativeFrameworks_B_fkey" FOREIGN KEY ("B") REFERENCES "IndicatorFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;
