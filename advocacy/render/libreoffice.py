"""PDF through a real LibreOffice: find it, run it headless, and never leave it running.

Each converter is one ``soffice --headless --convert-to pdf`` process given
a list of DOCX files, with a private user profile (``-env:UserInstallation``)
so converters running side by side do not fight over one profile's lock. The
PDF is tagged (the ``writer_pdf_Export`` filter's ``UseTaggedPDF`` option,
off by default) and keeps the document language our DOCX sets.

No converter outlives the command: each runs in a process group of its own,
which is killed when the command stops early (an error, Ctrl-C, exit), and on
Linux the kernel kills it when the command's process dies, even by ``kill -9``
(see :mod:`advocacy.lifetime`). :class:`ConverterPool` runs one converter per
core for a whole batch, feeding each the DOCX files that are ready.
"""

from __future__ import annotations

import atexit
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from advocacy import lifetime
from advocacy.errors import AdvocacyError

#: The PDF export filter with tagging on (LibreOffice 7.4+ reads JSON filter options).
PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
INSTALL_HINT = (
    "install LibreOffice: on Debian or Ubuntu `apt-get install libreoffice-writer-nogui`; "
    "on Windows or macOS download it from https://www.libreoffice.org/download/ "
    "(or put its soffice program on PATH)"
)
#: Where LibreOffice lives when it is not on PATH.
_USUAL_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
#: soffice.bin's exit status after it created a fresh profile: run it again.
_RESTART = 81
#: Seconds a converter may take: a start plus this much per document.
_START_TIMEOUT, _PER_DOCUMENT_TIMEOUT = 120, 30

_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()


def find_soffice() -> Path:
    """The program to run; on Linux ``soffice.bin`` itself, so that no launcher stands between.

    The ``soffice`` launcher on Linux is a shell script and a splash process
    that start ``soffice.bin`` as a grandchild, out of reach of the kernel's
    parent-death signal; running ``soffice.bin`` directly keeps it a child.
    """
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        found = next((p for p in _USUAL_PLACES if Path(p).is_file()), None)
    if found is None:
        raise AdvocacyError(
            "LibreOffice is needed to write PDF and was not found", hint=INSTALL_HINT
        )
    program = Path(found).resolve()
    binary = program.with_name("soffice.bin")
    return binary if sys.platform.startswith("linux") and binary.is_file() else program


def _start_child() -> None:  # pragma: no cover - runs in the child, between fork and exec
    lifetime.kill_with_parent()  # loaded beforehand (lifetime.prepare): no import, no lock here


def _kill(process: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


@atexit.register
def kill_all() -> None:
    """Kill every converter still running (at exit, or when a batch stops early)."""
    with _live_lock:
        running = list(_live)
    for process in running:
        _kill(process)


class Converter:
    """One LibreOffice at a time with its own profile under ``work``."""

    def __init__(self, soffice: Path, work: Path) -> None:
        self.soffice = soffice
        self.profile = work / "profile"
        self.out = work / "out"
        self.out.mkdir(parents=True, exist_ok=True)
        lifetime.prepare()

    def convert(self, documents: list[Path]) -> dict[Path, Path | str]:
        """Convert ``documents``; each maps to its PDF or to why there is none."""
        for attempt in range(2):
            status, output = self._run(documents)
            if status != _RESTART or attempt:  # 81: the profile was just made; once more
                break
        results: dict[Path, Path | str] = {}
        for document in documents:
            pdf = self.out / (document.stem + ".pdf")
            if pdf.is_file() and pdf.stat().st_size:
                results[document] = pdf
            else:
                tail = output.strip().splitlines()[-1:] or [f"exit status {status}"]
                results[document] = f"LibreOffice wrote no PDF ({tail[0]})"
        return results

    def convert_retrying(self, documents: list[Path]) -> dict[Path, Path | str]:
        """:meth:`convert`, then once more for any document that got no PDF.

        Given a long list, LibreOffice 7.4 now and then ends without converting
        the last few documents and without a word; one more run converts them.
        """
        try:
            results = self.convert(documents)
            again = [d for d in documents if isinstance(results[d], str)]
            if again and len(again) < len(documents):
                results.update(self.convert(again))
        except OSError as exc:  # could not start it at all
            results = {d: f"cannot run LibreOffice: {exc}" for d in documents}
        return results

    def _run(self, documents: list[Path]) -> tuple[int, str]:
        command = [
            str(self.soffice),
            f"-env:UserInstallation={self.profile.resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(self.out),
            *map(str, documents),
        ]
        posix = os.name == "posix"
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=posix,
            preexec_fn=_start_child if posix else None,  # only calls prctl
        )
        with _live_lock:
            _live.add(process)
        try:
            timeout = _START_TIMEOUT + _PER_DOCUMENT_TIMEOUT * len(documents)
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            return -1, f"LibreOffice took longer than {timeout} s"
        finally:
            if process.poll() is None:  # stopped early (Ctrl-C): it goes too
                _kill(process)
            with _live_lock:
                _live.discard(process)
        return process.returncode, output.decode("utf-8", "replace")


