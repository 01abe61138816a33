-- AlterEnum
ALTER TYPE "MessageType" ADD VALUE 'CONTACT';
