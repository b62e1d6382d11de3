-- AlterTable
ALTER TABLE "google_auth_tokens" ADD COLUMN     "accessTokenAuthTag" TEXT,
ADD COLUMN     "brokenAt" TIMESTAMP(3),
ADD COLUMN     "brokenReason" TEXT,
ADD COLUMN     "refreshTokenAuthTag" TEXT,
ADD COLUMN     "refreshTokenIv" TEXT;

-- AlterTable
ALTER TABLE "slots" ADD COLUMN     "calendarEventId" TEXT,
ADD COLUMN     "calendarEventLink" TEXT;

-- CreateTable
CREATE TABLE "google_oauth_states" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "stateHash" TEXT NOT NULL,
    "verifierCiphertext" TEXT NOT NULL,
    "verifierIv" TEXT NOT NULL,
    "verifierAuthTag" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "google_oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "google_oauth_states_stateHash_key" ON "google_oauth_states"("stateHash");

-- CreateIndex
CREATE INDEX "google_oauth_states_userId_idx" ON "google_oauth_states"("userId");

-- CreateIndex
CREATE INDEX "google_oauth_states_expiresAt_idx" ON "google_oauth_states"("expiresAt");

-- AddForeignKey
ALTER TABLE "google_oauth_states" ADD CONSTRAINT "google_oauth_states_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
