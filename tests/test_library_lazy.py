"""A lazily loaded library validates each point in full when it is first used."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import write_library, write_point

from advocacy.cli import main
from advocacy.errors import AdvocacyError
from advocacy.library import BUILTIN, LibrarySource, load_library

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ma-dmh-cbfs"


def own(folder: Path) -> list[LibrarySource]:
    return [LibrarySource("mine", folder)]


def test_ids_are_known_before_any_point_is_read(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ("peer-ethics", "peer-training"))
    write_point(lib, "broken", title=["not", "text"])
    library = load_library(own(lib), lazy=True)  # the broken point is not read yet
    assert sorted(library.points) == ["broken", "peer-ethics", "peer-training"]
    assert "peer-ethics" in library.points and "nope" not in library.points
    assert library.get("peer-ethics").point.title.startswith("Peer roles")
    with pytest.raises(AdvocacyError, match="no talking point with id 'peer-ethic'") as info:
        library.get("peer-ethic")
    assert info.value.diagnostics[0].hint == "did you mean 'peer-ethics'?"


def test_a_point_is_validated_in_full_when_first_used(tmp_path: Path) -> None:
    lib = write_library(tmp_path, ())
    write_point(lib, "bad-schema", title=["not", "text"])
    write_point(lib, "bad-category", category="nowhere")
    write_point(lib, "bad-related", related=["peer-ethic"])
    write_point(lib, "peer-ethics")
    write_point(lib, "wrong-name", id="other-name")
    library = load_library(own(lib), lazy=True)
    for point_id, message in [
        ("bad-schema", "'title' must be text"),
        ("bad-category", "unknown category 'nowhere'"),
        ("bad-related", "related point 'peer-ethic' does not exist"),
        ("wrong-name", "does not match the file name"),
    ]:
        with pytest.raises(AdvocacyError, match=message) as info:
            library.get(point_id)
        assert info.value.diagnostics[0].file.endswith(f"{point_id}.yaml")
    with pytest.raises(AdvocacyError) as info:
        list(library.points.values())  # every point: every error at once, as an eager load
    assert len(info.value.diagnostics) == 4
    with pytest.raises(AdvocacyError) as info:
        dict(library.points.items())
    assert len(info.value.diagnostics) == 4
    with pytest.raises(AdvocacyError) as eager:
        load_library(own(lib))
    assert len(eager.value.diagnostics) == 4


def test_a_lazy_library_survives_pickling(tmp_path: Path) -> None:
    """Batches hand the library to worker processes, which may start by pickling (spawn)."""
    import pickle

    library = load_library(
        own(write_library(tmp_path, ("peer-ethics", "peer-training"))), lazy=True
    )
    library.get("peer-ethics")
    copy = pickle.loads(pickle.dumps(library))
    assert sorted(copy.points) == ["peer-ethics", "peer-training"]
    assert copy.get("peer-training").point == library.get("peer-training").point


def test_overrides_and_duplicates_as_in_a_full_load(tmp_path: Path) -> None:
    base = write_library(tmp_path / "base", ())
    write_point(base, "override-me", title="Theirs")
    write_point(base, "broken-but-overridden", title=["x"])
    user = write_library(tmp_path / "user", ())
    write_point(user, "override-me", title="Mine")
    write_point(user, "broken-but-overridden")
    write_point(user / "sub", "override-me", title="Twice")
    sources = [LibrarySource(BUILTIN, base), LibrarySource("user", user)]
    library = load_library(sources, lazy=True)
    assert library.get("broken-but-overridden").source == "user"
    with pytest.raises(AdvocacyError, match="duplicate id 'override-me'"):
        library.get("override-me")


def test_rfi_build_reads_only_the_points_the_letter_uses(tmp_path: Path) -> None:
    lib = write_library(tmp_path / "mine", ())
    write_point(lib, "unrelated-and-broken", title=["not", "text"])
    out = tmp_path / "letter.md"
    args = ["--library", str(lib), "rfi", "build", str(EXAMPLE / "response.yaml"), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Morgan Ellery" in out.read_text("utf-8")
    # Listing every point reads the broken one, and says where it is.
    result = CliRunner().invoke(main, ["--library", str(lib), "points", "list"])
    assert result.exit_code == 1
    assert "unrelated-and-broken.yaml" in result.output and "'title' must be text" in result.output
