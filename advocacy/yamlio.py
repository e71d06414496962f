"""Load YAML safely and remember where every value came from.

PyYAML's ``safe_load`` loses positions and silently keeps the last of two
duplicate keys. Volunteers need ``file:line:col`` for every mistake, so this
module composes the node graph (libyaml's C parser when available), then
builds plain Python values from it while recording the line and column of
each mapping key and sequence item. On the way it refuses:

* files larger than a limit, files with NUL bytes, and text that is not UTF-8;
* duplicate keys, merge keys (``<<``), unknown tags;
* alias bombs: the count of values built, aliases expanded, is bounded, so a
  "billion laughs" file fails fast instead of filling memory;
* nesting deeper than a limit (and recursive aliases with it).

Every refusal is an :class:`~advocacy.errors.AdvocacyError` with a location.
"""

from __future__ import annotations

import errno
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from advocacy.errors import AdvocacyError

try:  # libyaml is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_IMPLICIT = _BaseLoader.yaml_implicit_resolvers


class _Loader(_BaseLoader):
    """The safe loader with PyYAML's tag resolution, cut to what a safe loader uses.

    The composer asks for the tag of every node; PyYAML's general method also
    walks path resolvers and wildcard resolvers, which the safe loader has none
    of. Resolving is about a third of the time spent reading a talking point.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                tag = _RESOLVED.get(value)
                if tag is None:
                    tag = _STR_TAG
                    for candidate, regexp in _IMPLICIT.get(value[:1], ()):
                        if regexp.match(value):
                            tag = candidate
                            break
                    if len(_RESOLVED) >= 4096:  # keys and short values repeat across files
                        _RESOLVED.clear()
                    _RESOLVED[value] = tag
                return tag
            return _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    # The composer calls these two around every node to track path resolvers,
    # which a safe loader has none of: C callables that do nothing, instead of
    # two Python calls per node (about a tenth of composing a talking point).
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]  # (parent, index)
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # ()


#: The tag of each plain scalar seen lately (it depends on the text only).
_RESOLVED: dict[str, str] = {}


#: Default limits. Talking points, RFIs, responses and score sheets are small;
#: these bounds are far above any real file and far below harm.
MAX_BYTES = 2 * 1024 * 1024
MAX_VALUES = 200_000
MAX_DEPTH = 64

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


@dataclass
class YamlDocument:
    """The plain data of one YAML document plus the place of each value.

    :meth:`position` finds the 1-based ``(line, column)`` of a path such as
    ``("evaluation", "look_for", 2)`` (a mapping key or sequence item) in the
    composed ``root`` node, only when a message needs it.
    """

    data: Any
    file: str
    text: str = ""
    root: Node | None = field(default=None, repr=False, compare=False)

    def position(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The place of ``path``, or of its nearest ancestor that has one."""
        node = self.root
        if node is None:
            return 1, 1
        where = node
        for part in path:
            if isinstance(node, MappingNode):
                # the document was checked: keys are scalars, and unique
                for key_node, value_node in node.value:
                    if (
                        key_node.tag == _STR_TAG and key_node.value == part
                        if isinstance(part, str)
                        else key_node.tag != _STR_TAG and _key(key_node) == part
                    ):
                        where, node = key_node, value_node
                        break
                else:
                    break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                where = node = node.value[part]
            else:
                break
        return where.start_mark.line + 1, where.start_mark.column + 1


def _key(node: Node) -> Any:
    """A key that is not text, as :class:`_Builder` made it (the document was checked)."""
    return SafeConstructor.yaml_constructors[node.tag](_CONSTRUCTOR, node)


def check_regular_file(path: Path, what: str = "file") -> int:
    """Refuse anything but a regular file, before opening it; return its size.

    A FIFO or a device given as an input would block the read forever (or
    stream without end), and a symlink loop fails deep inside ``open``. Every
    input the toolkit reads (YAML, point files, CSVs, Markdown, bids) is
    checked here first, so such paths get a clear error instead.
    """
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        raise AdvocacyError(f"{what} not found", path, hint="check the path and spelling") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AdvocacyError(
                f"cannot read {what}: it is a symbolic link that loops back on itself (a link loop)",
                path,
                hint="point the link at a real file",
            ) from None
        raise AdvocacyError(f"cannot read {what}: {exc.strerror or exc}", path) from None
    if stat.S_ISDIR(info.st_mode):
        raise AdvocacyError(f"expected a {what} but this is a directory", path)
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        raise AdvocacyError(
            f"expected a {what} but this is {kind}",
            path,
            hint="give the path of an ordinary file saved on disk",
        )
    return info.st_size


