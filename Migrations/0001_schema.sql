-- BetaKomm product schema: respondent units, the questionnaire with its skip logic, and
-- versioned answer sets. Shipped migrations are never edited; later changes get a new file.
-- STRICT tables (sqlite.org/stricttables.html, SQLite >= 3.37) refuse values of the wrong type.

-- Every unit of the municipal sector in 2011: 430 kommuner and 19 fylkeskommuner.
CREATE TABLE respondents (
    code TEXT PRIMARY KEY,                 -- 4-digit kommunenummer (2011) or 2-digit fylkesnummer
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kommune', 'fylkeskommune')),
    county_code TEXT NOT NULL,
    county_name TEXT NOT NULL,
    population INTEGER NOT NULL CHECK (population >= 0),   -- residents on 1 January 2011 (SSB)
    population_is_estimate INTEGER NOT NULL CHECK (population_is_estimate IN (0, 1)),
    size_class TEXT NOT NULL CHECK (size_class IN ('small', 'medium', 'large', 'county'))
) STRICT;

-- The questionnaire. `base` is the skip logic as a canonical JSON condition, e.g.
-- {"in":["yes"],"question":"uses_social_media"}; NULL means every respondent is asked.
CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    section TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'number', 'scale')),
    text_nb TEXT NOT NULL,
    label_en TEXT NOT NULL,
    base TEXT CHECK (base IS NULL OR json_valid(base)),
    minimum INTEGER,
    maximum INTEGER
) STRICT;

CREATE TABLE question_options (
    question_id TEXT NOT NULL REFERENCES questions (id),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    label_nb TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (question_id, code),
    UNIQUE (question_id, position)
) STRICT;

-- Immutable, versioned answer sets: a submission adds version n+1 and never rewrites a row.
-- `answers` is a canonical JSON object (sorted keys, no whitespace): question id -> value.
CREATE TABLE answer_sets (
    id INTEGER PRIMARY KEY,
    respondent_code TEXT NOT NULL REFERENCES respondents (code),
    version INTEGER NOT NULL CHECK (version >= 1),
    wave INTEGER NOT NULL,
    answers TEXT NOT NULL CHECK (json_valid(answers)),
    source TEXT NOT NULL CHECK (source IN ('baseline-2011', 'submission', 'import')),
    created_at TEXT NOT NULL,
    UNIQUE (respondent_code, version)
) STRICT;

CREATE INDEX answer_sets_by_wave ON answer_sets (wave, respondent_code);
