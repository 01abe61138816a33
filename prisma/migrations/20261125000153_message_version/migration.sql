-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
