-- One key per user. Plaintext 'cal_' || md5(username); stored as Cal.com does: the SHA-256 hex of the
-- part after the prefix. The script rebuilds the plaintext keys from the usernames for wrk.
BEGIN;
DELETE FROM "ApiKey" WHERE id LIKE 'bench-%';
INSERT INTO "ApiKey" (id, "userId", note, "hashedKey")
SELECT 'bench-' || u.id, u.id, 'bench', encode(sha256(convert_to(md5(u.username), 'UTF8')), 'hex')
FROM users u WHERE u.username LIKE 'bench%'
ORDER BY u.id;
COMMIT;
