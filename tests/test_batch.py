"""``rfi batch``: strict CSV reading, stable identity, a manifest that survives kills, similarity."""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main
from advocacy.library import library_sources, load_library
from advocacy.respond import load_response
from advocacy.respond.batch_manifest import MANIFEST, keys_for, plan_files
from advocacy.respond.people import Person, personalise, read_people, shared_own_words

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
BEFORE = "2017-05-25"  # a week before the deadline: no deadline warning
RESPONSE = EXAMPLE / "response.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def batch(people: Path, out: Path, *extra: str):
    return run(
        "rfi", "batch", str(RESPONSE), "--people", str(people), "-o", str(out),
        "--now", BEFORE, "--format", "md", "--jobs", "1", *extra,
    )  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding="utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def manifest(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((out / MANIFEST).open(encoding="utf-8")))


def letters(out: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(out.glob("*.md"))}


# --------------------------------------------------------------------------- the shipped example


def test_batch_writes_one_letter_per_row_and_resumes(tmp_path: Path) -> None:
    out = tmp_path / "letters"
    args = [
        "rfi", "batch", str(RESPONSE), "--people", str(EXAMPLE / "advocates.csv"),
        "-o", str(out), "--now", BEFORE, "--jobs", "2",
    ]  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0, first.output
    rows = list(csv.DictReader((EXAMPLE / "advocates.csv").open(encoding="utf-8")))
    docs = sorted(p for p in out.iterdir() if p.suffix == ".docx")
    assert len(docs) == len(rows) >= 5
    entries = manifest(out)
    assert [m["status"] for m in entries] == ["written"] * len(rows)
    assert all(0 < float(m["personal_share"]) <= 1 for m in entries)
    kept = {p: p.read_bytes() for p in docs[2:]}
    for p in docs[:2]:
        p.unlink()
    second = run(*args)
    assert second.exit_code == 0, second.output
    assert f"2 written, {len(rows) - 2} skipped" in second.output
    assert all(p.read_bytes() == data for p, data in kept.items())
    assert all(p.exists() for p in docs)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_batch_personalises_each_letter(tmp_path: Path) -> None:
    out = tmp_path / "letters"
    result = batch(EXAMPLE / "advocates.csv", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((EXAMPLE / "advocates.csv").open(encoding="utf-8")))
    base_email = yaml.safe_load(RESPONSE.read_text("utf-8"))["respondent"]["email"]
    by_line = {m["line"]: m for m in manifest(out)}
    anonymous = [m for m in manifest(out) if not m["line"]]
    for line, row in enumerate(rows, start=2):
        is_anonymous = row["anonymous"].lower() in ("yes", "y", "true", "1")
        entry = anonymous.pop() if is_anonymous else by_line[str(line)]
        text = (out / entry["file"]).read_text("utf-8")
        assert base_email not in text
        assert (row["last_name"] in text) != is_anonymous
        assert " ".join(row["intro:peer-roles"].split()[:12]) in " ".join(text.split())


def test_csv_column_replaces_base_text_even_when_blank(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "first_name,last_name,email,anonymous,intro:peer-roles\n"
        "Ana,Silva,,no,\nBo,Chen,bo@example.org,yes,Mine.\n",
        "utf-8",
    )
    loaded = load_response(RESPONSE)
    read = read_people(people, loaded)
    ana, bo = read.people
    base_intro = next(a.intro for a in loaded.response.answers if a.question == "peer-roles")
    assert base_intro
    ana_response = personalise(loaded, ana, people).response
    ana_answer = next(a for a in ana_response.answers if a.question == "peer-roles")
    assert ana_answer.intro is None  # blank cell: not the base respondent's story
    assert ana_response.respondent.email is None
    assert personalise(loaded, bo, people).response.respondent.anonymous
    shared = shared_own_words(loaded, read.columns)
    assert "intro:peer-roles" not in shared and "intro:workforce" in shared


