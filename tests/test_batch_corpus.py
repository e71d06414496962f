"""A corpus of bad inputs and faults for ``rfi batch``, ``rfi package`` and the readers.

Each case is run through the CLI as a user would. Every case must end with
the expected exit code and message, never with an internal error or a
traceback; a refused batch must leave the output folder as it was; a batch
that runs must give each person one letter holding only their words.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
HEADER = "first_name,last_name,email,intro:peer-roles\n"
GOOD = "Ana,Silva,ana@example.org,Ana's story.\nBo,Chen,bo@example.org,Bo's story.\n"


@dataclass(frozen=True)
class Case:
    id: str
    csv: bytes | None  # the people CSV (None: made by ``setup``)
    code: int  # expected exit code
    text: str  # expected in the output
    args: tuple[str, ...] = ()
    setup: Callable[[Path, Path], Path | None] | None = None  # (tmp, out) -> people CSV
    people: str = HEADER + GOOD  # the people CSV when ``setup`` makes none


def c(id: str, csv_text: str | bytes, code: int, text: str, *args: str) -> Case:
    data = csv_text.encode("utf-8") if isinstance(csv_text, str) else csv_text
    return Case(id, data, code, text, args)


REFUSED = "nothing was written"
CSV_CASES = [
    # --- structure
    c("empty", "", 1, "the CSV file is empty"),
    c("header-only", HEADER, 1, "header but no rows"),
    c("blank-rows-only", HEADER + "\n,,,\n\n", 1, "header but no rows"),
    c(
        "unclosed-quote-first-row",
        HEADER + 'Ana,Silva,a@x.org,"open\n' + GOOD,
        1,
        "starts on line 2 is never closed",
    ),
    c(
        "unclosed-quote-last-row",
        HEADER + GOOD + 'Cy,Diaz,c@x.org,"never closed\n',
        1,
        "starts on line 4 is never closed",
    ),
    c(
        "unclosed-quote-header",
        'first_name,"last_name\nAna,Silva\n',
        1,
        "starts on line 1 is never closed",
    ),
    c(
        "issue-reproducer",
        'first_name,last_name,intro:peer-roles\nA,One,"I said ""hi"" and then\nB,Two,second story\nC,Three,third story\n',
        1,
        REFUSED,
    ),
    c("text-after-quote", HEADER + 'Ana,"Sil"va,a@x.org,x\n', 1, "cannot be read at line 2"),
    c(
        "text-after-quote-last-field",
        HEADER + 'Ana,Silva,a@x.org,"story" more\n',
        1,
        "cannot be read at line 2",
    ),
    c(
        "extra-field",
        HEADER + "Ana,Silva,a@x.org,story,extra\n",
        1,
        "line 2 has 5 fields; the header has 4",
    ),
    c("missing-field", HEADER + "Ana,Silva,a@x.org\n", 1, "line 2 has 3 fields; the header has 4"),
    c("one-field", HEADER + GOOD + "Cy\n", 1, "line 4 has 1 fields"),
    c(
        "unquoted-comma-in-story",
        HEADER + "Ana,Silva,a@x.org,I came, I saw\n",
        1,
        "line 2 has 5 fields",
    ),
    c("many-ragged-rows", HEADER + "a\nb\nc\n", 1, "line 4 has 1 fields"),
    c(
        "semicolon-ragged",
        HEADER.replace(",", ";") + "Ana;Silva;a@x.org;x;y\n",
        1,
        "separated by a semicolon",
    ),
    c("tab-ragged", HEADER.replace(",", "\t") + "Ana\tSilva\n", 1, "separated by a tab"),
    # --- columns
    c(
        "typo-intro",
        "first_name,last_name,intro:peer-role\nA,B,x\n",
        1,
        "did you mean 'intro:peer-roles'?",
    ),
    c("typo-identity", "frist_name,last_name\nA,B\n", 1, "did you mean 'first_name'?"),
    c("unknown-question", "first_name,intro:nope\nA,x\n", 1, "unknown column 'intro:nope'"),
    c(
        "note-unused-point",
        "first_name,note:peer-roles:paid-networking\nA,x\n",
        1,
        "does not use point 'paid-networking'",
    ),
    c(
        "note-unknown-point",
        "first_name,note:peer-roles:nope\nA,x\n",
        1,
        "unknown column 'note:peer-roles:nope'",
    ),
    c(
        "points-unknown-question",
        "first_name,points:nope\nA,x\n",
        1,
        "unknown column 'points:nope'",
    ),
    c("closing-colon", "first_name,closing:\nA,x\n", 1, "unknown column 'closing:'"),
    c("duplicate-column", "first_name,first_name\nA,B\n", 1, "column 'first_name' appears twice"),
    c("empty-column-name", "first_name,,last_name\nA,x,B\n", 1, "column 2 has no name"),
    c(
        "duplicate-after-strip",
        "first_name, first_name\nA,B\n",
        1,
        "column 'first_name' appears twice",
    ),
    c(
        "duplicate-points-column",
        "first_name,points,points\nA,,\n",
        1,
        "column 'points' appears twice",
    ),
    c("note-unknown-question", "first_name,note:nope:x\nA,x\n", 1, "unknown column 'note:nope:x'"),
    c(
        "pipe-delimited",
        "first_name|last_name\nA|B\n",
        1,
        "separate the columns with commas, semicolons or tabs",
    ),
    # --- cells
    c(
        "anonymous-maybe",
        "first_name,last_name,email,anonymous\nA,B,a@x.org,maybe\n",
        1,
        "anonymous must be yes or no, not 'maybe'",
    ),
    c(
        "anonymous-oui",
        "first_name,last_name,email,anonymous\nA,B,a@x.org,oui\n",
        1,
        "anonymous must be yes or no",
    ),
    c(
        "anonymous-2",
        "first_name,last_name,email,anonymous\nA,B,a@x.org,2\n",
        1,
        "anonymous must be yes or no",
    ),
    c(
        "email-no-at",
        "first_name,email\nA,not-an-email\n",
        1,
        "email is not an email address: 'not-an-email'",
    ),
    c("email-no-dot", "first_name,email\nA,a@b\n", 1, "is not an email address"),
    c("email-space", "first_name,email\nA,a b@c.org\n", 1, "is not an email address"),
    c("email-no-user", "first_name,email\nA,@x.org\n", 1, "is not an email address"),
    c("email-two-ats", "first_name,email\nA,a@b@c.org\n", 1, "is not an email address"),
    c(
        "points-unknown",
        "first_name,points:peer-roles\nA,peer-supervisor\n",
        1,
        "did you mean 'peer-supervisors'?",
    ),
    c(
        "points-from-other-answer",
        "first_name,points:peer-roles\nA,paid-networking\n",
        1,
        "'paid-networking' is not one of the points",
    ),
    c("points-all-unknown", "first_name,points\nA,nope\n", 1, "'nope' is not one of the points"),
    # --- identity
    c(
        "duplicate-name-email",
        "name,email\nAna Silva,a@x.org\nANA  silva,A@X.org\n",
        1,
        "rows 2 and 3 are the same person",
    ),
    c(
        "duplicate-name-no-email",
        "first_name,last_name\nAna,Silva\nAna,Silva\n",
        1,
        "rows 2 and 3 are the same person",
    ),
    c("duplicate-id", "id,name\n7,Ana\n7,Bo\n", 1, "rows 2 and 3 are the same person (same id)"),
    c("duplicate-id-case", "id,name\nab,Ana\nAB,Bo\n", 1, "same id"),
    c("empty-id", "id,name\n,Ana\n", 1, "row 2: the id is empty"),
    c(
        "duplicate-anonymous-id",
        "id,anonymous\n7,yes\n7,yes\n",
        1,
        "rows 2 and 3 are the same person",
    ),
    c(
        "duplicate-anonymous-email",
        "email,anonymous\na@x.org,yes\nA@X.org,sí\n",
        1,
        "rows 2 and 3 are the same person",
    ),
    c(
        "anonymous-no-email",
        "first_name,anonymous\nAna,yes\n",
        1,
        "an anonymous row needs an id or an email",
    ),
    c(
        "anonymous-blank-email",
        "first_name,email,anonymous\nAna,,sí\n",
        1,
        "an anonymous row needs an id or an email",
    ),
    c("no-name-no-email", "first_name,last_name,email,role\n,,,Peer\n", 1, "no name and no email"),
    # --- bytes and sizes
    c("nul-byte", b"first_name,last_name\nA,B\x00\n", 1, "binary file"),
    c("utf16", "first_name,last_name\nA,B\n".encode("utf-16"), 1, "binary file"),
    c("not-utf8-not-cp1252", b"first_name,last_name\nA,B\x81\x8d\n", 1, "not valid UTF-8"),
    c(
        "mixed-encodings",
        HEADER.encode() + "José,Núñez,j@x.org,".encode() + "Año\n".encode("cp1252"),
        1,
        "not valid UTF-8",
    ),
    c("huge-cell", HEADER + 'A,B,a@x.org,"' + "x" * 200_000 + '"\n', 1, "cannot be read at line 2"),
    # --- name patterns
    c(
        "pattern-unknown-field",
        HEADER + GOOD,
        1,
        "--name uses {nope}, which is not a known field",
        "--name",
        "{nope}",
    ),
    c(
        "pattern-attribute",
        HEADER + GOOD,
        1,
        "only plain names in braces",
        "--name",
        "{first_name.upper}",
    ),
    c("pattern-index", HEADER + GOOD, 1, "only plain names in braces", "--name", "{first_name[0]}"),
    c(
        "pattern-conversion",
        HEADER + GOOD,
        1,
        "only plain names in braces",
        "--name",
        "{first_name!r}",
    ),
    c("pattern-spec", HEADER + GOOD, 1, "only plain names in braces", "--name", "{first_name:>9}"),
    c("pattern-unclosed", HEADER + GOOD, 1, "pattern is not valid", "--name", "{first_name"),
    c("pattern-stray-brace", HEADER + GOOD, 1, "pattern is not valid", "--name", "first_name}"),
    # --- usage
    c("threshold-over-100", HEADER + GOOD, 2, "--similar-threshold", "--similar-threshold", "101"),
    c("jobs-zero", HEADER + GOOD, 2, "--jobs", "--jobs", "0"),
]

# Inputs that look hostile but are legitimate: the batch must run and keep people apart.
OK_CASES = [
    c(
        "formula-names",
        "first_name,last_name,email\n=cmd|' /C calc'!A0,@SUM(1),f@x.org\n+1,-2,g@x.org\n",
        0,
        "2 written",
    ),
    c("path-names", "first_name,last_name\n../../etc,passwd\n..\\..\\win,ini\n", 0, "2 written"),
    c("reserved-names", "first_name,last_name\n,CON\n,NUL\nLPT1,\n", 0, "3 written"),
    c("bidi-name", "first_name,last_name\nAna\u202e,Silva\u2066\n", 0, "1 written"),
    c("long-name", "first_name,last_name\n" + "A" * 300 + ",B\n", 0, "1 written"),
    c("long-non-latin-name", "first_name,last_name\n" + "张" * 300 + ",伟\n", 0, "1 written"),
    c(
        "same-name-different-email",
        "name,email\nAna Silva,a@x.org\nAna Silva,b@x.org\n",
        0,
        "2 written",
    ),
    c(
        "case-colliding-names",
        "first_name,last_name,email\nana,silva,a@x.org\nANA,SILVA,b@x.org\n",
        0,
        "2 written",
    ),
    c("cr-line-ends", "first_name,last_name\rAna,Silva\rBo,Chen\r", 0, "2 written"),
    c("crlf-line-ends", "first_name,last_name\r\nAna,Silva\r\nBo,Chen\r\n", 0, "2 written"),
    c("bom-semicolon", "\ufefffirst_name;last_name;city\nAna;Silva;Holyoke, MA\n", 0, "1 written"),
    c("quoted-header", '"first_name";"last_name"\n"Ana";"Silva"\n', 0, "1 written"),
    c("multiline-story", HEADER + 'Ana,Silva,a@x.org,"line one\n\nline two"\n', 0, "1 written"),
    c(
        "markup-in-story",
        HEADER + "Ana,Silva,a@x.org,[bold]x[/bold] {{ 7*7 }} <script>\n",
        0,
        "1 written",
    ),
    c("escape-in-story", HEADER + "Ana,Silva,a@x.org,\x1b[2Jclear\n", 0, "1 written"),
    c(
        "cp1252",
        HEADER.encode() + "José,Núñez,j@x.org,Año “uno”\n".encode("cp1252"),
        0,
        "Windows-1252",
    ),
    c("whitespace-cells", "first_name , last_name \n  Ana  ,  Silva \n", 0, "1 written"),
    c("trailing-blank-lines", "first_name,last_name\nAna,Silva\n\n\n", 0, "1 written"),
    c(
        "yes-variants",
        "first_name,email,anonymous\nA,a@x.org,Y\nB,b@x.org,TRUE\nC,c@x.org,Sí\n",
        0,
        "3 written",
    ),
    c("spanish-si-no-accent", "first_name,email,anonymous\nA,a@x.org,si\n", 0, "1 written"),
    c("empty-points", "first_name,points\nA,\n", 0, "1 written"),
    c(
        "points-commas",
        'first_name,points\nA,"peer-supervisors, paid-networking"\n',
        0,
        "1 written",
    ),
]


@pytest.mark.parametrize("case", CSV_CASES + OK_CASES, ids=lambda case: case.id)
def test_people_csv_corpus(tmp_path: Path, case: Case) -> None:
    people = tmp_path / "people.csv"
    assert case.csv is not None
    people.write_bytes(case.csv)
    out = tmp_path / "out"
    result = _batch(people, out, *case.args)
    _common(result, case)
    if case.code != 0 and case.id.startswith("email-"):
        # A bad cell fails its own row only; the others would go on.
        (entry,) = csv.DictReader((out / "manifest.csv").open(encoding="utf-8"))
        assert entry["status"] == "failed" and "email" in entry["message"]
        assert not list(out.glob("*.md"))
        return
    if case.code != 0:
        assert not out.exists(), "a refused batch must not create its folder"
        return
    _one_letter_each(out, people)


def _batch(people: Path, out: Path, *args: str):
    return CliRunner().invoke(
        main,
        ["rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(people), "-o", str(out),
         "--format", "md", "--jobs", "1", "--now", "2017-05-25", *args],
    )  # fmt: skip


def _common(result, case: Case) -> None:
    assert result.exit_code == case.code, result.output
    assert case.text in result.output, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert "\x1b" not in result.output


def _one_letter_each(out: Path, people: Path, foreign: tuple[str, ...] = ()) -> None:
    manifest = list(csv.DictReader((out / "manifest.csv").open(encoding="utf-8")))
    current = [m for m in manifest if m["status"] != "not-in-csv"]
    files = sorted(p.name for p in out.glob("*.md") if p.name not in foreign)
    assert sorted(m["file"] for m in current) == files
    assert all(m["status"] == "written" for m in current)
    for name in files:
        assert (out / name).resolve().parent == out.resolve()
        assert len(name.encode("utf-8")) <= 255
        assert "\u202e" not in name and "\u2066" not in name


# --------------------------------------------------------------------------- the output folder


def _folder_with(files: dict[str, bytes]) -> Callable[[Path, Path], Path | None]:
    def setup(tmp: Path, out: Path) -> Path | None:
        out.mkdir()
        for name, data in files.items():
            (out / name).write_bytes(data)
        return None

    return setup


def _out_is_a_file(tmp: Path, out: Path) -> None:
    out.write_text("x", "utf-8")


def _csv_inside_out(tmp: Path, out: Path) -> Path:
    out.mkdir()
    people = out / "people.csv"
    people.write_text(HEADER + GOOD, "utf-8")
    return people


def _special_people(kind: str) -> Callable[[Path, Path], Path]:
    def setup(tmp: Path, out: Path) -> Path:
        path = tmp / "special.csv"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "loop":
            path.symlink_to(tmp / "other.csv")
            (tmp / "other.csv").symlink_to(path)
        elif kind == "dir":
            path.mkdir()
        elif kind == "device":
            return Path("/dev/zero")
        elif kind == "dangling":
            path.symlink_to(tmp / "nowhere.csv")
        elif kind == "big":
            with path.open("wb") as handle:
                handle.truncate(11 * 1024 * 1024)  # sparse: fast to make
        return path

    return setup


MANIFEST_HEADER = b"key,file,status,line,personal_share,words,message\n"
FOLDER_CASES = [
    Case("out-is-a-file", None, 2, "is a file", setup=_out_is_a_file),
    Case(
        "csv-inside-out", None, 1, "the output folder holds the people CSV", setup=_csv_inside_out
    ),
    Case(
        "foreign-manifest",
        None,
        1,
        "did not write",
        setup=_folder_with({"manifest.csv": b"row,file,status\n"}),
    ),
    Case("empty-manifest", None, 1, "did not write", setup=_folder_with({"manifest.csv": b""})),
    Case(
        "binary-manifest",
        None,
        1,
        "did not write",
        setup=_folder_with({"manifest.csv": b"\xff\xfe\x00"}),
    ),
    Case(
        "manifest-bad-fields",
        None,
        1,
        "line 2 has 2 fields",
        setup=_folder_with({"manifest.csv": MANIFEST_HEADER + b"a,b\n"}),
    ),
    Case(
        "damaged-salt",
        None,
        1,
        "salt file of this output folder is damaged",
        setup=_folder_with({".batch-salt": b"nope\n", "manifest.csv": MANIFEST_HEADER}),
    ),
    Case(
        "missing-salt",
        None,
        1,
        "salt file of this output folder is missing",
        setup=_folder_with(
            {
                "manifest.csv": MANIFEST_HEADER
                + b"anonymous-0123456789abcdef0123,anonymous-0123456789ab.md,written,,,,\n"
            }
        ),
        people="first_name,email,anonymous\nA,a@x.org,yes\n",
    ),
    Case("people-fifo", None, 1, "named pipe (FIFO)", setup=_special_people("fifo")),
    Case("people-loop", None, 1, "loops back on itself", setup=_special_people("loop")),
    Case("people-dir", None, 2, "is a directory", setup=_special_people("dir")),
    Case("people-device", None, 1, "a device", setup=_special_people("device")),
    Case("people-dangling-link", None, 1, "not found", setup=_special_people("dangling")),
    Case("people-too-big", None, 1, "more than the 10.0 MB limit", setup=_special_people("big")),
    # Faults a killed run leaves behind: the next run must repair them.
    Case(
        "cut-manifest-line",
        None,
        0,
        "2 written",
        setup=_folder_with({"manifest.csv": MANIFEST_HEADER + b"ana silva <ana@exa"}),
    ),
    Case(
        "stale-temp",
        None,
        0,
        "2 written",
        setup=_folder_with({".Silva-Ana.md.x1y2z3.tmp": b"half"}),
    ),
    Case(
        "pending-claim",
        None,
        0,
        "2 written",
        setup=_folder_with(
            {
                "manifest.csv": MANIFEST_HEADER
                + b"ana silva <ana@example.org>,Silva-Ana.md,pending,,,,\n",
                "Silva-Ana.md": b"half",
            }
        ),
    ),
    Case("unclaimed-file", None, 0, "2 written", setup=_folder_with({"Silva-Ana.md": b"not ours"})),
    Case(
        "manifest-formula-cells",
        None,
        0,
        "2 written",
        setup=_folder_with({"manifest.csv": MANIFEST_HEADER + b"'=x,'=x.md,written,,,,\n"}),
    ),
]


@pytest.mark.parametrize("case", FOLDER_CASES, ids=lambda case: case.id)
def test_output_folder_corpus(tmp_path: Path, case: Case) -> None:
    out = tmp_path / "out"
    assert case.setup is not None
    people = case.setup(tmp_path, out)
    if people is None:
        people = tmp_path / "people.csv"
        people.write_text(case.people, "utf-8")
    before = _snapshot(out)
    result = _batch(people, out)
    _common(result, case)
    if case.code != 0:
        assert _snapshot(out) == before, "a refused batch must leave the folder as it was"
        return
    foreign = ("Silva-Ana.md",) if case.id == "unclaimed-file" else ()
    _one_letter_each(out, people, foreign)
    manifest = csv.DictReader((out / "manifest.csv").open(encoding="utf-8"))
    ana = next(m["file"] for m in manifest if m["key"].startswith("ana silva"))
    assert "Ana's story." in (out / ana).read_text("utf-8")
    assert not list(out.glob(".*.tmp"))
    if foreign:
        assert (out / "Silva-Ana.md").read_bytes() == b"not ours" and ana == "Silva-Ana-2.md"


def _snapshot(folder: Path) -> dict[str, bytes] | None:
    if not folder.is_dir():
        return {"": folder.read_bytes()} if folder.is_file() else None
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- email headers

NAMES = [
    ("comma", "Morgan Ellery, CPS", 0, "wrote"),
    ("angle-brackets", "Evil <x@evil.example>", 0, "wrote"),
    ("parentheses", "Sam (Peer) Lee", 0, "wrote"),
    ("quotes", 'Sam "the peer" Lee', 0, "wrote"),
    ("semicolon", "Sam; Bcc: x@evil.example", 0, "wrote"),
    ("encoded-word", "=?utf-8?q?Evil?=", 0, "wrote"),
    ("non-ascii", "José Núñez", 0, "wrote"),
    ("newline-bcc", "Sam\nBcc: x@evil.example", 1, "line break"),
    ("carriage-return", "Sam\rLee", 1, "line break"),
    ("line-separator", "Sam\u2028Lee", 1, "line break"),
    ("form-feed", "Sam\x0cLee", 1, "line break"),
]


@pytest.mark.parametrize(
    ("name", "code", "text"), [n[1:] for n in NAMES], ids=[n[0] for n in NAMES]
)
def test_email_header_corpus(tmp_path: Path, name: str, code: int, text: str) -> None:
    import email
    from email import policy

    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "response.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["respondent"]["name"] = name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    out = tmp_path / "draft.eml"
    result = CliRunner().invoke(
        main, ["rfi", "package", str(path), "-o", str(out), "--now", "2017-05-25"]
    )
    _common(result, Case(name, None, code, text))
    if code:
        assert not out.exists()
        return
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    (sender,) = message["From"].addresses
    assert sender.addr_spec == "morgan.ellery@example.org"
    if not name.startswith("=?"):  # readers decode RFC 2047 words even in quotes
        assert sender.display_name == name
    assert message["Bcc"] is None
    assert len(message["To"].addresses) == 1


# --------------------------------------------------------------------------- special files elsewhere

SPECIAL = ["fifo", "loop", "dir", "device"]


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize(
    "command", [("rfi", "check"), ("rfi", "build"), ("rfi", "show"), ("rfi", "package")]
)
def test_special_yaml_inputs_are_refused(
    tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    path = _special_people(kind)(tmp_path, tmp_path / "unused")
    args = [*command, str(path)]
    if command[1] in ("build", "package"):
        args += ["-o", str(tmp_path / ("x.md" if command[1] == "build" else "x.eml"))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == (2 if kind == "dir" else 1), result.output  # a folder: usage
    assert "internal error" not in result.output
    assert any(
        words in result.output
        for words in ("named pipe", "loops back", "directory", "a device", "not found")
    ), result.output


@pytest.mark.parametrize("kind", ["fifo", "loop", "device-link"])
def test_special_point_files_are_refused(tmp_path: Path, kind: str) -> None:
    library = tmp_path / "points"
    library.mkdir()
    target = library / "bad.yaml"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "loop":
        target.symlink_to(library / "bad2.yaml")
        (library / "bad2.yaml").symlink_to(target)
    else:
        target.symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["--library", str(library), "points", "lint"])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert any(w in result.output for w in ("named pipe", "loops back", "a device")), result.output


def test_corpus_size() -> None:
    """The corpus counts at least 100 bad inputs and faults (legitimate look-alikes aside)."""
    bad = len(CSV_CASES) + len(FOLDER_CASES) + sum(1 for n in NAMES if n[2]) + len(SPECIAL) * 4 + 3
    assert bad >= 100, bad
