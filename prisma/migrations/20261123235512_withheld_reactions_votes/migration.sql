-- AlterTable
ALTER TABLE "Reaction" ADD COLUMN     "withheld" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PollVote" ADD COLUMN     "withheld" BOOLEAN NOT NULL DEFAULT false;
