-- 2 attendees per seeded booking: the booker of its `responses`, then a guest. Both rows of a
-- booking stay next to each other (the set-returning function in the select list keeps them
-- together). Their e-mails end in '@bench.example', which is how the script counts them.
BEGIN;
DELETE FROM "Attendee" WHERE "bookingId" IN (SELECT id FROM "Booking" WHERE uid LIKE 'bench-%');
\set table '"Attendee"'
\ir set-aside.sql
INSERT INTO "Attendee" (email, name, "timeZone", locale, "bookingId")
SELECT CASE j WHEN 1 THEN responses->>'email' ELSE 'guest' || id || '-2@bench.example' END,
       CASE j WHEN 1 THEN responses->>'name' ELSE 'Guest ' || id || '-2' END,
       'Europe/London', 'en', id
FROM (SELECT id, responses, generate_series(1, 2) AS j FROM "Booking" WHERE uid LIKE 'bench-%') AS booked;
\ir put-back.sql
COMMIT;
