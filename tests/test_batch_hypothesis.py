"""Property test: whatever a CSV holds, no letter carries another row's words.

Hypothesis writes advocates CSVs with quotes, delimiters inside cells, line
breaks, Unicode names, three delimiters and three encodings. The batch either
refuses the file with our error, or writes one letter per row in which only
that row's text appears.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.errors import AdvocacyError
from advocacy.library import library_sources, load_library
from advocacy.respond import load_response
from advocacy.respond.batch import run_batch

RESPONSE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs" / "response.yaml"
LOADED = load_response(RESPONSE)
LIBRARY = load_library(library_sources(()))
NOW = dt.datetime(2017, 5, 25, tzinfo=dt.timezone.utc)

name_text = st.text(
    alphabet=st.sampled_from(list("abcXYZ éñÖ张伟محمدЁлка'-,;\"\t")), min_size=1, max_size=12
).filter(lambda s: any(c.isalpha() for c in s))
story_text = st.text(
    alphabet=st.sampled_from(list('words and more, "quoted"; tab\t\nline éñ 张 ')), max_size=60
)


@st.composite
def people_csv(draw) -> tuple[bytes, list[dict[str, str]]]:
    count = draw(st.integers(min_value=1, max_value=5))
    rows = []
    for i in range(count):
        rows.append(
            {
                "first_name": draw(name_text),
                "last_name": draw(name_text),
                "email": f"p{i}@example.org",
                "anonymous": draw(st.sampled_from(["no", "", "yes", "sí"])),
                "intro:peer-roles": f"{draw(story_text)} qqmark{i}qq {draw(story_text)}",
                "note:peer-roles:peer-supervisors": f"nnmark{i}nn {draw(story_text)}",
            }
        )
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    return data, rows


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(people_csv())
def test_no_letter_contains_another_rows_text(case: tuple[bytes, list[dict[str, str]]]) -> None:
    data, rows = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_bytes(data)
        try:
            summary = run_batch(LOADED, LIBRARY, path, Path(folder) / "out", "md", jobs=1, now=NOW)
        except AdvocacyError:
            return  # refused as a whole, with our error: nothing half-used
        assert len(summary.results) == len(rows)
        files = set()
        for result in summary.results:
            assert result.status == "written", result.diagnostics
            i = int(result.person.cells["email"].split("@")[0].removeprefix("p"))
            text = (Path(folder) / "out" / result.file).read_text("utf-8")
            own = [j for j in range(len(rows)) if f"qqmark{j}qq" in text]
            notes = [j for j in range(len(rows)) if f"nnmark{j}nn" in text]
            assert own == [i] and notes == [i], (result.file, own, notes)
            files.add(result.file)
        assert len(files) == len(rows)
