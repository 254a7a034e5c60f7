-- Bearer tokens (issued with `betakomm token issue`). Only the SHA-256 of the whole token is
-- kept, so the table lets nobody act as a municipality; the token itself is shown once.
-- `id` is the public part of the token (`bk_<id>_<secret>`), so a lookup needs no scan.
CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('respondent', 'staff')),
    respondent_code TEXT REFERENCES respondents (code),
    name TEXT NOT NULL,
    token_sha256 BLOB NOT NULL CHECK (length(token_sha256) = 32),
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    CHECK ((role = 'respondent') = (respondent_code IS NOT NULL))
) STRICT;
