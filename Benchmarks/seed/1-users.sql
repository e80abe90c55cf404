-- :users users bench1 … bench<:users> (psql variable, 10,000 by default in scripts/bench). Schedules' availability rows point at their schedule only
-- ("userId" NULL, as calapi's POST /schedules writes them), so they do not cascade with the user:
-- delete them first, or they would stay behind as orphans.
BEGIN;
DELETE FROM "Availability" WHERE "scheduleId" IN
  (SELECT s.id FROM "Schedule" s JOIN users u ON u.id = s."userId" WHERE u.username LIKE 'bench%');
DELETE FROM users WHERE username LIKE 'bench%';
INSERT INTO users (username, name, email, "timeZone", "emailVerified", created, "completedOnboarding", locale, metadata)
SELECT 'bench' || n, 'Bench User ' || n, 'bench' || n || '@example.com', 'Europe/Paris', now(),
       timestamp '2024-01-01' + n * interval '1 minute', true, 'en', '{}'::jsonb
FROM generate_series(1, :users) AS n;
COMMIT;
