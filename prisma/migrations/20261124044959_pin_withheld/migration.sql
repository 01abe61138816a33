-- AlterTable
ALTER TABLE "PinnedMessage" ADD COLUMN     "withheld" BOOLEAN NOT NULL DEFAULT false;
