-- CreateTable
CREATE TABLE "DisappearedMessage" (
    "senderId" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "disappearedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisappearedMessage_pkey" PRIMARY KEY ("senderId","clientId")
);

-- CreateIndex
CREATE INDEX "DisappearedMessage_disappearedAt_idx" ON "DisappearedMessage"("disappearedAt");

-- AddForeignKey
ALTER TABLE "DisappearedMessage" ADD CONSTRAINT "DisappearedMessage_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
