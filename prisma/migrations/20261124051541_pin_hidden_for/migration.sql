-- AlterTable
ALTER TABLE "PinnedMessage" ADD COLUMN     "hiddenForId" UUID;
