-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "mutedUntil" TIMESTAMP(3);
