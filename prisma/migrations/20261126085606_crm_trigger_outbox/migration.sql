-- CreateTable
CREATE TABLE "mas_crm"."trigger_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "lead_id" UUID NOT NULL,
    "platform" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dispatched_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trigger_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trigger_events_dispatched_at_created_at_idx" ON "mas_crm"."trigger_events"("dispatched_at", "created_at");

-- CreateIndex
CREATE INDEX "trigger_events_lead_id_type_idx" ON "mas_crm"."trigger_events"("lead_id", "type");