def test_batch_leaves_out_own_words_no_column_gives(tmp_path: Path) -> None:
    """The response file's own words are its writer's: never under Ana's name, unless asked."""
    base = load_response(RESPONSE).response
    base_intro = next(a.intro for a in base.answers if a.question == "peer-roles")
    assert base_intro
    people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["Ana", "Silva"]])
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "are left out of every letter" in result.output
    assert "intro:peer-roles" in result.output and "--keep-shared" in result.output
    letter = (tmp_path / "out" / "Silva-Ana.md").read_text("utf-8").replace("\n>", "\n")
    letter = " ".join(letter.split())
    assert " ".join(base_intro.split()[:12]) not in letter
    assert "Require every bidder" in letter  # the recommendations stay

    kept = batch(people, tmp_path / "kept", "--keep-shared")
    assert kept.exit_code == 0, kept.output
    assert "every letter repeats these own-words texts" in kept.output
    letter = (tmp_path / "kept" / "Silva-Ana.md").read_text("utf-8").replace("\n>", "\n")
    assert " ".join(base_intro.split()) in " ".join(letter.split())


# --------------------------------------------------------------------------- strict CSV


def test_unclosed_quote_stops_the_batch_before_any_letter(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(
        b'first_name,last_name,intro:peer-roles\nA,One,"I said ""hi"" and then\n'
        b"B,Two,second story\nC,Three,third story\n"
    )
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 1
    assert f"{people}:2: error: a quoted field that starts on line 2 is never closed" in (
        result.output
    )
    assert not out.exists()


def test_ragged_rows_stop_the_batch_naming_every_line(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "first_name,last_name,email\nAna,Silva,ana@example.org\n"
        "Bo,Chen,bo@example.org,extra\nCy\nDi,Evans,di@example.org\n",
        "utf-8",
    )
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 1
    assert f"{people}:3: error: line 3 has 4 fields; the header has 3" in result.output
    assert f"{people}:4: error: line 4 has 1 fields; the header has 3" in result.output
    assert not out.exists()


def test_text_after_a_closing_quote_is_an_error(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text('first_name,last_name\nAna,"Sil"va\n', "utf-8")
    result = batch(people, tmp_path / "out")
    assert (
        result.exit_code == 1
        and f"{people}:2: error: the CSV file cannot be read at line 2" in (result.output)
    )


def test_unknown_column_stops_before_any_work(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("first_name,last_name,intro:peer-role\nAna,Silva,Hi\n", "utf-8")
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 1
    assert f"{people}:1:3: error: unknown column 'intro:peer-role'" in result.output
    assert "did you mean 'intro:peer-roles'?" in result.output
    assert not out.exists()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["first_name", "last_name", "city", "intro:peer-roles"],
        ["Ana", "Silva", "Holyoke, MA", "Uno; dos, tres."],
    ]
    people = write_csv(tmp_path / "people.csv", rows, delimiter)
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 0, result.output
    text = (out / "Silva-Ana.md").read_text("utf-8")
    assert "Uno; dos, tres." in text


@pytest.mark.parametrize(
    ("encoding", "warned"), [("utf-8", False), ("utf-8-sig", False), ("cp1252", True)]
)
def test_encodings(tmp_path: Path, encoding: str, warned: bool) -> None:
    rows = [["first_name", "last_name", "intro:peer-roles"], ["José", "Núñez", "Año “uno”."]]
    people = write_csv(tmp_path / "people.csv", rows, encoding=encoding)
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 0, result.output
    assert "José Núñez" in (out / "Nunez-Jose.md").read_text("utf-8")
    assert "Año “uno”." in (out / "Nunez-Jose.md").read_text("utf-8")
    assert ("read as Windows-1252" in result.output) == warned


def test_csv_without_last_name_does_not_mention_the_name_option(tmp_path: Path) -> None:
    people = write_csv(tmp_path / "people.csv", [["name", "email"], ["Sam Lee", "s@example.org"]])
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 0, result.output
    assert "--name" not in result.output
    assert (out / "Sam-Lee.md").exists()


def test_bad_email_is_a_plain_sentence(tmp_path: Path) -> None:
    people = write_csv(
        tmp_path / "people.csv",
        [["first_name", "last_name", "email"], ["Cy", "Diaz", "not-an-email"]],
    )
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 1
    assert "row 2 (column 'email'): email is not an email address: 'not-an-email'" in (
        result.output
    )
    assert "pattern" not in result.output and "^[" not in result.output


def test_non_latin_names_keep_their_letters(tmp_path: Path) -> None:
    rows = [["first_name", "last_name"], ["伟", "张"], ["محمد", "علي"], ["Ёлка", "Иванова"]]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 0, result.output
    assert sorted(letters(out)) == sorted(["张-伟.md", "علي-محمد.md", "Иванова-Ёлка.md"])


@pytest.mark.parametrize("flag", ["sí", "Sí", "si", "YES", "x"])
def test_spanish_yes_is_anonymous(tmp_path: Path, flag: str) -> None:
    rows = [["first_name", "last_name", "email", "anonymous"], ["Ana", "Silva", "a@e.org", flag]]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 0, result.output
    ((name, text),) = letters(out).items()
    assert name.startswith("anonymous-") and "Silva" not in text


def test_a_wrong_anonymous_value_is_located(tmp_path: Path) -> None:
    rows = [["first_name", "last_name", "anonymous"], ["Ana", "Silva", "maybe"]]
    result = batch(write_csv(tmp_path / "people.csv", rows), tmp_path / "out")
    assert result.exit_code == 1
    assert "row 2 (column 'anonymous'): anonymous must be yes or no, not 'maybe'" in result.output


# --------------------------------------------------------------------------- identity


def test_inserting_a_row_never_swaps_letters(tmp_path: Path) -> None:
    header = ["first_name", "last_name", "intro:peer-roles"]
    rows = [["Ana", "Silva", "Ana's story."], ["Bo", "Chen", "Bo's story."]]
    out = tmp_path / "out"
    people = write_csv(tmp_path / "people.csv", [header, *rows])
    assert batch(people, out).exit_code == 0
    write_csv(people, [header, ["Cy", "Chen", "Cy's story."], *rows])
    result = batch(people, out)
    assert result.exit_code == 0, result.output
    assert "1 written, 2 skipped" in result.output
    found = letters(out)
    assert len(found) == 3
    for name, text in found.items():
        first = name.split("-")[1].removesuffix(".md")
        assert f"{first}'s story." in text
    assert sorted(m["file"] for m in manifest(out)) == sorted(found)


def test_same_surname_and_first_name_get_their_own_files_across_runs(tmp_path: Path) -> None:
    header = ["first_name", "last_name", "email", "intro:peer-roles"]
    one = ["John", "Smith", "john1@example.org", "First John."]
    two = ["John", "Smith", "john2@example.org", "Second John."]
    people = write_csv(tmp_path / "people.csv", [header, one])
    out = tmp_path / "out"
    assert batch(people, out).exit_code == 0
    write_csv(people, [header, two, one])  # the new John comes first
    assert batch(people, out).exit_code == 0
    found = letters(out)
    assert "First John." in found["Smith-John.md"]
    assert "Second John." in found["Smith-John-2.md"]


def test_duplicate_people_are_an_error_naming_both_lines(tmp_path: Path) -> None:
    rows = [
        ["name", "email"],
        ["Ana Silva", "a@example.org"],
        ["x", ""],
        ["ana  SILVA", "A@example.org"],
    ]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 1
    assert "rows 2 and 4 are the same person (same name and email)" in result.output
    assert not out.exists()


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    rows = [["id", "name"], ["7", "Ana"], ["8", "Bo"], ["7", "Cy"]]
    result = batch(write_csv(tmp_path / "people.csv", rows), tmp_path / "out")
    assert result.exit_code == 1 and "rows 2 and 4 are the same person (same id)" in result.output


def test_anonymous_rows_need_an_id_or_email(tmp_path: Path) -> None:
    rows = [["first_name", "last_name", "anonymous"], ["Ana", "Silva", "yes"]]
    result = batch(write_csv(tmp_path / "people.csv", rows), tmp_path / "out")
    assert result.exit_code == 1
    assert "row 2: an anonymous row needs an id or an email" in result.output


def test_anonymous_people_leave_no_trace_in_names_manifest_or_report(tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "email", "anonymous"],
        ["Ana", "Silva", "ana.silva@example.org", "yes"],
        ["Bo", "Chen", "bo@example.org", "no"],
    ]
    people = write_csv(tmp_path / "people.csv", rows)
    out = tmp_path / "out"
    assert batch(people, out).exit_code == 0
    for path in [*out.iterdir()]:
        text = path.name + path.read_text("utf-8")
        assert "Silva" not in text and "ana.silva" not in text and "Ana" not in text
    anonymous = next(m for m in manifest(out) if m["key"].startswith("anonymous-"))
    assert anonymous["line"] == "" and anonymous["file"].startswith("anonymous-")
    # The same person gets the same file on the next run (the salt stays in the folder).
    write_csv(people, [rows[0], rows[2], rows[1]])
    assert "0 written, 2 skipped" in batch(people, out).output
    # In another folder the key is different: a salted hash, not a plain one.
    other = tmp_path / "other"
    assert batch(people, other).exit_code == 0
    assert {m["key"] for m in manifest(other)} != {m["key"] for m in manifest(out)}


def test_people_who_left_are_reported_and_their_letters_kept(tmp_path: Path) -> None:
    header = ["first_name", "last_name"]
    people = write_csv(tmp_path / "people.csv", [header, ["Ana", "Silva"], ["Bo", "Chen"]])
    out = tmp_path / "out"
    assert batch(people, out).exit_code == 0
    write_csv(people, [header, ["Ana", "Silva"]])
    result = batch(people, out)
    assert result.exit_code == 0
    assert "1 letter(s) from an earlier run belong to people no longer in the CSV" in result.output
    assert "Chen-Bo.md" in result.output and (out / "Chen-Bo.md").exists()
    gone = next(m for m in manifest(out) if m["file"] == "Chen-Bo.md")
    assert gone["status"] == "not-in-csv"
    # Bo comes back: the same file again, not a new one.
    write_csv(people, [header, ["Bo", "Chen"], ["Ana", "Silva"]])
    assert "0 written, 2 skipped" in batch(people, out).output


def test_a_file_not_in_the_manifest_is_never_taken(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "Silva-Ana.md").write_text("someone else's file", "utf-8")
    people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["Ana", "Silva"]])
    assert batch(people, out).exit_code == 0
    assert (out / "Silva-Ana.md").read_text("utf-8") == "someone else's file"
    assert "Ana Silva" in (out / "Silva-Ana-2.md").read_text("utf-8")


