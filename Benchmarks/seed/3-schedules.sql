-- One schedule per user, made the user's default (users."defaultScheduleId" is a soft reference,
-- so it is set here, in the same transaction).
BEGIN;
DELETE FROM "Availability" WHERE "scheduleId" IN
  (SELECT s.id FROM "Schedule" s JOIN users u ON u.id = s."userId" WHERE u.username LIKE 'bench%');
DELETE FROM "Schedule" WHERE "userId" IN (SELECT id FROM users WHERE username LIKE 'bench%');
INSERT INTO "Schedule" ("userId", name, "timeZone")
SELECT u.id, 'Working hours', u."timeZone" FROM users u WHERE u.username LIKE 'bench%' ORDER BY u.id;
UPDATE users u SET "defaultScheduleId" = s.id
FROM "Schedule" s WHERE s."userId" = u.id AND u.username LIKE 'bench%';
COMMIT;
