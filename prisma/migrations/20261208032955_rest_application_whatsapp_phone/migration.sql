-- CreateIndex
CREATE INDEX "application_whatsapp_messages_phoneNumber_createdAt_idx" ON "application_whatsapp_messages"("phoneNumber", "createdAt");