# --------------------------------------------------------------------------- the output folder


def test_refuses_an_output_folder_holding_the_people_csv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    people = write_csv(out / "manifest.csv", [["first_name", "last_name"], ["Ana", "Silva"]])
    before = people.read_bytes()
    result = batch(people, out)
    assert result.exit_code == 1 and "the output folder holds the people CSV" in result.output
    result = batch(people, out, "--force")
    assert result.exit_code == 1 and people.read_bytes() == before


def test_refuses_a_manifest_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text("row,file,status\n2,x.md,written\n", "utf-8")
    people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["Ana", "Silva"]])
    result = batch(people, out)
    assert result.exit_code == 1
    assert "manifest.csv that 'rfi batch' did not write" in result.output
    assert (out / MANIFEST).read_text("utf-8").startswith("row,file,status")
    assert batch(people, out, "--force").exit_code == 0
    assert manifest(out)[0]["file"] == "Silva-Ana.md"


def test_manifest_survives_a_cut_line_and_pending_claims(tmp_path: Path) -> None:
    """What a run killed mid-way leaves: a pending claim, a cut line, a temp file."""
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(
        "key,file,status,line,personal_share,words,message\n"
        "ana silva,Silva-Ana.md,pending,,,,\n"
        "bo chen,Chen-Bo.md,pending,,,,\n"
        "bo chen,Chen-Bo.md,writ",
        "utf-8",
    )
    (out / "Silva-Ana.md").write_text("half done", "utf-8")  # claimed by Ana: hers to redo
    (out / ".Chen-Bo.md.abc123.tmp").write_text("partial", "utf-8")
    header = ["first_name", "last_name"]
    people = write_csv(tmp_path / "people.csv", [header, ["Ana", "Silva"], ["Bo", "Chen"]])
    result = batch(people, out)
    assert result.exit_code == 0, result.output
    assert "Ana Silva" in (out / "Silva-Ana.md").read_text("utf-8")
    assert "Bo Chen" in (out / "Chen-Bo.md").read_text("utf-8")
    assert [m["status"] for m in manifest(out)] == ["written", "written"]
    assert not list(out.glob("*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_folder_gives_the_reason(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["A", "B"]])
        result = batch(people, out)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "Permission denied" in result.output
    assert "internal error" not in result.output


def test_read_only_file_system_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    import advocacy.atomic

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(advocacy.atomic.tempfile, "mkstemp", read_only)
    people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["A", "B"]])
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 1 and "Read-only file system" in result.output
    assert "internal error" not in result.output


