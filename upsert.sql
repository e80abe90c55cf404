\set user random(1, 1000)
INSERT INTO calapi_rate_limit AS r (subject, window_start, hits) VALUES (:user, statement_timestamp(), 1)
ON CONFLICT (subject) DO UPDATE SET
  window_start = CASE WHEN r.window_start <= statement_timestamp() - make_interval(secs => 60) THEN statement_timestamp() ELSE r.window_start END,
  hits = CASE WHEN r.window_start <= statement_timestamp() - make_interval(secs => 60) THEN 1 ELSE LEAST(r.hits, 2000000000) + 1 END
RETURNING hits, (EXTRACT(EPOCH FROM window_start) * 1000)::bigint, (EXTRACT(EPOCH FROM statement_timestamp()) * 1000)::bigint;