def read_limited(path: Path, max_bytes: int = MAX_BYTES, what: str = "file") -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``, with clear errors."""
    size = check_regular_file(path, what)
    if size > max_bytes:
        raise AdvocacyError(
            f"{what} is {_megabytes(size)}, more than the {_megabytes(max_bytes)} limit",
            path,
            hint="is this the right file? talking points and response files are a few KB",
        )
    try:
        with path.open("rb") as handle:
            # The size stat gave, and a byte more to notice growth: a read of
            # max_bytes would allocate megabytes for every file of a few KB.
            raw = handle.read(size + 1)
            if len(raw) > size:
                raw += handle.read(max_bytes + 1 - len(raw))
    except OSError as exc:
        raise AdvocacyError(f"cannot read {what}: {exc.strerror or exc}", path) from None
    if len(raw) > max_bytes:  # the file grew after the size check
        raise AdvocacyError(f"{what} is more than the {_megabytes(max_bytes)} limit", path)
    return raw


def read_text(path: Path, max_bytes: int = MAX_BYTES, what: str = "file") -> str:
    """Read a UTF-8 text file with a size bound and clear errors.

    Used for every text input (YAML, Markdown, templates) so that all of them
    fail the same way on special, binary, over-large or wrongly encoded files.
    """
    return decode_text(read_limited(path, max_bytes, what), path)


def decode_text(raw: bytes, file: str | Path) -> str:
    """Decode UTF-8 (a BOM is allowed), naming the first bad byte's place."""
    nul = raw.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(raw, nul)
        raise AdvocacyError(
            "this looks like a binary file, not text (it contains a NUL byte)",
            file,
            line,
            column,
            hint="save the file as plain UTF-8 text",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise AdvocacyError(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            file,
            line,
            column,
            hint="re-save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
        ) from None


def load_yaml_file(
    path: Path,
    max_bytes: int = MAX_BYTES,
    max_values: int = MAX_VALUES,
) -> YamlDocument:
    """Read and parse one YAML file; see :func:`load_yaml`."""
    text = read_text(path, max_bytes, what="YAML file")
    return load_yaml(text, str(path), max_values=max_values)


def load_yaml(text: str, file: str = "<string>", max_values: int = MAX_VALUES) -> YamlDocument:
    """Parse one YAML document from ``text``, keeping positions.

    Raises :class:`AdvocacyError` for any problem, with its place and a hint.
    An empty document is an error: every file kind we read is a mapping or list.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise AdvocacyError(
            f"invalid character U+{exc.character:04X} in the text"
            if isinstance(exc.character, int)
            else "invalid character in the text",
            file,
            line,
            column,
            hint="delete it: control characters are not allowed in YAML (copied from a PDF?)",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise AdvocacyError(f"invalid YAML: {exc}", file) from None
    finally:
        loader.dispose()
    if node is None:
        raise AdvocacyError(
            "the file is empty", file, 1, 1, hint="a YAML file here needs at least one 'key: value'"
        )
    data = _Builder(file, max_values).build(node, 0)
    return YamlDocument(data=data, file=file, text=text, root=node)


_CONSTRUCTOR = SafeConstructor()


class _Builder:
    """Turns composed nodes into plain values, refusing what :mod:`yamlio` refuses."""

    def __init__(self, file: str, max_values: int) -> None:
        self.file = file
        self.max_values = max_values
        self.count = 0

    def _fail(self, message: str, node: Node, hint: str | None = None) -> AdvocacyError:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        return AdvocacyError(message, self.file, line, column, hint=hint)

    def build(self, node: Node, depth: int) -> Any:
        self.count += 1
        if self.count > self.max_values:
            raise self._fail(
                f"the file expands to more than {self.max_values:,} values",
                node,
                hint="aliases (*name) that repeat large blocks can multiply a file's size; "
                "write the values out or remove the aliases",
            )
        if depth > MAX_DEPTH:
            raise self._fail(
                f"values are nested more than {MAX_DEPTH} levels deep",
                node,
                hint="an alias may refer to the block that contains it",
            )
        # exact types: faster than isinstance, and the composer makes only these
        if type(node) is ScalarNode:
            return node.value if node.tag == _STR_TAG else self._scalar(node)
        if type(node) is MappingNode:
            return self._mapping(node, depth)
        if type(node) is SequenceNode:
            return [self.build(child, depth + 1) for child in node.value]
        raise self._fail("unsupported YAML node", node)  # pragma: no cover

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR_TAG:  # most values: skip the generic constructor
            return node.value
        construct = SafeConstructor.yaml_constructors.get(node.tag)
        if construct is None or node.tag == "tag:yaml.org,2002:merge":
            raise self._fail(
                f"unsupported YAML tag {node.tag!r}",
                node,
                hint="remove the '!' tag; plain text, numbers, dates, lists and mappings are enough",
            )
        try:
            return construct(_CONSTRUCTOR, node)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            raise self._fail(f"cannot read this value: {exc}", node) from None

    def _mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is ScalarNode and key_node.tag == _STR_TAG:
                key = key_node.value  # most keys: plain text
            else:
                key = self._other_key(key_node)
            if key in result:  # every earlier key is in it: values are built in order
                raise self._duplicate(key, key_node, node)
            self.count += 1
            result[key] = self.build(value_node, depth + 1)
        return result

    def _other_key(self, key_node: Node) -> Any:
        """The value of a key that is not plain text, refusing merge and complex keys."""
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise self._fail(
                "merge keys ('<<') are not supported",
                key_node,
                hint="write the fields out in full",
            )
        if type(key_node) is not ScalarNode:
            raise self._fail(
                "a key must be plain text, not a list or mapping",
                key_node,
                hint="check for a stray '?' or brackets before the colon",
            )
        key = self._scalar(key_node)
        if isinstance(key, (list, dict)):  # pragma: no cover - scalars are hashable
            raise self._fail("a key must be plain text", key_node)
        return key

    def _duplicate(self, key: Any, key_node: Node, node: MappingNode) -> AdvocacyError:
        """The error for a second ``key``, naming the line of the first."""
        wanted = {key}  # equal as dict keys are: 1 and 1.0 are the same key
        first = next(
            earlier
            for earlier, _ in node.value
            if (earlier.value if earlier.tag == _STR_TAG else self._other_key(earlier)) in wanted
        )
        return self._fail(
            f"duplicate key {key!r}",
            key_node,
            hint=f"{key!r} is already set on line {first.start_mark.line + 1}; keep one of them",
        )


def find_yaml_by_id(folders: Sequence[Path], wanted: str, key: str) -> Path | None:
    """The first YAML file in ``folders`` whose ``id`` is ``wanted`` and that has ``key``.

    Lets one file name another by id (a response its RFI, a score sheet its
    rubric). Files that do not parse are passed over: this only finds.
    """
    for folder in folders:
        for candidate in sorted(folder.glob("*.y*ml")):
            try:
                data = load_yaml_file(candidate).data
            except AdvocacyError:
                continue
            if isinstance(data, dict) and data.get("id") == wanted and key in data:
                return candidate
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> AdvocacyError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    lines = text.splitlines()
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    hint = "check the indentation and quoting on this line and the one before it"
    if (
        "\t" in problem
        or "\\t" in problem
        or "\t" in source_line[: len(source_line) - len(source_line.lstrip())]
    ):
        problem = "a tab character is used for indentation"
        hint = "YAML indents with spaces only: replace the tab with spaces"
    elif "could not find expected ':'" in problem:
        problem = "a line is missing its ':' (expected 'key: value')"
        hint = (
            "add the colon after the field name; text that runs over several lines needs '|' or '>'"
        )
    elif "mapping values are not allowed here" in problem:
        problem = "unexpected ':' inside a value"
        hint = "put text that contains ': ' in quotes, or use '|' for a block of text"
    elif "found undefined alias" in problem:
        hint = "an '*name' refers to an '&name' anchor that is not defined above it"
    elif "another document" in problem or "expected <document start>" in problem:
        problem = "the file holds more than one YAML document"
        hint = "a file holds one document; remove extra '---' lines or stray text at the top level"
    elif "found character" in problem and "cannot start any token" in problem:
        hint = "text that starts with this character must be in quotes"
    return AdvocacyError(f"invalid YAML: {problem}", file, line, column, hint=hint)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return line, offset - line_start + 1


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
