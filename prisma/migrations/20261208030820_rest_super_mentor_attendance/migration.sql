-- AlterTable
ALTER TABLE "super_mentor_meetings" ADD COLUMN     "attended" BOOLEAN;
