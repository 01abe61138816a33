-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "withheldTimerSec" INTEGER;
