-- :per_user accepted bookings per user (psql variables; 100 per user, 1,000,000 in all by default).
-- Booking b belongs to user n = 1 + (b-1) % :users, so consecutive rows belong to different users
-- and one user's bookings lie on :per_user different heap pages (as in the yardsticks' load.sql).
-- Starts are 63 s apart from one year ago on (one year ahead with the default sizes), so a user's own
-- bookings are :users × 63 s apart (7.3 days by default) and never overlap (with 29 users or more); uids start with 'bench-' (the script
-- tells seeded bookings from those its POST runs created by that prefix).
-- The user ids and event type ids are looked up in two arrays built once, indexed by n and by
-- 5*(n-1)+k: this keeps the generate_series order (a join could reorder the rows).
BEGIN;
-- Re-seeding: the attendees go first in one set-based delete; left to the cascade, each of a million
-- booking deletes would look its attendees up on its own.
DELETE FROM "Attendee" WHERE "bookingId" IN
  (SELECT id FROM "Booking" WHERE "userId" IN (SELECT id FROM users WHERE username LIKE 'bench%'));
DELETE FROM "Booking" WHERE "userId" IN (SELECT id FROM users WHERE username LIKE 'bench%');
\set table '"Booking"'
\ir set-aside.sql
WITH bench AS (
  SELECT (SELECT array_agg(u.id ORDER BY substr(u.username, 6)::int)
          FROM users u WHERE u.username LIKE 'bench%') AS users,
         (SELECT array_agg(e.id ORDER BY substr(u.username, 6)::int, e.position)
          FROM "EventType" e JOIN users u ON u.id = e."userId" WHERE u.username LIKE 'bench%') AS event_types,
         date_trunc('day', now() AT TIME ZONE 'UTC') - interval '365 days' AS anchor
)
INSERT INTO "Booking" (uid, "userId", "userPrimaryEmail", "eventTypeId", title, description, responses,
                       "startTime", "endTime", location, "createdAt", "updatedAt", status, paid, metadata,
                       "scheduledJobs", "iCalUID", "creationSource")
SELECT 'bench-' || md5('booking-' || b), bench.users[x.n], 'bench' || x.n || '@example.com',
       bench.event_types[5 * (x.n - 1) + x.k],
       'Meeting between Bench User ' || x.n || ' and Guest ' || b, 'Booked by the benchmark seed',
       jsonb_build_object('name', 'Guest ' || b, 'email', 'guest' || b || '-1@bench.example'),
       x.s, x.s + interval '30 minutes', 'integrations:daily', x.s - interval '3 days', x.s - interval '2 days',
       'accepted', false, '{}'::jsonb, '{}', 'bench-' || md5('booking-' || b) || '@Cal.com', 'api_v1'
FROM bench CROSS JOIN generate_series(1, :users * :per_user) AS b
CROSS JOIN LATERAL (SELECT 1 + (b - 1) % :users AS n, 1 + ((b - 1) / :users) % 5 AS k,
                           bench.anchor + (b - 1) * interval '63 seconds' AS s) AS x;
\ir put-back.sql
COMMIT;
