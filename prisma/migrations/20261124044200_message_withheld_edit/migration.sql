-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "withheldEditedAt" TIMESTAMP(3),
ADD COLUMN     "withheldText" TEXT;
