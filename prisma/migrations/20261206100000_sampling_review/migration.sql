-- Sampling review (财政抽查复核): reproducible draws of self-evaluations and their re-scoring.
-- CreateEnum
CREATE TYPE "SampleItemStatus" AS ENUM ('PENDING', 'REVIEWED', 'RETURNED');

-- CreateTable
CREATE TABLE "SampleDraw" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "seed" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "poolIds" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SampleDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleItem" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "selfTotal" DECIMAL(6,2),
    "reviewTotal" DECIMAL(6,2),
    "status" "SampleItemStatus" NOT NULL DEFAULT 'PENDING',
    "feedback" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SampleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleScore" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "rowKey" TEXT NOT NULL,
    "selfScore" DECIMAL(6,2) NOT NULL,
    "maxScore" DECIMAL(6,2) NOT NULL,
    "reviewScore" DECIMAL(6,2) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SampleScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SampleDraw_year_createdAt_idx" ON "SampleDraw"("year", "createdAt");

-- CreateIndex
CREATE INDEX "SampleItem_projectId_idx" ON "SampleItem"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "SampleItem_drawId_projectId_key" ON "SampleItem"("drawId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "SampleScore_itemId_rowKey_key" ON "SampleScore"("itemId", "rowKey");

-- AddForeignKey
ALTER TABLE "SampleDraw" ADD CONSTRAINT "SampleDraw_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleItem" ADD CONSTRAINT "SampleItem_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "SampleDraw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleItem" ADD CONSTRAINT "SampleItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleScore" ADD CONSTRAINT "SampleScore_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SampleItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

