-- Monday to Friday, 09:00 to 17:00: one row with days {1,…,5}, exactly what calapi's POST /schedules
-- (Cal.com's DEFAULT_SCHEDULE) writes.
BEGIN;
DELETE FROM "Availability" WHERE "scheduleId" IN
  (SELECT s.id FROM "Schedule" s JOIN users u ON u.id = s."userId" WHERE u.username LIKE 'bench%');
INSERT INTO "Availability" ("scheduleId", days, "startTime", "endTime")
SELECT s.id, '{1,2,3,4,5}', TIME '09:00', TIME '17:00'
FROM "Schedule" s JOIN users u ON u.id = s."userId" WHERE u.username LIKE 'bench%'
ORDER BY s.id;
COMMIT;
