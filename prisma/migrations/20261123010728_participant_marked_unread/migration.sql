-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "markedUnread" BOOLEAN NOT NULL DEFAULT false;