def test_a_row_that_cannot_be_written_says_why(tmp_path: Path, monkeypatch) -> None:
    import advocacy.atomic

    real = advocacy.atomic._write

    def full_disk(path: Path, payload: bytes, force: bool) -> None:
        if path.suffix == ".md":
            raise OSError(28, "No space left on device")
        real(path, payload, force)

    monkeypatch.setattr(advocacy.atomic, "_write", full_disk)
    people = write_csv(tmp_path / "people.csv", [["first_name", "last_name"], ["A", "B"]])
    out = tmp_path / "out"
    result = batch(people, out)
    assert result.exit_code == 1
    assert "✗ row 2: cannot write the file: No space left on device" in result.output
    assert manifest(out)[0]["status"] == "failed"
    assert "No space left on device" in manifest(out)[0]["message"]


# --------------------------------------------------------------------------- per-row choice


def test_points_column_chooses_and_orders_points(tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "points:peer-roles", "note:peer-roles:peer-supervisors"],
        ["Ana", "Silva", "peer-supervisors;cps-code-of-ethics", "My supervisor."],
        ["Bo", "Chen", "", ""],
    ]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 0, result.output
    library = load_library(library_sources(()))
    first, second = (library.get(i).point.title for i in ("peer-supervisors", "cps-code-of-ethics"))
    ana = (out / "Silva-Ana.md").read_text("utf-8")
    assert "My supervisor." in ana
    assert first in ana and second in ana and ana.index(first) < ana.index(second)
    loaded = load_response(RESPONSE)
    people = read_people(tmp_path / "people.csv", loaded).people
    chosen = personalise(loaded, people[0], tmp_path / "people.csv").response
    answer = next(a for a in chosen.answers if a.question == "peer-roles")
    assert [p.id for p in answer.points] == ["peer-supervisors", "cps-code-of-ethics"]
    bo = personalise(loaded, people[1], tmp_path / "people.csv").response
    assert not [p for a in bo.answers if a.question == "peer-roles" for p in a.points]
    assert first not in (out / "Chen-Bo.md").read_text("utf-8")


