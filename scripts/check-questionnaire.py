#!/usr/bin/env python3
"""Validate a wave's questionnaire file (Data/questionnaire-<wave>.json).

Checks the JSON shape and key order, the exact formatting (UTF-8, 2-space indent), unique
question ids and option codes, allowed types and sections, bases (skip logic) that refer only
to earlier categorical questions and their existing option codes, min/max sanity per type,
wave-neutral question texts, and counterparts: every counterpart_2011 must exist in the 2011
questionnaire (parsed from the INSERT statements of Migrations/0002_questionnaire.sql) with the
same type family, and every option counterpart must be an option of that 2011 question.

Usage: scripts/check-questionnaire.py [QUESTIONNAIRE_JSON] [--sql MIGRATION_SQL]
Prints one line per problem and exits 1 if there is any; prints a summary and exits 0 otherwise.
Python 3 standard library only.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "Data" / "questionnaire-2026.json"
DEFAULT_SQL = ROOT / "Migrations" / "0002_questionnaire.sql"

TOP_KEYS = ["id", "title_nb", "title_en", "note", "questions"]
QUESTION_KEYS = ["id", "type", "section", "text_nb", "label_en", "base", "minimum", "maximum",
                 "counterpart_2011", "options"]
OPTION_KEYS = ["code", "label_nb", "label_en", "counterpart_2011"]
TYPES = {"single", "multiple", "number", "scale", "text"}
CATEGORICAL = {"single", "multiple"}
SECTIONS = {"strategy", "use", "organisation", "facebook", "success"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
YEAR = re.compile(r"\b(19|20)\d\d\b")
# Type families a counterpart may cross: the same type only (text has no 2011 counterpart).
FAMILY = {"single": "single", "multiple": "multiple", "number": "number", "scale": "scale"}

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


# ---------------------------------------------------------------- 2011 questionnaire from SQL

def sql_values(text):
    """Split the inside of a VALUES (...) list into Python values (str, int, None)."""
    values, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t,":
            i += 1
        elif c == "'":
            i += 1
            buf = []
            while i < n:
                if text[i] == "'":
                    if i + 1 < n and text[i + 1] == "'":
                        buf.append("'")
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(text[i])
                i += 1
            values.append("".join(buf))
        else:
            m = re.match(r"NULL|-?\d+", text[i:])
            if not m:
                raise ValueError(f"cannot parse SQL value at: {text[i:i + 30]!r}")
            tok = m.group(0)
            values.append(None if tok == "NULL" else int(tok))
            i += len(tok)
    return values


INSERT = re.compile(r"^INSERT INTO (\w+) \(([^)]*)\) VALUES \((.*)\);\s*$")


def load_2011(sql_path):
    questions = {}
    for lineno, line in enumerate(sql_path.read_text(encoding="utf-8").splitlines(), 1):
        m = INSERT.match(line)
        if not m:
            continue
        table, cols = m.group(1), [c.strip() for c in m.group(2).split(",")]
        row = dict(zip(cols, sql_values(m.group(3))))
        if table == "questions":
            questions[row["id"]] = {"type": row["type"], "minimum": row.get("minimum"),
                                    "maximum": row.get("maximum"), "options": []}
        elif table == "question_options":
            if row["question_id"] not in questions:
                raise ValueError(f"{sql_path}:{lineno}: option of unknown question {row['question_id']}")
            questions[row["question_id"]]["options"].append(row["code"])
    if not questions:
        raise ValueError(f"{sql_path}: no INSERT INTO questions found")
    return questions


# ---------------------------------------------------------------- helpers

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != "" and v == v.strip()


def check_keys(where, obj, expected):
    if not isinstance(obj, dict):
        problem(where, f"must be an object, is {type(obj).__name__}")
        return False
    keys = list(obj.keys())
    if keys != expected:
        missing = [k for k in expected if k not in obj]
        extra = [k for k in keys if k not in expected]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unexpected " + ", ".join(extra))
        if not missing and not extra:
            detail.append("order is " + ", ".join(keys))
        problem(where, f"keys must be {', '.join(expected)} in this order ({'; '.join(detail)})")
        return not missing
    return True


def check_condition(where, cond, earlier):
    """earlier: {question id: (type, set of option codes)} of the questions before this one."""
    if not isinstance(cond, dict):
        problem(where, "a condition must be an object")
        return
    keys = list(cond.keys())
    if keys == ["question", "in"]:
        qid, codes = cond["question"], cond["in"]
        if qid not in earlier:
            problem(where, f"refers to {qid!r}, which is not an earlier question")
            return
        qtype, options = earlier[qid]
        if qtype not in CATEGORICAL:
            problem(where, f"refers to {qid!r} of type {qtype}; a base can only test single/multiple choices")
            return
        if not isinstance(codes, list) or not codes:
            problem(where, "'in' must be a non-empty list of option codes")
            return
        for code in codes:
            if code not in options:
                problem(where, f"option {code!r} does not exist in question {qid!r}")
        if len(set(map(str, codes))) != len(codes):
            problem(where, "'in' lists an option twice")
    elif keys in (["all"], ["any"]):
        items = cond[keys[0]]
        if not isinstance(items, list) or not items:
            problem(where, f"'{keys[0]}' must be a non-empty list of conditions")
            return
        for i, sub in enumerate(items):
            check_condition(f"{where}/{keys[0]}/{i}", sub, earlier)
    elif keys == ["not"]:
        check_condition(f"{where}/not", cond["not"], earlier)
    else:
        problem(where, "a condition is {\"question\":…,\"in\":[…]} (in that key order), {\"all\":[…]}, "
                       "{\"any\":[…]} or {\"not\":{…}}; got keys " + ", ".join(keys))


# ---------------------------------------------------------------- the check

def check(path, q2011):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problem(str(path), f"not UTF-8 ({e})")
        return
    if text.startswith("\ufeff"):
        problem(str(path), "has a byte order mark; write plain UTF-8")
        text = text[1:]
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        problem(str(path), f"not valid JSON: {e}")
        return
    canonical = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if text != canonical:
        a, b = text.splitlines(), canonical.splitlines()
        line = next((i + 1 for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)) + 1)
        problem(str(path), f"formatting differs from 2-space indented UTF-8 JSON (first at line {line}); "
                           "expected json.dumps(indent=2, ensure_ascii=False) plus a final newline")

    if not check_keys("/", doc, TOP_KEYS):
        return
    for key in ("id", "title_nb", "title_en", "note"):
        if not nonempty_str(doc[key]):
            problem(f"/{key}", "must be a non-empty string without surrounding spaces")
    if isinstance(doc["id"], str) and path.name.startswith("questionnaire-") and path.stem != f"questionnaire-{doc['id']}":
        problem("/id", f"{doc['id']!r} does not match the file name {path.name}")
    questions = doc["questions"]
    if not isinstance(questions, list) or not questions:
        problem("/questions", "must be a non-empty list")
        return

    earlier = {}                 # id -> (type, option codes), questions before the current one
    counterpart_users = {}       # 2011 question id -> 2026 question ids
    for qi, q in enumerate(questions):
        qid = q.get("id") if isinstance(q, dict) else None
        where = f"/questions/{qi}" + (f" ({qid})" if isinstance(qid, str) else "")
        if not check_keys(where, q, QUESTION_KEYS):
            continue
        if not isinstance(qid, str) or not SNAKE.match(qid):
            problem(where, f"id {qid!r} is not snake_case")
        if qid in earlier:
            problem(where, f"duplicate question id {qid!r}")
        qtype = q["type"]
        if qtype not in TYPES:
            problem(where, f"type {qtype!r} is not one of {', '.join(sorted(TYPES))}")
        if q["section"] not in SECTIONS:
            problem(where, f"section {q['section']!r} is not one of {', '.join(sorted(SECTIONS))}")
        for key in ("text_nb", "label_en"):
            if not nonempty_str(q[key]):
                problem(f"{where}/{key}", "must be a non-empty string without surrounding spaces")
            elif YEAR.search(q[key]):
                problem(f"{where}/{key}", f"names a year ({YEAR.search(q[key]).group(0)}); question texts must be wave-neutral")

        # base
        if q["base"] is not None:
            check_condition(f"{where}/base", q["base"], earlier)

        # minimum / maximum
        lo, hi = q["minimum"], q["maximum"]
        for key, v in (("minimum", lo), ("maximum", hi)):
            if v is not None and not is_int(v):
                problem(f"{where}/{key}", "must be an integer or null")
        if qtype in CATEGORICAL:
            if lo is not None or hi is not None:
                problem(where, f"a {qtype} question has no minimum/maximum (must be null)")
        elif qtype == "scale":
            if (lo, hi) != (0, 100):
                problem(where, f"a scale runs 0..100, not {lo}..{hi}")
        elif qtype == "number":
            if not (is_int(lo) and is_int(hi)):
                problem(where, "a number question needs integer minimum and maximum")
            elif lo > hi:
                problem(where, f"minimum {lo} is above maximum {hi}")
        elif qtype == "text":
            if lo is not None:
                problem(f"{where}/minimum", "a text question's minimum must be null")
            if not is_int(hi) or hi <= 0:
                problem(f"{where}/maximum", "a text question's maximum is its maximum length in characters (a positive integer)")
            elif hi > 10000:
                problem(f"{where}/maximum", f"{hi} characters is not a sane maximum length")

        # options
        options = q["options"]
        codes = set()
        if not isinstance(options, list):
            problem(f"{where}/options", "must be a list")
            options = []
        if qtype in CATEGORICAL and len(options) < 2:
            problem(f"{where}/options", f"a {qtype} question needs at least two options")
        if qtype in ("number", "scale", "text") and options:
            problem(f"{where}/options", f"a {qtype} question has no options (must be [])")
        for oi, o in enumerate(options):
            owhere = f"{where}/options/{oi}"
            if not check_keys(owhere, o, OPTION_KEYS):
                continue
            code = o["code"]
            if not isinstance(code, str) or not SNAKE.match(code):
                problem(owhere, f"code {code!r} is not snake_case")
            if code in codes:
                problem(owhere, f"duplicate option code {code!r}")
            codes.add(code)
            for key in ("label_nb", "label_en"):
                if not nonempty_str(o[key]):
                    problem(f"{owhere}/{key}", "must be a non-empty string without surrounding spaces")

        # counterparts
        cp = q["counterpart_2011"]
        if cp is not None:
            if not isinstance(cp, str) or cp not in q2011:
                problem(f"{where}/counterpart_2011", f"{cp!r} is not a question of the 2011 questionnaire")
                cp = None
            else:
                old = q2011[cp]
                if FAMILY.get(qtype) != FAMILY.get(old["type"]):
                    problem(f"{where}/counterpart_2011", f"type {qtype} cannot be compared with 2011 {cp!r} of type {old['type']}")
                if qtype == "number" and (lo, hi) != (old["minimum"], old["maximum"]):
                    problem(where, f"bounds {lo}..{hi} differ from 2011 {cp!r} ({old['minimum']}..{old['maximum']})")
                counterpart_users.setdefault(cp, []).append(qid)
        option_targets = {}
        for oi, o in enumerate(options):
            if not isinstance(o, dict) or "counterpart_2011" not in o:
                continue
            ocp = o["counterpart_2011"]
            if ocp is None:
                continue
            owhere = f"{where}/options/{oi}/counterpart_2011"
            if cp is None:
                problem(owhere, f"{ocp!r} declared, but the question has no 2011 counterpart")
            elif ocp not in q2011[cp]["options"]:
                problem(owhere, f"{ocp!r} is not an option of 2011 question {cp!r}")
            elif ocp != o.get("code"):
                problem(owhere, f"option {o.get('code')!r} declares 2011 option {ocp!r}: an option whose meaning is "
                                "unchanged keeps its 2011 code")
            elif ocp in option_targets:
                problem(owhere, f"2011 option {ocp!r} is already the counterpart of {option_targets[ocp]!r}")
            else:
                option_targets[ocp] = o.get("code")
        if cp is not None and qtype in CATEGORICAL and not option_targets:
            problem(f"{where}/counterpart_2011", f"declared, but no option has a counterpart in 2011 {cp!r}")

        if isinstance(qid, str):
            earlier[qid] = (qtype, codes)

    for cp, users in counterpart_users.items():
        if len(users) > 1:
            problem("/questions", f"2011 question {cp!r} is the counterpart of several questions: {', '.join(users)}")
    return doc


def main(argv):
    args = list(argv[1:])
    sql = DEFAULT_SQL
    if "--sql" in args:
        i = args.index("--sql")
        if i + 1 >= len(args):
            print("usage: check-questionnaire.py [QUESTIONNAIRE_JSON] [--sql MIGRATION_SQL]", file=sys.stderr)
            return 2
        sql = Path(args[i + 1])
        del args[i:i + 2]
    path = Path(args[0]) if args else DEFAULT_FILE
    try:
        q2011 = load_2011(sql)
    except (OSError, ValueError) as e:
        print(f"{sql}: cannot read the 2011 questionnaire: {e}")
        return 1
    try:
        doc = check(path, q2011)
    except OSError as e:
        print(f"{path}: {e}")
        return 1
    for line in problems:
        print(line)
    if problems:
        return 1
    qs = doc["questions"]
    with_cp = sum(1 for q in qs if q["counterpart_2011"])
    mapped = {q["counterpart_2011"] for q in qs if q["counterpart_2011"]}
    print(f"{path.name}: OK — {len(qs)} questions, {with_cp} with a 2011 counterpart, "
          f"{len(qs) - with_cp} without; 2011 questions without a 2026 counterpart: "
          f"{', '.join(sorted(set(q2011) - mapped)) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
