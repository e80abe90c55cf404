-- 5 personal event types per user (position k = 1…5, slug unique per user, length 30). Cal.com also
-- links a personal event type to its owner through the implicit many-to-many "_user_eventtype"
-- (calapi's POST /event-types does the same), so those 50,000 links are written in this transaction.
BEGIN;
DELETE FROM "EventType" WHERE "userId" IN (SELECT id FROM users WHERE username LIKE 'bench%');
INSERT INTO "EventType" (title, slug, description, position, locations, length, "userId", metadata,
                         "instantMeetingParameters")
SELECT (ARRAY['Quick chat','Intro call','Deep dive','Office hours','Workshop'])[k] || ' ' || u.id,
       (ARRAY['quick-chat','intro-call','deep-dive','office-hours','workshop'])[k],
       'A 30 minute meeting with ' || u.name || '. Pick any free slot; a link follows by email.',
       k, '[{"type":"integrations:daily"}]'::jsonb, 30, u.id, '{}'::jsonb, '{}'
FROM users u CROSS JOIN generate_series(1, 5) AS k
WHERE u.username LIKE 'bench%'
ORDER BY u.id, k;
INSERT INTO "_user_eventtype" ("A", "B")
SELECT e.id, e."userId" FROM "EventType" e JOIN users u ON u.id = e."userId" WHERE u.username LIKE 'bench%'
ORDER BY e.id
ON CONFLICT ("A", "B") DO NOTHING;
COMMIT;
