"""A checklist filled in Word or LibreOffice becomes a score sheet.

The checklist is filled programmatically (ticking content-control checkboxes
and typing into table cells, as Word does), and once more after a real
LibreOffice opened and saved it, so the content controls are shown to survive.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import require_tool
from lxml import etree

from advocacy.cli import main
from advocacy.evaluate import load_rubric
from advocacy.library import load_library

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def build_checklist(tmp_path: Path) -> Path:
    out = tmp_path / "checklist.docx"
    assert run("checklist", "build", str(EXAMPLE / "rubric.yaml"), "-o", str(out)).exit_code == 0
    return out


def fill(source: Path, target: Path, ticks: set[int], cells: dict[tuple[int, int], str]) -> Path:
    """Tick checkboxes by index and type text into (table, row) cells, as a reviewer would."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    for index, box in enumerate(body.iter(f"{W14}checkbox")):
        if index in ticks:
            box.find(f"{W14}checked").set(f"{W14}val", "1")
    tables = list(body.iter(f"{W}tbl"))
    for (table, row), text in cells.items():
        for column, value in enumerate(text.split("|")):
            cell = list(tables[table].iter(f"{W}tr"))[row].findall(f"{W}tc")[column]
            cell.find(f".//{W}t").text = value
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def plan(levels: list[int], flags: dict[int, int] | None = None) -> set[int]:
    """Checkbox indexes that tick ``levels[i]`` for criterion i (and red flag j of some)."""
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    ticks, start = set(), 0
    for i, c in enumerate(rubric.criteria):
        look, red = len(c.look_for), len(c.red_flags)
        if flags and i in flags:
            ticks.add(start + look + flags[i])
        ticks.add(start + look + red + list(c.levels).index(levels[i]))
        start += look + red + len(c.levels)
    return ticks


def filled_checklist(tmp_path: Path, levels: list[int], **extra) -> Path:
    cells = {
        (0, 1): "Riverbend Community Services|Dana Whitfield|2018-02-13",
        (1, 1): "none",
        (2, 1): "Section 4.2 names the code for every peer role.",  # criterion 1's comments
        **extra,
    }
    return fill(build_checklist(tmp_path), tmp_path / "filled.docx", plan(levels, {2: 0}), cells)


LEVELS = [3, 2, 3, 3, 3, 2, 3, 3, 2, 2]
RUBRIC = ("--rubric", str(EXAMPLE / "rubric.yaml"))


def test_import_turns_ticks_and_text_into_a_valid_sheet(tmp_path: Path) -> None:
    filled = filled_checklist(tmp_path, LEVELS)
    out = tmp_path / "sheet.yaml"
    result = run("score", "import", str(filled), "-o", str(out), *RUBRIC)
    assert result.exit_code == 0, result.output
    sheet = yaml.safe_load(out.read_text("utf-8"))
    assert sheet["rubric"] == "ma-dmh-cbfs-peer-roles"
    assert (sheet["bid"], sheet["reviewer"], sheet["conflict"]) == (
        "Riverbend Community Services",
        "Dana Whitfield",
        "none",
    )
    assert [s["score"] for s in sheet["scores"]] == LEVELS
    assert sheet["scores"][0]["comment"] == "Section 4.2 names the code for every peer role."
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    assert sheet["scores"][2]["red_flags"] == [rubric.criteria[2].red_flags[0].text]
    # The sheet is one the report accepts (the other criteria lack reasons: incomplete).
    report = run("score", "report", str(out), "--json", "--rubric", str(EXAMPLE / "rubric.yaml"))
    assert report.exit_code == 0, report.output


def test_a_criterion_without_exactly_one_level_is_refused_by_name(tmp_path: Path) -> None:
    build = build_checklist(tmp_path)
    unticked = fill(build, tmp_path / "none.docx", set(), {(0, 1): "B|R|"})
    result = run("score", "import", str(unticked), "-o", str(tmp_path / "s.yaml"), *RUBRIC)
    assert result.exit_code == 1
    assert "criterion 1 (Hold every peer role" in result.output
    assert "no score level is ticked" in result.output
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    c = rubric.criteria[1]
    second_level = plan(LEVELS) | {
        sum(len(x.look_for) + len(x.red_flags) + len(x.levels) for x in rubric.criteria[:1])
        + len(c.look_for)
        + len(c.red_flags)
    }
    doubled = fill(build, tmp_path / "two.docx", second_level, {(0, 1): "B|R|"})
    result = run("score", "import", str(doubled), "-o", str(tmp_path / "s.yaml"), *RUBRIC)
    assert result.exit_code == 1 and "criterion 2 (" in result.output
    assert "two or more levels are ticked" in result.output


