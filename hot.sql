INSERT INTO calapi_rate_limit AS r (subject, window_start, hits) VALUES (1, statement_timestamp(), 1)
ON CONFLICT (subject) DO UPDATE SET hits = LEAST(r.hits, 2000000000) + 1 RETURNING hits;
