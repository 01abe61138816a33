-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "clearedSeq" BIGINT NOT NULL DEFAULT 0;
