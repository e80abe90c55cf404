-- Included (\ir) by a stage after `\set table '"Name"'`, inside its transaction: saves the exact
-- definitions of the table's secondary indexes (all but the primary key and indexes that back a
-- constraint) and of its foreign keys, then drops them. Loading a million rows and afterwards
-- building each index once by sorting, and checking each foreign key once with one join, is several
-- times faster than maintaining a dozen b-trees and firing two referential-integrity triggers
-- (which also lock every referenced row) per inserted row. put-back.sql restores them, with the
-- same names and definitions, before the commit; a failure in between rolls both back.
CREATE TEMP TABLE bench_set_aside ON COMMIT DROP AS
SELECT 1 AS step, 'DROP INDEX ' || i.indexrelid::regclass::text AS drop_it,
       pg_get_indexdef(i.indexrelid) AS restore
FROM pg_index i
WHERE i.indrelid = :'table'::regclass AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
UNION ALL
SELECT 2, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
FROM pg_constraint c
WHERE c.conrelid = :'table'::regclass AND c.contype = 'f';
DO $$
DECLARE saved record;
BEGIN
  FOR saved IN SELECT drop_it FROM bench_set_aside LOOP EXECUTE saved.drop_it; END LOOP;
END $$;