def docx_to_pdf(docx: bytes, name: str = "document") -> bytes:
    """One DOCX document as tagged PDF bytes (one LibreOffice run, then gone)."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="advocacy-pdf-") as tmp:
        work = Path(tmp)
        source = work / f"{Path(name).stem or 'document'}.docx"
        source.write_bytes(docx)
        result = Converter(soffice, work).convert([source])[source]
        if isinstance(result, str):
            raise AdvocacyError(f"cannot write the PDF: {result}", name)
        return result.read_bytes()


@dataclass(frozen=True)
class Converted:
    """One finished conversion: the ``token`` it was queued with, and its PDF or an error."""

    token: object
    pdf: Path | None
    error: str | None = None


class ConverterPool:
    """``workers`` converters for a whole batch, fed DOCX files as they are written.

    :meth:`put` queues a DOCX; each converter takes the files that are ready
    (a few at first, so converting starts early; later up to an even share of
    what is still expected) and runs LibreOffice once for them. :meth:`ready`
    hands back what has finished; :meth:`finish` waits for the rest.
    """

    def __init__(self, workers: int, work: Path, expected: int) -> None:
        self._soffice = find_soffice()
        self._work = work
        self._expected = expected
        self._queue: deque[tuple[Path, object]] = deque()
        self._done: deque[Converted] = deque()
        self._closed = False
        self._stopped = False
        self._pending = 0
        self._cond = threading.Condition()
        self._first = min(8, max(1, math.ceil(expected / workers)))
        self._threads = [
            threading.Thread(target=self._serve, args=(i,), daemon=True) for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def put(self, docx: Path, token: object) -> None:
        with self._cond:
            self._queue.append((docx, token))
            self._pending += 1
            self._cond.notify()

    def ready(self) -> list[Converted]:
        """Conversions finished since the last call (does not wait)."""
        with self._cond:
            found = list(self._done)
            self._done.clear()
            self._pending -= len(found)
        return found

    def finish(self) -> Iterator[Converted]:
        """No more input: yield every remaining conversion as it finishes."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        while True:
            with self._cond:
                while not self._done and self._pending:
                    self._cond.wait()
                if not self._pending:
                    return
            yield from self.ready()

    def stop(self) -> None:
        """End every converter now (on Ctrl-C or an error); queued files are dropped."""
        with self._cond:
            self._stopped = True
            self._queue.clear()
            self._cond.notify_all()
        kill_all()
        for thread in self._threads:
            thread.join()

    def _take(self) -> list[tuple[Path, object]] | None:
        with self._cond:
            while True:
                if self._stopped:
                    return None
                want = max(self._first, math.ceil(self._expected / (2 * len(self._threads))))
                if self._queue and (len(self._queue) >= self._first or self._closed):
                    return [self._queue.popleft() for _ in range(min(want, len(self._queue)))]
                if self._closed:
                    return None
                self._cond.wait()

    def _serve(self, index: int) -> None:
        converter = Converter(self._soffice, self._work / f"converter-{index}")
        while (batch := self._take()) is not None:
            results = converter.convert_retrying([docx for docx, _ in batch])
            finished = [
                Converted(token, None, r)
                if isinstance(r := results[docx], str)
                else Converted(token, r)
                for docx, token in batch
            ]
            with self._cond:
                if not self._stopped:
                    self._done.extend(finished)
                self._cond.notify_all()
