-- A unit's answers, and everything derived from them (score, rank, answer filters, versions),
-- are visible to its own token and to staff only, unless staff publish the wave at unit level
-- (KS has the municipalities' consent): `POST /v1/waves/{id}/publish`. The synthetic 2011
-- baseline (and wave 1, whose unsent answers were copied from it) can never be published: the
-- answers are reconstructed from the report's aggregates, not what any named municipality said.
ALTER TABLE waves ADD COLUMN published_units INTEGER NOT NULL DEFAULT 0
    CHECK (published_units IN (0, 1) AND (published_units = 0 OR id NOT IN (1, 2011)));
