-- AlterTable
ALTER TABLE "Reaction" ADD COLUMN     "retracted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PollVote" ADD COLUMN     "retracted" BOOLEAN NOT NULL DEFAULT false;