def rewrite(path: Path, change) -> None:
    """Apply ``change`` to the parts (name -> bytes) of the zip at ``path``."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_the_rubric_identity_is_in_custom_properties(tmp_path: Path) -> None:
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    with zipfile.ZipFile(build_checklist(tmp_path)) as archive:
        custom = etree.fromstring(archive.read("docProps/custom.xml"))
        core = archive.read("docProps/core.xml")
    found = {p.get("name"): "".join(p.itertext()) for p in custom}
    assert found == {
        "advocacy-rubric": "ma-dmh-cbfs-peer-roles",
        "advocacy-rubric-sha256": rubric.fingerprint,
    }
    assert b"keywords" not in core


def test_a_changed_rubric_gives_a_warning(tmp_path: Path) -> None:
    filled = filled_checklist(tmp_path, LEVELS)

    def change(parts: dict[str, bytes]) -> None:
        parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(
            b"<vt:lpwstr>", b"<vt:lpwstr>0"
        )

    rewrite(filled, change)
    result = run("score", "import", str(filled), "-o", str(tmp_path / "s.yaml"))
    assert result.exit_code == 1  # "0ma-dmh…" is not the rubric's id any more
    result = run("score", "import", str(filled), "-o", str(tmp_path / "s.yaml"), *RUBRIC)
    assert result.exit_code == 0, result.output
    assert "has changed since this checklist was built" in result.output


def test_a_checklist_printed_before_custom_properties_still_names_its_rubric(
    tmp_path: Path,
) -> None:
    """Older checklists carried the rubric in the core keywords; they still import."""
    filled = filled_checklist(tmp_path, LEVELS)
    rubric = load_rubric(EXAMPLE / "rubric.yaml", load_library())
    keywords = f"<cp:keywords>advocacy-rubric: {rubric.id}, advocacy-rubric-sha256: 0</cp:keywords>"

    def change(parts: dict[str, bytes]) -> None:
        del parts["docProps/custom.xml"]
        parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
            b"<dc:language>", keywords.encode() + b"<dc:language>"
        )

    rewrite(filled, change)
    (tmp_path / "rubric.yaml").write_bytes((EXAMPLE / "rubric.yaml").read_bytes())
    result = run("score", "import", str(filled), "-o", str(tmp_path / "s.yaml"))
    assert result.exit_code == 0, result.output
    assert "has changed since this checklist was built" in result.output  # sha "0"


@pytest.mark.libreoffice
def test_import_after_libreoffice_saved_the_checklist(tmp_path: Path) -> None:
    filled = filled_checklist(tmp_path, LEVELS)
    saved = tmp_path / "saved"
    subprocess.run(
        [
            require_tool("soffice"),
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(saved),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = tmp_path / "sheet.yaml"
    result = run("score", "import", str(saved / "filled.docx"), "-o", str(out), *RUBRIC)
    assert result.exit_code == 0, result.output
    sheet = yaml.safe_load(out.read_text("utf-8"))
    assert [s["score"] for s in sheet["scores"]] == LEVELS
    assert sheet["reviewer"] == "Dana Whitfield"


def test_the_checklist_names_its_rubric(tmp_path: Path) -> None:
    """Beside its rubric, a checklist needs no --rubric: it carries the rubric's id."""
    filled = filled_checklist(tmp_path, LEVELS)
    (tmp_path / "rubric.yaml").write_bytes((EXAMPLE / "rubric.yaml").read_bytes())
    result = run("score", "import", str(filled), "-o", str(tmp_path / "s.yaml"))
    assert result.exit_code == 0, result.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = filled.rename(elsewhere / "filled.docx")
    (tmp_path / "rubric.yaml").unlink()
    result = run("score", "import", str(moved), "-o", str(tmp_path / "t.yaml"))
    assert (
        result.exit_code == 1 and "cannot find the rubric 'ma-dmh-cbfs-peer-roles'" in result.output
    )
