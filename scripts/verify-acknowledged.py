#!/usr/bin/env python3
"""Checks after a crash that every acknowledged submission is stored exactly as acknowledged.

Reads the client log (one JSON line per 2xx write: code, version, and the answers the client
sent) and the database (read-only, through the sqlite3 module of the standard library): each
(code, version) must exist with exactly the answers sent; every submission row must have its audit row (same transaction, so none
half-written); versions of each respondent must be 1..n without gaps. Exits 1 on any loss.
"""
import json
import sqlite3
import sys


def main():
    database, log_path = sys.argv[1], sys.argv[2]
    connection = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    with open(log_path) as handle:
        acknowledged = [json.loads(line) for line in handle if line.strip()]
    found = 0
    lost = []
    for entry in acknowledged:
        row = connection.execute("SELECT answers FROM answer_sets WHERE respondent_code = ? AND version = ?",
                                 (entry["code"], entry["version"])).fetchone()
        if row is not None and json.loads(row[0]) == entry["answers"]:
            found += 1
        else:
            lost.append(entry)
    unaudited = connection.execute("""
        SELECT count(*) FROM answer_sets AS a WHERE a.source = 'submission'
        AND NOT EXISTS (SELECT 1 FROM audit_log AS l WHERE l.respondent_code = a.respondent_code AND l.version = a.version)
        """).fetchone()[0]
    gaps = connection.execute("""
        SELECT count(*) FROM (SELECT respondent_code, count(*) AS n, max(version) AS top FROM answer_sets GROUP BY respondent_code)
        WHERE n != top
        """).fetchone()[0]
    print("acknowledged %d, found %d, lost %d, submission rows without audit %d, respondents with version gaps %d"
          % (len(acknowledged), found, len(lost), unaudited, gaps))
    for entry in lost[:10]:
        print("LOST: respondent %s version %s" % (entry["code"], entry["version"]))
    sys.exit(1 if lost or unaudited or gaps else 0)


if __name__ == "__main__":
    main()
