"""Write output files atomically and never overwrite by accident.

Every file the toolkit produces goes through :func:`write_atomic`: the data is
written to a temporary file in the target folder and renamed over the target,
so a reader (or a killed batch run) never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from advocacy.errors import AdvocacyError


def check_writable(path: Path, force: bool = False, forceable: bool = True) -> None:
    """Raise unless ``path`` may be written: it must not exist (or ``force``),
    must not be a folder, and its folder must exist.

    ``forceable`` says whether the command has ``--force``; the hint only
    offers it when it does.
    """
    if path.is_dir():
        raise AdvocacyError(
            "the output path is a folder", path, hint="give a file name, e.g. out.docx"
        )
    if path.exists() and not force:
        raise AdvocacyError(
            "output file already exists",
            path,
            hint="choose another name, or pass --force to overwrite it"
            if forceable
            else "choose another name, or move the existing file away first",
        )
    if not path.parent.is_dir():
        raise AdvocacyError(
            "the output folder does not exist",
            path.parent,
            hint="create the folder first, or write somewhere else",
        )


def write_atomic(
    path: Path, data: bytes | str, force: bool = False, forceable: bool = True
) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename.

    Text is encoded as UTF-8 with ``\\n`` line endings on every OS.
    """
    check_writable(path, force, forceable)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _write(path, payload, force)
    except OSError as exc:
        raise AdvocacyError(
            f"cannot write the file: {exc.strerror or exc}",
            path,
            hint="check that the folder exists and that you may write to it",
        ) from None


def _write(path: Path, payload: bytes, force: bool) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a normal write would:
        # the replaced file's, or the default under the user's umask.
        os.chmod(tmp_name, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and path.exists():  # someone else wrote it meanwhile
            raise AdvocacyError("output file already exists", path, hint="it appeared meanwhile")
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temps(folder: Path, names: Iterable[str]) -> list[Path]:
    """Delete the temporary files that a killed :func:`write_atomic` left for ``names``.

    Only files named as :func:`write_atomic` names them (``.NAME.<random>.tmp``)
    for the given targets are touched. Returns what was removed.
    """
    wanted = set(names)
    removed = []
    for path in folder.iterdir():
        name = path.name
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        target = name[1 : name.rfind(".", 0, len(name) - 4)]
        if target in wanted and path.is_file():
            try:
                path.unlink()
            except OSError:  # gone already, or not ours to delete: leave it
                continue
            removed.append(path)
    return removed
