-- Included after the load (see set-aside.sql): rebuilds the saved indexes, then re-adds and so
-- validates the saved foreign keys.
SET LOCAL maintenance_work_mem = '256MB';
DO $$
DECLARE saved record;
BEGIN
  FOR saved IN SELECT restore FROM bench_set_aside ORDER BY step LOOP EXECUTE saved.restore; END LOOP;
END $$;
