-- CreateEnum
CREATE TYPE "CommsChannel" AS ENUM ('EMAIL', 'WHATSAPP', 'SMS');

-- AlterTable
ALTER TABLE "whatsapp_messages" ALTER COLUMN "userId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "comms_preferences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" "CommsChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "userId" UUID,
    "unsubscribeToken" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMP(3),
    "unsubscribeSource" TEXT,
    "quietStartMin" INTEGER,
    "quietEndMin" INTEGER,
    "timezone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comms_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "comms_preferences_unsubscribeToken_key" ON "comms_preferences"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "comms_preferences_userId_idx" ON "comms_preferences"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "comms_preferences_channel_address_key" ON "comms_preferences"("channel", "address");
