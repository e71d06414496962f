"""Exit codes, closed pipes, hostile text on the terminal, special files, honest hints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advocacy.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ma-dmh-cbfs"
ESCAPES = "\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\x1b[31m\x9b1m"


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def piped(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with its stdout read for one byte, then closed (like ``| head -c 1``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "advocacy", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)
    process.stdout.close()
    stderr = process.stderr.read()
    return subprocess.CompletedProcess(args, process.wait(timeout=60), b"", stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("points", "list"),
        ("points", "show", "peer-supervisors"),
        ("points", "list", "--json"),
        ("rfi", "show", str(EXAMPLE / "rfi.yaml")),
        ("rfi", "check", str(EXAMPLE / "response.yaml"), "--json"),
        ("schema", "response"),
    ],
)
def test_a_closed_pipe_ends_quietly_with_zero(args: tuple[str, ...]) -> None:
    result = piped(*args)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"Broken pipe" not in result.stderr
    assert b"internal error" not in result.stderr


def test_usage_error_is_two_and_input_error_is_one(tmp_path: Path) -> None:
    assert run("rfi", "show").exit_code == 2
    assert run("points", "list", "--no-such-option").exit_code == 2
    assert run("rfi", "show", str(tmp_path / "missing.yaml")).exit_code == 1


def test_interrupt_is_130(monkeypatch) -> None:
    import advocacy.library

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(advocacy.library, "load_library", interrupted)
    result = run("points", "list")
    assert result.exit_code == 130 and "Interrupted." in result.output


# --------------------------------------------------------------------------- hostile text


def _hostile_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    rfi = folder / "rfi.yaml"
    data = yaml.safe_load(rfi.read_text("utf-8"))
    data["title"] = "Real title" + ESCAPES
    data["questions"][0]["text"] = "[bold red]fake[/bold red] question" + ESCAPES
    rfi.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return folder


def _clean(output: str) -> None:
    assert "\x1b" not in output and "\x9b" not in output
    assert "\x07" not in output


def test_rfi_show_strips_escapes_and_markup(tmp_path: Path) -> None:
    folder = _hostile_copy(tmp_path)
    result = run("rfi", "show", str(folder / "rfi.yaml"))
    assert result.exit_code == 0, result.output
    _clean(result.output)
    assert "Real title" in result.output
    assert "[bold red]fake[/bold red]" in result.output  # shown literally, not styled


def test_point_text_is_cleaned_on_the_terminal_and_kept_in_json(tmp_path: Path) -> None:
    library = tmp_path / "points"
    library.mkdir()
    source = (ROOT / "talking_points" / "peer-supervisors.yaml").read_text("utf-8")
    data = yaml.safe_load(source)
    data["title"] = "Supervisors" + ESCAPES
    (library / "peer-supervisors.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8"
    )
    for args in (("points", "show", "peer-supervisors"), ("points", "list")):
        result = run("--library", str(library), *args)
        assert result.exit_code == 0, result.output
        _clean(result.output)
    raw = run("--library", str(library), "points", "show", "peer-supervisors", "--json")
    assert "\\u001b[2J" in raw.output  # JSON keeps the text, escaped as JSON does


def test_csv_text_in_batch_messages_is_cleaned(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(f"first_name,last_name,intro:peer-roles{ESCAPES}\nA,B,x\n", "utf-8")
    result = run(
        "rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(people),
        "-o", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.exit_code == 1
    _clean(result.output)
    assert "unknown column" in result.output


# --------------------------------------------------------------------------- special files


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.yaml"
    path.symlink_to(tmp_path / "loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to(path)
    return path


def test_fifo_as_a_point_file_is_refused_without_hanging(tmp_path: Path) -> None:
    library = tmp_path / "points"
    library.mkdir()
    os.mkfifo(library / "hang.yaml")
    result = run("--library", str(library), "points", "lint")
    assert result.exit_code == 1
    assert "named pipe (FIFO)" in result.output


@pytest.mark.parametrize("command", ["rfi show", "rfi check", "rfi lint"])
def test_fifo_and_symlink_loop_as_yaml_are_refused(command: str, fifo: Path, loop: Path) -> None:
    for path in (fifo, loop):
        result = run(*command.split(), str(path))
        assert result.exit_code == 1, result.output
        assert "internal error" not in result.output
        assert ("named pipe" in result.output) or ("loops back on itself" in result.output)


def test_special_files_as_people_csv_are_refused(tmp_path: Path, fifo: Path, loop: Path) -> None:
    for path in (fifo, loop, Path("/dev/zero")):
        result = run(
            "rfi", "batch", str(EXAMPLE / "response.yaml"), "--people", str(path),
            "-o", str(tmp_path / "out"),
        )  # fmt: skip
        assert result.exit_code == 1, result.output
        assert any(word in result.output for word in ("named pipe", "loops back", "a device")), (
            result.output
        )
        assert not (tmp_path / "out").exists()


def test_check_regular_file_names_each_kind(tmp_path: Path, fifo: Path, loop: Path) -> None:
    from advocacy.errors import AdvocacyError
    from advocacy.yamlio import check_regular_file

    expected = {
        fifo: "a named pipe (FIFO)",
        loop: "loops back on itself",
        Path("/dev/null"): "a device",
        tmp_path: "directory",
        tmp_path / "none": "not found",
    }
    for path, words in expected.items():
        with pytest.raises(AdvocacyError) as caught:
            check_regular_file(path, "CSV file")
        assert words in str(caught.value.diagnostics[0].message)
    regular = tmp_path / "ok.txt"
    regular.write_text("abc", "utf-8")
    assert check_regular_file(regular) == 3


# --------------------------------------------------------------------------- honest hints


def test_points_new_creates_its_folder_and_never_offers_force(tmp_path: Path) -> None:
    folder = tmp_path / "my_points"
    args = ["points", "new", "peer-mentoring", "--category", "training", "--title", "Peer mentoring",
            "--dir", str(folder), "--no-interactive"]  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert (folder / "peer-mentoring.yaml").exists()
    again = run(*args)
    assert again.exit_code == 1 and "already exists" in again.output
    assert "--force" not in again.output and "move the existing file away" in again.output


def test_rfi_init_never_offers_force(tmp_path: Path) -> None:
    out = tmp_path / "r.yaml"
    out.write_text("mine\n", "utf-8")
    result = run("rfi", "init", "--rfi", str(EXAMPLE / "rfi.yaml"), "-o", str(out),
                 "--no-interactive", "--name", "Sam Lee")  # fmt: skip
    assert result.exit_code == 1 and "already exists" in result.output
    assert "--force" not in result.output
    assert out.read_text("utf-8") == "mine\n"


def test_markdown_to_a_terminal_is_cleaned_and_to_a_pipe_kept(monkeypatch) -> None:
    import io

    from advocacy.cli._options import emit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = f"# Title{ESCAPES}\n\n[link](x)\n".encode()
    for stream, raw in ((Terminal(), False), (io.StringIO(), True)):
        monkeypatch.setattr(sys, "stdout", stream)
        emit(data, None)
        assert ("\x1b" in stream.getvalue()) == raw
        assert "[link](x)" in stream.getvalue()
