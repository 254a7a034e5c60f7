-- Waves and the maps they ask. A wave (2011, 2026, …) asks the units of one map with one
-- questionnaire; its answers are `answer_sets` rows with `wave` = its id. The 2011 baseline is
-- the closed wave 2011 on the 2011 map with the 2011 questionnaire (0002).
--
-- Units: a code names a unit on a map. `respondents` (0003) stays the register of every code any
-- map uses (so the references of answer sets, tokens and audit rows hold for today's codes too);
-- `map_units` holds each unit's facts on each map it belongs to. A code used by both maps names
-- the same unit or its enlarged successor (0301 Oslo; 1103 Stavanger with Finnøy and Rennesøy):
-- never two unrelated units (checked against Data/units-2024.csv by a test).

CREATE TABLE unit_maps (
    id INTEGER PRIMARY KEY,                -- 2011, 2024
    title TEXT NOT NULL,
    valid_from TEXT NOT NULL               -- the date the map took effect
) STRICT;

INSERT INTO unit_maps (id, title, valid_from) VALUES
    (2011, 'Kommuner og fylkeskommuner 2011 (430 + 19)', '2011-01-01'),
    (2024, 'Kommuner og fylkeskommuner fra 2024 (357 + 15)', '2024-01-01');

CREATE TABLE map_units (
    map INTEGER NOT NULL REFERENCES unit_maps (id),
    code TEXT NOT NULL REFERENCES respondents (code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kommune', 'fylkeskommune')),
    county_code TEXT NOT NULL,
    county_name TEXT NOT NULL,
    population INTEGER NOT NULL CHECK (population >= 0),
    population_is_estimate INTEGER NOT NULL CHECK (population_is_estimate IN (0, 1)),
    -- Where the population comes from, e.g. 'SSB 1 January 2011' or
    -- 'sum of the 2011 predecessors (1 January 2011)'; replaced by `betakomm population import`.
    population_source TEXT NOT NULL,
    size_class TEXT NOT NULL CHECK (size_class IN ('small', 'medium', 'large', 'county')),
    PRIMARY KEY (map, code)
) STRICT;

INSERT INTO map_units (map, code, name, kind, county_code, county_name, population, population_is_estimate,
                       population_source, size_class)
SELECT 2011, code, name, kind, county_code, county_name, population, population_is_estimate,
       'SSB, 1 January 2011 (Data/municipalities-2011.csv)', size_class
FROM respondents;

-- How the units of 2011 became the units of 2024 (Data/units-2011-to-2024.csv).
CREATE TABLE unit_successions (
    from_map INTEGER NOT NULL,
    from_code TEXT NOT NULL,
    to_map INTEGER NOT NULL,
    to_code TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('unchanged', 'renumbered', 'merged', 'split')),
    PRIMARY KEY (from_map, from_code, to_map, to_code),
    FOREIGN KEY (from_map, from_code) REFERENCES map_units (map, code),
    FOREIGN KEY (to_map, to_code) REFERENCES map_units (map, code)
) STRICT;

CREATE INDEX unit_successions_by_successor ON unit_successions (to_map, to_code);

-- Questionnaires by id ('2011', '2026'); a wave names the one its answers follow. The 2011 one is
-- copied from `questions` (0002), which stays as it was for readers of the old schema.
CREATE TABLE questionnaires (
    id TEXT PRIMARY KEY,
    title_nb TEXT NOT NULL,
    title_en TEXT NOT NULL,
    note TEXT
) STRICT;

CREATE TABLE questionnaire_questions (
    questionnaire TEXT NOT NULL REFERENCES questionnaires (id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    section TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'number', 'scale', 'text')),
    text_nb TEXT NOT NULL,
    label_en TEXT NOT NULL,
    base TEXT CHECK (base IS NULL OR json_valid(base)),
    minimum INTEGER,
    maximum INTEGER,
    counterpart_2011 TEXT,                 -- the 2011 question it is compared with; NULL: none (2011's are their own)
    PRIMARY KEY (questionnaire, id),
    UNIQUE (questionnaire, position)
) STRICT;

CREATE TABLE questionnaire_options (
    questionnaire TEXT NOT NULL,
    question_id TEXT NOT NULL,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    label_nb TEXT NOT NULL,
    label_en TEXT NOT NULL,
    counterpart_2011 TEXT,                 -- the 2011 option it is compared with; NULL: none
    PRIMARY KEY (questionnaire, question_id, code),
    UNIQUE (questionnaire, question_id, position),
    FOREIGN KEY (questionnaire, question_id) REFERENCES questionnaire_questions (questionnaire, id)
) STRICT;

INSERT INTO questionnaires (id, title_nb, title_en, note) VALUES
    ('2011', 'BETA.KOMM 2011: spørreskjemaet slik rapporten gjengir det',
     'BETA.KOMM 2011: the questionnaire as the report shows it',
     'Reconstructed from the 2011 report: one question per figure and per number stated in its text.');

INSERT INTO questionnaire_questions (questionnaire, id, position, section, type, text_nb, label_en, base, minimum, maximum, counterpart_2011)
SELECT '2011', id, position, section, type, text_nb, label_en, base, minimum, maximum, NULL FROM questions;

INSERT INTO questionnaire_options (questionnaire, question_id, code, position, label_nb, label_en, counterpart_2011)
SELECT '2011', question_id, code, position, label_nb, label_en, NULL FROM question_options;

CREATE TABLE waves (
    id INTEGER PRIMARY KEY,                -- 2011, 2026, …
    title_nb TEXT NOT NULL,
    title_en TEXT NOT NULL,
    map INTEGER NOT NULL REFERENCES unit_maps (id),
    questionnaire TEXT NOT NULL REFERENCES questionnaires (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    opens_on TEXT,                         -- ISO 8601 dates
    closes_on TEXT,
    created_at TEXT NOT NULL,
    CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on)
) STRICT;

-- The report: "Undersøkelsen ble sendt ut 28. januar 2011, med svarfrist 1. mars" (report line 117).
INSERT INTO waves (id, title_nb, title_en, map, questionnaire, status, opens_on, closes_on, created_at) VALUES
    (2011, 'BETA.KOMM 2011: bruk av sosiale medier i kommunesektoren',
     'BETA.KOMM 2011: use of social media in the municipal sector',
     2011, '2011', 'closed', '2011-01-28', '2011-03-01', '2011-01-28T00:00:00Z');

-- Submissions stored before waves existed were filed under the calendar year of submission, on
-- the 2011 map, and a merge patch filled every answer it did not touch from the unit's 2011 set.
-- They are kept, whole, in a closed wave of their own (id 1) so that no wave's statistics count
-- them as its answers, and each is marked for what it is.
INSERT INTO waves (id, title_nb, title_en, map, questionnaire, status, opens_on, closes_on, created_at)
SELECT 1, 'Innsendt før bølgene: 2011-skjemaet besvart på nytt (svar arvet fra 2011)',
       'Submitted before waves existed: the 2011 questionnaire answered again (answers inherited from 2011)',
       2011, '2011', 'closed', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE EXISTS (SELECT 1 FROM answer_sets WHERE wave <> 2011);

CREATE TABLE legacy_submissions (
    answer_set_id INTEGER PRIMARY KEY REFERENCES answer_sets (id),
    original_wave INTEGER NOT NULL,        -- the calendar year it was filed under
    note TEXT NOT NULL
) STRICT;

INSERT INTO legacy_submissions (answer_set_id, original_wave, note)
SELECT id, wave, 'Stored before waves existed; answers not sent were carried over from the unit''s 2011 set.'
FROM answer_sets WHERE wave <> 2011;

UPDATE answer_sets SET wave = 1 WHERE wave <> 2011;
UPDATE audit_log SET wave = 1 WHERE wave <> 2011;

-- A token may name the wave it answers; NULL for staff tokens and for tokens issued before waves.
ALTER TABLE tokens ADD COLUMN wave INTEGER REFERENCES waves (id);

-- The data version: one number that moves whenever anything the read API serves changes
-- (answers, waves, units' facts), so caches and ETags follow every kind of change. It starts at
-- the old version (the largest answer-set id), so no ETag goes backwards.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;

INSERT INTO data_version (id, value) SELECT 1, coalesce(max(id), 0) FROM answer_sets;

CREATE TRIGGER answer_sets_move_data_version AFTER INSERT ON answer_sets
BEGIN UPDATE data_version SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER answer_sets_update_move_data_version AFTER UPDATE ON answer_sets
BEGIN UPDATE data_version SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER waves_insert_move_data_version AFTER INSERT ON waves
BEGIN UPDATE data_version SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER waves_update_move_data_version AFTER UPDATE ON waves
BEGIN UPDATE data_version SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER map_units_update_move_data_version AFTER UPDATE ON map_units
BEGIN UPDATE data_version SET value = value + 1 WHERE id = 1; END;
