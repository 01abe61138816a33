-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "isFavourite" BOOLEAN NOT NULL DEFAULT false;
