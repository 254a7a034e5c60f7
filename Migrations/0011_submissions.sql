-- Who changed which answers, when and from where: one row per stored answer-set version that a
-- submission or an import created. Tokens are named by id, never by value.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    token_id INTEGER REFERENCES tokens (id),          -- NULL: the command line (`betakomm import`)
    action TEXT NOT NULL CHECK (action IN ('put', 'patch', 'import')),
    respondent_code TEXT NOT NULL REFERENCES respondents (code),
    version INTEGER NOT NULL,
    wave INTEGER NOT NULL,
    changes TEXT NOT NULL CHECK (json_valid(changes)), -- JSON array of the changed answers' pointers
    remote_address TEXT NOT NULL,                      -- the peer's address, or 'cli'
    UNIQUE (respondent_code, version)
) STRICT;

CREATE INDEX audit_log_by_respondent ON audit_log (respondent_code, id);

-- The first result of a submission sent with an `Idempotency-Key`, so a retry returns it instead
-- of creating a second version. Scoped to the token and the respondent.
CREATE TABLE idempotency_keys (
    token_id INTEGER NOT NULL REFERENCES tokens (id),
    respondent_code TEXT NOT NULL REFERENCES respondents (code),
    key TEXT NOT NULL,
    request_sha256 BLOB NOT NULL CHECK (length(request_sha256) = 32),
    status INTEGER NOT NULL,
    etag TEXT NOT NULL,
    body BLOB NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (token_id, respondent_code, key)
) STRICT;
