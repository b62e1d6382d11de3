-- A booking (services/slots/booking.ts) as one statement: lock the slot, check it, lock both
-- wallets, spend promotional tokens first, write the ledger row and the meeting log and confirm
-- the slot. One round trip holds the locks instead of five under an interactive transaction
-- (bench/booking.bench.ts). The rules mirror domain/booking/tokens.ts (splitSpend) and
-- services/slots/booking.ts (assertBookable), and test/services/book-slot-function.test.ts checks
-- the two agree. A refusal is an outcome row, not an exception, so nothing is written for it.
CREATE OR REPLACE FUNCTION "public"."mas_book_slot"(p_slot uuid, p_student uuid, p_now timestamp(3))
RETURNS TABLE (
  "outcome" text, "slotStatus" text, "available" integer,
  "id" uuid, "mentorId" uuid, "studentId" uuid, "title" text, "startDateTime" timestamp(3), "endDateTime" timestamp(3),
  "status" text, "priceTokens" integer, "actualEndTime" timestamp(3), "earningsCredited" boolean,
  "fromPaid" integer, "fromPromo" integer, "paidAfter" integer, "promoAfter" integer
)
LANGUAGE plpgsql AS $$
DECLARE
  s record;
  v_paid integer;
  v_promo integer;
  v_promo_expires timestamp(3);
  v_from_promo integer;
  v_from_paid integer;
BEGIN
  SELECT sl."mentorId", sl."studentId", sl."status"::text AS "status", sl."priceTokens", sl."startDateTime"
    INTO s FROM "public"."slots" sl WHERE sl."id" = p_slot FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, NULL::text, NULL::integer, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamp(3), NULL::timestamp(3),
      NULL::text, NULL::integer, NULL::timestamp(3), NULL::boolean, NULL::integer, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  IF s."mentorId" = p_student THEN
    RETURN QUERY SELECT 'OWN_SLOT'::text, s."status", NULL::integer, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamp(3), NULL::timestamp(3),
      NULL::text, NULL::integer, NULL::timestamp(3), NULL::boolean, NULL::integer, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  IF s."status" <> 'TENTATIVE' OR s."studentId" IS NOT NULL THEN
    RETURN QUERY SELECT 'TAKEN'::text, s."status", NULL::integer, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamp(3), NULL::timestamp(3),
      NULL::text, NULL::integer, NULL::timestamp(3), NULL::boolean, NULL::integer, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  IF s."startDateTime" <= p_now THEN
    RETURN QUERY SELECT 'STARTED'::text, s."status", NULL::integer, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamp(3), NULL::timestamp(3),
      NULL::text, NULL::integer, NULL::timestamp(3), NULL::boolean, NULL::integer, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;

  -- The wallets, in the order services/tokens/wallet.ts locks them. An expired promotional
  -- balance counts as zero, a missing row as an empty wallet.
  SELECT t."balance" INTO v_paid FROM "public"."tokens" t WHERE t."userId" = p_student FOR UPDATE;
  SELECT p."balance", p."expiresAt" INTO v_promo, v_promo_expires FROM "public"."promotional_tokens" p WHERE p."userId" = p_student FOR UPDATE;
  v_paid := COALESCE(v_paid, 0);
  v_promo := CASE WHEN v_promo_expires IS NULL OR v_promo_expires > p_now THEN COALESCE(v_promo, 0) ELSE 0 END;
  IF v_paid + v_promo < s."priceTokens" THEN
    RETURN QUERY SELECT 'INSUFFICIENT'::text, s."status", v_paid + v_promo, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamp(3), NULL::timestamp(3),
      NULL::text, s."priceTokens", NULL::timestamp(3), NULL::boolean, NULL::integer, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  v_from_promo := LEAST(s."priceTokens", v_promo);
  v_from_paid := s."priceTokens" - v_from_promo;

  IF v_from_paid > 0 THEN
    UPDATE "public"."tokens" SET "balance" = "balance" - v_from_paid, "lifetimeSpent" = "lifetimeSpent" + v_from_paid, "updatedAt" = p_now WHERE "userId" = p_student;
  END IF;
  IF v_from_promo > 0 THEN
    UPDATE "public"."promotional_tokens" SET "balance" = "balance" - v_from_promo, "updatedAt" = p_now WHERE "userId" = p_student;
  END IF;
  INSERT INTO "public"."token_usage" ("userId", "slotId", "type", "amount", "paidAmount", "promoAmount", "balanceAfter", "description", "idempotencyKey", "createdAt", "updatedAt")
  VALUES (p_student, p_slot, 'BOOKING', -s."priceTokens", v_from_paid, v_from_promo, (v_paid - v_from_paid) + (v_promo - v_from_promo),
          'Booked slot ' || p_slot::text, 'booking:' || p_slot::text, p_now, p_now);
  INSERT INTO "public"."meeting_logs" ("slotId", "userId", "event", "occurredAt", "source", "createdAt", "updatedAt")
  VALUES (p_slot, p_student, 'SCHEDULED', p_now, 'api', p_now, p_now);

  RETURN QUERY
  UPDATE "public"."slots" sl SET "status" = 'CONFIRMED', "studentId" = p_student, "updatedAt" = p_now
   WHERE sl."id" = p_slot
  RETURNING 'BOOKED'::text, 'TENTATIVE'::text, v_paid + v_promo, sl."id", sl."mentorId", sl."studentId", sl."title", sl."startDateTime", sl."endDateTime",
            sl."status"::text, sl."priceTokens", sl."actualEndTime", sl."earningsCredited", v_from_paid, v_from_promo, v_paid - v_from_paid, v_promo - v_from_promo;
END;
$$;