def test_points_column_across_answers(tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "points"],
        ["Ana", "Silva", "paid-networking, peer-supervisors"],
    ]
    people = write_csv(tmp_path / "people.csv", rows)
    loaded = load_response(RESPONSE)
    (ana,) = read_people(people, loaded).people
    chosen = {
        a.question: [p.id for p in a.points]
        for a in personalise(loaded, ana, people).response.answers
    }
    assert chosen["peer-roles"] == ["peer-supervisors"]
    assert chosen["workforce"] == ["paid-networking"]


def test_unknown_point_in_a_row_is_located(tmp_path: Path) -> None:
    rows = [["first_name", "last_name", "points:peer-roles"], ["Ana", "Silva", "peer-supervisor"]]
    people = write_csv(tmp_path / "people.csv", rows)
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 1
    assert f"{people}:2: error: row 2 (column 'points:peer-roles'): 'peer-supervisor' is not" in (
        result.output
    )
    assert "did you mean 'peer-supervisors'?" in result.output
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- similarity


def test_similarity_report_after_every_batch(tmp_path: Path) -> None:
    rows = [["first_name", "last_name"], ["Ana", "Silva"], ["Bo", "Chen"]]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 0, result.output
    assert "similarity: median" in result.output
    assert "an agency may count these as one comment" in result.output
    report = list(csv.DictReader((out / "similarity.csv").open(encoding="utf-8")))
    assert sorted(r["file"] for r in report) == ["Chen-Bo.md", "Silva-Ana.md"]
    assert all(float(r["shared_share"]) > 0.9 for r in report)
    # A resumed run measures the letters written before too.
    again = batch(tmp_path / "people.csv", out, "--similar-threshold", "100")
    assert "0 written, 2 skipped" in again.output and "median 9" in again.output
    assert "one comment" not in again.output


