#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check data/sample-feed.json (or the feed given as argument).

1. Validates it against data/connect-feed.schema.json (JSON Schema 2020-12,
   with format checks) using python3-jsonschema.
2. Checks what the schema cannot express and what the app reports as a
   warning: unique ids, references, enrolled <= target, used + reserved <=
   slots, closed cohorts with outcome, nesting depth.
3. Checks that the sample is coherent and demonstrates everything the app
   shows: every cohort status, stage and outcome, every commitment state and
   kind, both supply warnings, snapshots that only narrow down, events that
   end in each cohort's current status.

Usage: tests/check-sample.py [FEED] [--schema SCHEMA]
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import datetime as dt
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("check-sample: python3-jsonschema is missing (apt-get install python3-jsonschema)")

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
TODAY = dt.date(2026, 11, 26)

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def depth(value, level=1):
    if isinstance(value, dict):
        return max([level] + [depth(v, level + 1) for v in value.values()])
    if isinstance(value, list):
        return max([level] + [depth(v, level + 1) for v in value])
    return level


def date(s):
    return dt.date.fromisoformat(s) if s else None


def timestamp(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00"))


def where(array, i, entity):
    ident = entity.get("id")
    return f"{array}[{i}] ({ident})" if ident else f"{array}[{i}]"


def check_schema(feed, schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
    validator = cls(schema, format_checker=checker)
    for err in sorted(validator.iter_errors(feed), key=lambda e: list(e.absolute_path)):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        problem("$" + path, "schema: " + err.message)
    # format "date" is only an annotation in some jsonschema versions: check dates exist.
    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in ("started", "joined", "opened", "closed", "status_changed",
                         "valid_from", "valid_until", "as_of") and isinstance(v, str):
                    try:
                        date(v)
                    except ValueError:
                        problem(path + "." + k, f"not a date: {v}")
                if k in ("generated_at", "updated", "at") and isinstance(v, str):
                    try:
                        if timestamp(v).tzinfo is None:
                            problem(path + "." + k, "timestamp without time zone")
                    except ValueError:
                        problem(path + "." + k, f"not a timestamp: {v}")
                walk(v, path + "." + k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]")
    walk(feed, "$")


def check_rules(feed):
    """The app's error rules beyond the schema, and its warning rules."""
    if depth(feed) > 64:
        problem("$", "nesting deeper than 64")
    ids = {}
    for array in ("trials", "partners", "sites", "drugs", "cohorts", "commitments"):
        seen = {}
        for i, e in enumerate(feed.get(array, [])):
            if e["id"] in seen:
                problem(where(array, i, e), f"duplicate id (first at {array}[{seen[e['id']]}])")
            seen[e["id"]] = i
        ids[array] = seen

    def ref(path, array, value):
        if value is not None and value not in ids[array]:
            problem(path, f"refers to a missing {array[:-1]} {value!r}")

    for i, t in enumerate(feed["trials"]):
        ref(where("trials", i, t) + ".sponsor", "partners", t.get("sponsor"))
    for i, s in enumerate(feed.get("sites", [])):
        ref(where("sites", i, s) + ".partner", "partners", s.get("partner"))
    for i, d in enumerate(feed.get("drugs", [])):
        ref(where("drugs", i, d) + ".supplier", "partners", d.get("supplier"))
    for i, c in enumerate(feed["cohorts"]):
        p = where("cohorts", i, c)
        ref(p + ".trial", "trials", c["trial"])
        for j, d in enumerate(c["drugs"]):
            ref(f"{p}.drugs[{j}]", "drugs", d)
        for j, s in enumerate(c.get("sites", [])):
            ref(f"{p}.sites[{j}]", "sites", s)
        if c["status"] == "closed" and "outcome" not in c:
            problem(p + ".outcome", "closed cohort without outcome")
        if c.get("enrolled") is not None and c.get("target") is not None and c["enrolled"] > c["target"]:
            problem(p + ".enrolled", f"enrolled {c['enrolled']} above target {c['target']}")
    for i, m in enumerate(feed.get("commitments", [])):
        p = where("commitments", i, m)
        ref(p + ".partner", "partners", m["partner"])
        ref(p + ".drug", "drugs", m["drug"])
        ref(p + ".trial", "trials", m["trial"])
        for j, c in enumerate(m.get("cohorts", [])):
            ref(f"{p}.cohorts[{j}]", "cohorts", c)
        if m.get("used", 0) + m.get("reserved", 0) > m["slots"]:
            problem(p + ".used", "used + reserved above slots")
    for i, s in enumerate(feed.get("snapshots", [])):
        ref(f"snapshots[{i}].trial", "trials", s["trial"])
    for i, e in enumerate(feed.get("events", [])):
        ref(f"events[{i}].cohort", "cohorts", e["cohort"])


def forecast(m):
    """The supply forecast of DESIGN.md, to find the sample's demonstrations."""
    slots, used, reserved = m["slots"], m.get("used", 0), m.get("reserved", 0)
    remaining = max(0, slots - used - reserved)
    vfrom, vuntil = date(m.get("valid_from")), date(m.get("valid_until"))
    exhausted_on = None
    if vfrom is not None:
        months = (TODAY - vfrom).days / 30.44
        if used > 0 and months >= 1:
            runway = remaining / (used / months)
            exhausted_on = TODAY + dt.timedelta(days=runway * 30.44)
    if exhausted_on and vuntil and exhausted_on < vuntil:
        return "runs-out"
    if vuntil and 0 <= (vuntil - TODAY).days <= 90 and remaining > 0:
        return "expires-unused"
    return None


def check_coherence(feed):
    """The sample must be plausible and show every state the app can show."""
    trials = {t["id"]: t for t in feed["trials"]}
    drugs = {d["id"]: d for d in feed["drugs"]}
    cohorts = {c["id"]: c for c in feed["cohorts"]}
    generated = timestamp(feed["generated_at"])

    def need(what, have, wanted):
        missing = set(wanted) - set(have)
        if missing:
            problem("$", f"no {what} {sorted(missing)}")

    need("cohort status", [c["status"] for c in cohorts.values()],
         ["planned", "open", "evaluating", "suspended", "closed"])
    need("cohort stage", [str(c.get("stage")) for c in cohorts.values()], ["1", "2", "expansion"])
    need("closed outcome", [c.get("outcome") for c in cohorts.values() if c["status"] == "closed"],
         ["benefit", "no-benefit", "withdrawn", "other"])
    need("alteration", [c["biomarker"].get("alteration") for c in cohorts.values()],
         ["mutation", "amplification", "fusion", "deletion", "loss", "expression", "signature"])
    need("commitment state", [m.get("state") for m in feed["commitments"]],
         ["negotiating", "active", "exhausted", "expired", "terminated"])
    need("commitment kind", [m.get("kind") for m in feed["commitments"]],
         ["free-drug", "free-drug-first-16-weeks", "per-patient-payment", "diagnostics"])
    need("payer", [m.get("payer_after_week16") for m in feed["commitments"]],
         ["company", "regional-health-authority", "none"])
    need("region", [s.get("region") for s in feed["sites"]], ["south-east", "west", "central", "north"])
    need("supply warning", [forecast(m) for m in feed["commitments"] if m.get("state") == "active"],
         ["runs-out", "expires-unused"])
    if not any(c["tumor"].get("agnostic") for c in cohorts.values()):
        problem("$", "no tissue-agnostic cohort")
    if not any(len(c["drugs"]) > 1 for c in cohorts.values()):
        problem("$", "no combination cohort")
    if not any(c["status"] == "open" and c["tumor"]["name"] == "Colorectal cancer"
               and "BRAF" in c["biomarker"]["genes"] and c["biomarker"].get("variant") == "V600E"
               for c in cohorts.values()):
        problem("$", "no open BRAF V600E colorectal cancer cohort")
    if len(cohorts) < 30:
        problem("$", f"only {len(cohorts)} cohorts")
    if len(drugs) < 20:
        problem("$", f"only {len(drugs)} drugs")

    for i, c in enumerate(feed["cohorts"]):
        p = where("cohorts", i, c)
        design = trials[c["trial"]].get("design", {})
        enrolled, target = c.get("enrolled"), c.get("target")
        evaluable, benefit = c.get("evaluable"), c.get("with_benefit")
        stage = str(c.get("stage"))
        if evaluable is not None and enrolled is not None and evaluable > enrolled:
            problem(p, "more evaluable than enrolled")
        if benefit is not None and evaluable is not None and benefit > evaluable:
            problem(p, "more with benefit than evaluable")
        if stage == "1" and target not in (None, design.get("stage1_patients")):
            problem(p, "stage 1 target differs from the trial design")
        if stage == "2" and target not in (None, design.get("stage2_patients")):
            problem(p, "stage 2 target differs from the trial design")
        if stage in ("2", "expansion") and enrolled is not None and enrolled <= design.get("stage1_patients", 0):
            problem(p, "past stage 1 with no more patients than stage 1")
        if c["status"] == "planned" and (enrolled or c.get("opened")):
            problem(p, "planned cohort with patients or an opening date")
        if c["status"] == "evaluating" and enrolled != target:
            problem(p, "evaluating but the stage is not fully enrolled")
        if (c["status"] == "closed") != ("closed" in c):
            problem(p, "closed date and closed status disagree")
        if c.get("outcome") == "no-benefit" and stage == "1" and benefit not in (None, 0):
            problem(p, "no benefit in stage 1 but patients with benefit")
        if c.get("outcome") == "no-benefit" and stage == "2" and benefit is not None \
                and benefit >= design.get("expansion_min_benefit", 0):
            problem(p, "no benefit in stage 2 but the expansion criterion is met")
        if c["tumor"].get("agnostic") and c["tumor"].get("code"):
            problem(p, "agnostic cohort with an OncoTree code")
        if timestamp(c["updated"]) > generated:
            problem(p + ".updated", "after generated_at")
        for d in ("opened", "closed", "status_changed"):
            if c.get(d) and date(c[d]) > generated.date():
                problem(f"{p}.{d}", "in the future")

    history = {}
    for i, e in enumerate(feed["events"]):
        history.setdefault(e["cohort"], []).append((timestamp(e["at"]), i, e))
    for cid, entries in history.items():
        entries.sort(key=lambda x: x[0])
        prev = None
        for at, i, e in entries:
            if e.get("from") != prev:
                problem(f"events[{i}]", f"from {e.get('from')!r} but {cid} was {prev!r}")
            prev = e["to"]
        c = cohorts[cid]
        last = entries[-1][2]
        if last["to"] != c["status"]:
            problem(f"events[{entries[-1][1]}]", f"{cid} history ends in {last['to']}, status is {c['status']}")
        if str(last.get("stage")) != str(c.get("stage")):
            problem(f"events[{entries[-1][1]}]", f"{cid} history ends in stage {last.get('stage')}, stage is {c.get('stage')}")
        if entries[-1][0].date() != date(c["status_changed"]):
            problem(cid, "status_changed is not the date of the last event")
        if entries[-1][0] > timestamp(c["updated"]):
            problem(cid, "updated before the last event")

    keys = ["screened", "discussed", "offered", "started", "evaluable", "disease_control"]
    by_trial = {}
    for i, s in enumerate(feed["snapshots"]):
        for a, b in zip(keys, keys[1:]):
            if s.get(a) is not None and s.get(b) is not None and s[b] > s[a]:
                problem(f"snapshots[{i}]", f"{b} above {a}")
        by_trial.setdefault(s["trial"], []).append((s["as_of"], i, s))
    for trial, snaps in by_trial.items():
        snaps.sort()
        for (_, _, a), (_, i, b) in zip(snaps, snaps[1:]):
            for k in keys:
                if b.get(k, 0) < a.get(k, 0):
                    problem(f"snapshots[{i}].{k}", "decreases over time")

    for i, m in enumerate(feed["commitments"]):
        p = where("commitments", i, m)
        d = drugs[m["drug"]]
        if m.get("kind") != "diagnostics" and d.get("supplier") != m["partner"]:
            problem(p, f"{m['partner']} commits {m['drug']}, supplied by {d.get('supplier')}")
        for cid in m.get("cohorts", []):
            if m["drug"] not in cohorts[cid]["drugs"]:
                problem(p, f"cohort {cid} does not use {m['drug']}")
        if m.get("state") == "exhausted" and m.get("used") != m["slots"]:
            problem(p, "exhausted but slots left")
        if m.get("state") == "expired" and date(m["valid_until"]) >= TODAY:
            problem(p, "expired but still valid")
        if m.get("state") in ("exhausted", "expired", "terminated") and forecast(m):
            problem(p, "an ended commitment would show a supply warning")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("feed", nargs="?", default=os.path.join(TOP, "data", "sample-feed.json"))
    ap.add_argument("--schema", default=os.path.join(TOP, "data", "connect-feed.schema.json"))
    args = ap.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    with open(args.feed, encoding="utf-8") as f:
        feed = json.load(f)
    check_schema(feed, schema)
    if not problems:
        check_rules(feed)
    if not problems:
        check_coherence(feed)
    for p in problems:
        print("check-sample:", p, file=sys.stderr)
    counts = {k: len(feed.get(k, [])) for k in
              ("trials", "partners", "sites", "drugs", "cohorts", "commitments", "snapshots", "events")}
    if problems:
        print(f"check-sample: {len(problems)} problem(s) in {args.feed}", file=sys.stderr)
        return 1
    print(f"check-sample: {args.feed} is valid: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
