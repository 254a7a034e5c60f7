-- Official Sami and Kven parallel names of 2011 units, as Statistics Norway writes them beside
-- the Norwegian name (Data/README-municipalities.md): "Guovdageaidnu - Kautokeino",
-- "Kárášjohka - Karasjok", "Gáivuotna - Kåfjord", "Deatnu - Tana", "Unjárga - Nesseby",
-- "Porsanger - Porsángu - Porsanki" and "Snåase - Snåsa". `respondents.name` keeps the
-- Norwegian name the report and the register list use; these are searchable and shown beside it.
CREATE TABLE parallel_names (
    respondent_code TEXT NOT NULL REFERENCES respondents (code),
    position INTEGER NOT NULL CHECK (position >= 1),   -- order as SSB writes them
    name TEXT NOT NULL CHECK (length(name) > 0),
    PRIMARY KEY (respondent_code, position)
) STRICT;

INSERT INTO parallel_names (respondent_code, position, name) VALUES
    ('1736', 1, 'Snåase'),
    ('1940', 1, 'Gáivuotna'),
    ('2011', 1, 'Guovdageaidnu'),
    ('2020', 1, 'Porsángu'),
    ('2020', 2, 'Porsanki'),
    ('2021', 1, 'Kárášjohka'),
    ('2025', 1, 'Deatnu'),
    ('2027', 1, 'Unjárga');
