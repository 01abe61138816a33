-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "chatDeletedAt" TIMESTAMP(3);
