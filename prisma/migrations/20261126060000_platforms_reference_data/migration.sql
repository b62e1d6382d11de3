-- Reference data the api cannot run without: the tenants named by the x-platform header.
INSERT INTO "public"."platforms" ("id", "key", "name", "domain", "isActive", "createdAt", "updatedAt") VALUES
  (gen_random_uuid(), 'mr-mentor', 'Mr. Mentor', 'mrmentor.in', true, now(), now()),
  (gen_random_uuid(), 'my-analytics-school', 'My Analytics School', 'myanalyticsschool.com', true, now(), now())
ON CONFLICT ("key") DO NOTHING;