def test_per_row_choices_lower_similarity_on_the_shipped_csv(tmp_path: Path) -> None:
    import datetime as dt

    from advocacy.respond.batch import run_batch

    loaded = load_response(RESPONSE)
    library = load_library(library_sources(()))
    rows = list(csv.reader((EXAMPLE / "advocates.csv").open(encoding="utf-8")))
    choices = [rows[0].index(c) for c in ("points", "detail", "opening")]
    plain = write_csv(
        tmp_path / "plain.csv",
        [[c for i, c in enumerate(r) if i not in choices] for r in rows],
    )
    now = dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc)
    chosen = run_batch(
        loaded, library, EXAMPLE / "advocates.csv", tmp_path / "a", "md", jobs=1, now=now
    )
    same = run_batch(loaded, library, plain, tmp_path / "b", "md", jobs=1, now=now)
    assert chosen.similarity is not None and same.similarity is not None
    assert chosen.similarity.median < same.similarity.median - 0.1
    assert chosen.similarity.median <= 0.40  # the campaign target (it was 0.79)
    # Each letter still carries the recommendation of every point its writer chose.
    for row in rows[1:]:
        file = next(r.file for r in chosen.results if r.person.cells["first_name"] == row[0])
        text = " ".join((tmp_path / "a" / file).read_text("utf-8").split())
        for point_id in row[rows[0].index("points")].split(";"):
            recommendation = library.get(point_id).point.recommendation
            assert recommendation is not None and " ".join(recommendation.split()) in text
    # Every note survives, even on a point the row does not choose.
    for row in rows[1:]:
        file = next(r.file for r in chosen.results if r.person.cells["first_name"] == row[0])
        text = " ".join((tmp_path / "a" / file).read_text("utf-8").split())
        notes = [c for h, c in zip(rows[0], row, strict=True) if h.startswith("note:") and c]
        assert all(" ".join(n.split()) in text for n in notes)


def test_a_note_on_a_point_not_chosen_is_kept_as_own_words(tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "points:peer-roles", "note:peer-roles:peer-supervisors"],
        ["Ana", "Silva", "cps-code-of-ethics", "My words about supervision."],
    ]
    out = tmp_path / "out"
    assert batch(write_csv(tmp_path / "people.csv", rows), out).exit_code == 0
    assert "My words about supervision." in (out / "Silva-Ana.md").read_text("utf-8")


# --------------------------------------------------------------------------- file names


def test_file_names_never_collide_even_with_suffix_lookalikes() -> None:
    people = [
        Person(2, {"last_name": "Smith", "first_name": "John-2"}),
        Person(3, {"last_name": "Smith", "first_name": "John"}),
        Person(4, {"last_name": "smith", "first_name": "john"}),
    ]
    keys = ["a", "b", "c"]
    names = plan_files(people, keys, {}, None, ".md")
    assert names == ["Smith-John-2.md", "Smith-John.md", "smith-john-3.md"]
    assert plan_files(people, keys, {}, "{last_name}", ".md") == [
        "Smith.md", "Smith-2.md", "smith-3.md",
    ]  # fmt: skip


def test_keys_ignore_case_spacing_and_row_position(tmp_path: Path) -> None:
    a = Person(2, {"first_name": "Ana", "last_name": "Silva", "email": "A@x.org"})
    b = Person(9, {"first_name": " ana ", "last_name": "SILVA", "email": "a@x.org"})
    assert keys_for([a], None, tmp_path)[0] == keys_for([b], None, tmp_path)[0]


def test_name_pattern_fields_are_checked(tmp_path: Path) -> None:
    result = batch(EXAMPLE / "advocates.csv", tmp_path / "out", "--name", "{nope}")
    assert result.exit_code == 1 and "--name uses {nope}, which is not a known field" in (
        result.output
    )


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    rows = [
        ["first_name", "last_name", "anonymous", "points:peer-roles"],
        ["Ana", "Silva", "maybe", ""],
        ["Bo", "Chen", "no", "nope"],
    ]
    out = tmp_path / "out"
    result = batch(write_csv(tmp_path / "people.csv", rows), out)
    assert result.exit_code == 1
    assert "row 2 (column 'anonymous')" in result.output
    assert "row 3 (column 'points:peer-roles'): 'nope'" in result.output
    assert not out.exists()


