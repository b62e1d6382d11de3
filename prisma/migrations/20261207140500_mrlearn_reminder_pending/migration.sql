-- AlterEnum
ALTER TYPE "mrlearn"."MrLearnReminderStatus" ADD VALUE 'PENDING' BEFORE 'SENT';
