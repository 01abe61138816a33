-- CreateTable
CREATE TABLE "LinkPreview" (
    "url" TEXT NOT NULL,
    "found" BOOLEAN NOT NULL,
    "title" TEXT,
    "description" TEXT,
    "siteName" TEXT,
    "thumbnail" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkPreview_pkey" PRIMARY KEY ("url")
);

-- CreateIndex
CREATE INDEX "LinkPreview_fetchedAt_idx" ON "LinkPreview"("fetchedAt");