def test_sampled_similarity_estimates_the_exact_figure() -> None:
    import random

    from advocacy.respond.similarity import sample_rate, shingles, similarity

    chooser = random.Random(7)
    shared = " ".join(chooser.choice(["peer", "work", "pay", "role", "team"]) for _ in range(400))
    letters = {}
    for i in range(60):
        own = " ".join(f"w{chooser.randrange(10**9)}" for _ in range(300))
        letters[f"{i}.md"] = shared + " " + own
    exact = similarity({k: shingles(v) for k, v in letters.items()})
    sampled = similarity({k: shingles(v, 4) for k, v in letters.items()})
    assert 0.45 < exact.median < 0.65
    assert abs(sampled.median - exact.median) < 0.08
    assert sample_rate(2000) == 1 and sample_rate(2001) == 2 and sample_rate(50_000) == 25
    assert shingles("one two three four") == frozenset()  # shorter than a shingle


def test_manifest_lines_are_written_at_once_and_synced(tmp_path: Path, monkeypatch) -> None:
    from advocacy.respond import batch_manifest
    from advocacy.respond.batch_manifest import Entry, ManifestLog, read_manifest

    synced = []
    real = os.fsync
    monkeypatch.setattr(batch_manifest.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    log = ManifestLog(tmp_path, fresh=True)
    synced.clear()  # the header's own atomic write synced too
    log.append([Entry("a", "a.md", "pending")], sync=True)
    assert len(synced) == 1
    for i in range(50):  # each line is in the file at once, even before a sync
        log.append([Entry(f"k{i}", f"k{i}.md", "written")])
        assert f"k{i},k{i}.md,written" in (tmp_path / MANIFEST).read_text("utf-8")
    assert len(synced) < 10  # grouped, not one per line
    log.close()
    assert len(synced) >= 2  # and always on close
    assert len(read_manifest(tmp_path)) == 51


def test_detail_column_chooses_recommendations_only_per_row(tmp_path: Path) -> None:
    people = write_csv(
        tmp_path / "people.csv",
        [
            ["first_name", "last_name", "detail", "intro:peer-roles"],
            ["Ana", "Short", "short", "Ana's own story."],
            ["Ben", "Brief", "", "Ben's own story."],
        ],
    )
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 0, result.output
    short = (tmp_path / "out" / "Short-Ana.md").read_text("utf-8")
    brief = (tmp_path / "out" / "Brief-Ben.md").read_text("utf-8")
    assert "Require every bidder" in short and "Require every bidder" in brief
    assert "[^" not in short.split("\n---\n", 1)[1]  # no rationale, so no citations
    assert "[^" in brief.split("\n---\n", 1)[1]


def test_a_bad_detail_is_a_located_row_error(tmp_path: Path) -> None:
    people = write_csv(
        tmp_path / "people.csv", [["first_name", "last_name", "detail"], ["Ana", "One", "tiny"]]
    )
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 1
    assert "people.csv:2" in result.output and "detail" in result.output


def test_a_quote_closed_rows_later_is_refused(tmp_path: Path) -> None:
    """The field count matches again, but the rows in between sit inside one cell."""
    people = tmp_path / "people.csv"
    people.write_text(
        "first_name,last_name,intro:peer-roles\n"
        'A,One,"I said ""hi"" and then\nB,Two,second story\nC,Three,third story"\n',
        "utf-8",
    )
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 1
    assert "line 3 reads as a row of its own" in result.output
    assert not (tmp_path / "out").exists()


def test_a_story_over_several_lines_with_commas_is_kept(tmp_path: Path) -> None:
    story = "First line, with a comma.\nSecond line, also, with commas.\nThird."
    people = write_csv(
        tmp_path / "people.csv",
        [["first_name", "last_name", "intro:peer-roles"], ["A", "One", story]],
    )
    result = batch(people, tmp_path / "out")
    assert result.exit_code == 0, result.output
    letter = next((tmp_path / "out").glob("*.md")).read_text("utf-8")
    assert "Second line, also, with commas." in letter
