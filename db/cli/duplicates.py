"""`liaison duplicates [--json] [--kind organizations|people] [--min-score N]`: the likely
duplicate pairs (db/services/duplicates.py), best first, each with why it matched; and
`liaison merge-records SURVIVOR OTHER [--json]`: merge one into the other with the default
choices (db/services/record_merge.py), undone by `liaison undo BATCH`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any, TextIO

from db.store.translation import QT_TRANSLATE_NOOP, translate

KINDS = {"organizations": "organization", "people": "person"}
# What a merge moved, by the merge's word for it: (one, several), whole phrases so that each
# language says its own plural.
MOVED: Mapping[str, tuple[str, str]] = {
    "interactions": (QT_TRANSLATE_NOOP("CommandLine", "1 interaction"),
                     QT_TRANSLATE_NOOP("CommandLine", "{n:,} interactions")),
    "positions": (QT_TRANSLATE_NOOP("CommandLine", "1 position"),
                  QT_TRANSLATE_NOOP("CommandLine", "{n:,} positions")),
    "invitations": (QT_TRANSLATE_NOOP("CommandLine", "1 invitation"),
                    QT_TRANSLATE_NOOP("CommandLine", "{n:,} invitations")),
    "delegates": (QT_TRANSLATE_NOOP("CommandLine", "1 place in an event delegation"),
                  QT_TRANSLATE_NOOP("CommandLine", "{n:,} places in event delegations")),
    "visits": (QT_TRANSLATE_NOOP("CommandLine", "1 visit"),
               QT_TRANSLATE_NOOP("CommandLine", "{n:,} visits")),
    "members": (QT_TRANSLATE_NOOP("CommandLine", "1 place in a visit's delegation"),
                QT_TRANSLATE_NOOP("CommandLine", "{n:,} places in visits' delegations")),
    "gifts": (QT_TRANSLATE_NOOP("CommandLine", "1 gift"),
              QT_TRANSLATE_NOOP("CommandLine", "{n:,} gifts")),
    "followups": (QT_TRANSLATE_NOOP("CommandLine", "1 follow-up"),
                  QT_TRANSLATE_NOOP("CommandLine", "{n:,} follow-ups")),
    "events": (QT_TRANSLATE_NOOP("CommandLine", "1 event organized"),
               QT_TRANSLATE_NOOP("CommandLine", "{n:,} events organized")),
    "sessions": (QT_TRANSLATE_NOOP("CommandLine", "1 session spoken at"),
                 QT_TRANSLATE_NOOP("CommandLine", "{n:,} sessions spoken at")),
    "levels": (QT_TRANSLATE_NOOP("CommandLine", "1 level change"),
               QT_TRANSLATE_NOOP("CommandLine", "{n:,} level changes")),
    "tags": (QT_TRANSLATE_NOOP("CommandLine", "1 tag"),
             QT_TRANSLATE_NOOP("CommandLine", "{n:,} tags")),
}
FOUND = {
    "organization": (
        QT_TRANSLATE_NOOP("CommandLine", "1 likely duplicate pair of organizations (score "
                                         "{score} or more) in {database}."),
        QT_TRANSLATE_NOOP("CommandLine", "{count:,} likely duplicate pairs of organizations "
                                         "(score {score} or more) in {database}.")),
    "person": (
        QT_TRANSLATE_NOOP("CommandLine", "1 likely duplicate pair of people (score {score} or "
                                         "more) in {database}."),
        QT_TRANSLATE_NOOP("CommandLine", "{count:,} likely duplicate pairs of people (score "
                                         "{score} or more) in {database}.")),
}
NONE_FOUND = {
    "organization": QT_TRANSLATE_NOOP("CommandLine", "No likely duplicate organizations (score "
                                                     "{score} or more) in {database}."),
    "person": QT_TRANSLATE_NOOP("CommandLine", "No likely duplicate people (score {score} or "
                                               "more) in {database}."),
}


def add_commands(sub: Any) -> None:
    duplicates = sub.add_parser("duplicates", help=translate(
        "CommandLine", "list the likely duplicate organizations or people, across scripts, "
                       "best first, with why each pair matched"))
    duplicates.add_argument("--kind", choices=list(KINDS), default="organizations",
                            help=translate("CommandLine", "organizations (the default) or "
                                                          "people"))
    duplicates.add_argument("--min-score", type=int, metavar="N", help=translate(
        "CommandLine", "the lowest score shown, 0 to 100 (default: 85 for organizations, 90 "
                       "for people)"))
    duplicates.add_argument("--json", action="store_true",
                            help=translate("CommandLine", "print one JSON object"))
    merge = sub.add_parser("merge-records", help=translate(
        "CommandLine", "merge two organizations or two people: OTHER's links and names move to "
                       "SURVIVOR, which keeps the newer non-empty value of each field"))
    merge.add_argument("survivor", metavar="SURVIVOR",
                       help=translate("CommandLine", "the id of the record kept"))
    merge.add_argument("other", metavar="OTHER",
                       help=translate("CommandLine", "the id of the record merged into it"))
    merge.add_argument("--json", action="store_true",
                       help=translate("CommandLine", "print one JSON object"))


def moved_text(moved: Mapping[str, int]) -> str:
    """“12 interactions, 3 positions”, in the order of MOVED; "nothing" when nothing moved."""
    parts: list[str] = []
    for word in [*MOVED, *sorted(set(moved) - set(MOVED))]:
        count = moved.get(word, 0)
        if not count:
            continue
        if word in MOVED:
            one, several = MOVED[word]
            parts.append(translate("CommandLine", one) if count == 1
                         else translate("CommandLine", several).format(n=count))
        else:
            parts.append(f"{count:,} {word}")
    return (translate("CommandLine", ", ").join(parts) if parts
            else translate("CommandLine", "nothing"))


def cmd_duplicates(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any,
                   progress_class: Any) -> int:
    from db.cli.events import _cut, _table
    from db.services.duplicates import DEFAULT_MIN_SCORES, scan_steps

    kind = KINDS[args.kind]
    if args.min_score is not None and not 0 <= args.min_score <= 100:
        print(translate("CommandLine", "--min-score is a number from 0 to 100 (given: "
                                       "{score}).").format(score=args.min_score), file=err)
        return 2
    min_score = DEFAULT_MIN_SCORES[kind] if args.min_score is None else args.min_score
    db = open_db(args)
    progress = progress_class(err)
    pairs: tuple[Any, ...] = ()
    for step in scan_steps(db, kind, min_score=min_score):
        progress.show(translate("CommandLine", "Comparing names: {done:,} of {total:,}").format(
            done=step.done, total=step.total))
        if step.pairs is not None:
            pairs = step.pairs
    progress.end()
    if args.json:
        json.dump({"database": db.describe(), "kind": kind, "min_score": min_score,
                   "pairs": [pair.as_json() for pair in pairs]}, out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
        return 0
    if not pairs:
        print(translate("CommandLine", NONE_FOUND[kind]).format(
            score=min_score, database=db.describe()), file=out)
        return 0
    header = [translate("CommandLine", "score"), translate("CommandLine", "keep"),
              translate("CommandLine", "merge into it"), translate("CommandLine", "country"),
              translate("CommandLine", "why")]
    rows: list[list[str]] = []
    for pair in pairs:
        rows.append([str(pair.score), _cut(pair.first_name, 40), _cut(pair.second_name, 40),
                     pair.country or "", translate("CommandLine", "; ").join(pair.reasons)])
        rows.append(["", pair.first_id, pair.second_id, "", ""])
    _table(header, rows, [True, False, False, False, False], out)
    one, several = FOUND[kind]
    print(translate("CommandLine", one if len(pairs) == 1 else several).format(
        count=len(pairs), score=min_score, database=db.describe()), file=out)
    print(translate("CommandLine", "Merge a pair with “liaison merge-records KEEP OTHER”; "
                                   "“liaison undo BATCH” takes a merge back."), file=out)
    return 0


def cmd_merge_records(args: argparse.Namespace, out: TextIO, err: TextIO,
                      open_db: Any) -> int:
    from db.changes.recording import Actor
    from db.services.not_duplicates import record_kind
    from db.services.record_merge import merge_preview, merge_records
    from db.store.errors import LiaisonError

    survivor_id, other_id = args.survivor.strip(), args.other.strip()
    db = open_db(args)
    kinds = []
    for record_id in (survivor_id, other_id):
        kind = record_kind(db, record_id)
        if kind is None:
            raise LiaisonError(translate(
                "CommandLine", "There is no organization or person with id {id}.").format(
                id=record_id))
        kinds.append(kind)
    if kinds[0] != kinds[1]:
        raise LiaisonError(translate(
            "CommandLine", "{survivor} and {other} are one organization and one person: only "
                           "two organizations or two people can be merged.").format(
            survivor=survivor_id, other=other_id))
    kind = kinds[0]
    preview = merge_preview(db, kind, survivor_id, other_id)
    result = merge_records(db, kind, survivor_id, other_id,
                           expected_versions=(preview.survivor_version, preview.other_version),
                           actor=Actor(source="cli"))
    if args.json:
        json.dump({"kind": kind, "survivor": {"id": result.survivor_id,
                                              "name": preview.survivor_name},
                   "other": {"id": result.other_id, "name": preview.other_name},
                   "moved": result.moved, "batch_id": result.batch_id}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(translate("CommandLine", "Merged “{other}” into “{survivor}”; moved to it: "
                                   "{moved}.").format(
        other=preview.other_name, survivor=preview.survivor_name,
        moved=moved_text(result.moved)), file=out)
    print(translate("CommandLine", "Batch {batch}: “liaison undo {batch}” takes the merge "
                                   "back.").format(batch=result.batch_id), file=out)
    return 0
