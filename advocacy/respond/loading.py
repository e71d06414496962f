"""Load a response and the RFI it answers, with the place of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advocacy.errors import AdvocacyError
from advocacy.models import Response, Rfi, load_model
from advocacy.yamlio import YamlDocument, find_yaml_by_id, load_yaml_file


@dataclass(frozen=True)
class LoadedRfi:
    rfi: Rfi
    path: Path
    doc: YamlDocument = field(repr=False)


@dataclass(frozen=True)
class LoadedResponse:
    response: Response
    path: Path
    doc: YamlDocument = field(repr=False)
    rfi: LoadedRfi

    def position(self, *where: str | int) -> tuple[int, int]:
        return self.doc.position(where)


def load_rfi(path: Path) -> LoadedRfi:
    """Read and validate an RFI definition; errors carry their places."""
    doc = load_yaml_file(path)
    return LoadedRfi(load_model(Rfi, doc), path, doc)


def load_response(path: Path) -> LoadedResponse:
    """Read and validate a response file and the RFI it names."""
    doc = load_yaml_file(path)
    response = load_model(Response, doc)
    rfi_path = _find_rfi(path.parent, response.rfi)
    if rfi_path is None:
        line, col = doc.position(("rfi",))
        raise AdvocacyError(
            f"no RFI file {response.rfi!r} found",
            path,
            line,
            col,
            hint="'rfi' is the path of the RFI file relative to this file, or the id of an "
            "RFI file in the same folder",
        )
    return LoadedResponse(response, path, doc, load_rfi(rfi_path))


def _find_rfi(folder: Path, reference: str) -> Path | None:
    """An RFI named by path (relative to ``folder``) or by its ``id``."""
    candidate = folder / reference
    if candidate.is_file():
        return candidate
    if "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml")):
        return None
    return find_yaml_by_id([folder], reference, "questions")


def with_language(loaded: LoadedResponse, lang: str | None) -> LoadedResponse:
    """The response in another language (``--lang``); ``None`` keeps its own."""
    if lang is None or lang == loaded.response.language:
        return loaded
    response = loaded.response.model_copy(update={"language": lang})
    return LoadedResponse(response, loaded.path, loaded.doc, loaded.rfi)


def with_appendix(loaded: LoadedResponse, appendix: bool | None) -> LoadedResponse:
    """The response with or without its appendix of requirement language; ``None`` keeps
    its own choice."""
    if appendix is None or appendix == loaded.response.appendix:
        return loaded
    response = loaded.response.model_copy(update={"appendix": appendix})
    return LoadedResponse(response, loaded.path, loaded.doc, loaded.rfi)


def template_choice(loaded: LoadedResponse, template_dir: Path | None) -> tuple[Path | None, str]:
    """The template folder and name: a ``template`` file beside the response wins; without
    one, the call's kind names its template."""
    from advocacy.respond.kinds import kind_of

    name = loaded.response.template or kind_of(loaded.rfi.rfi).template
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise AdvocacyError(
            "the template must be a file in the response's folder (or a shipped template's name)",
            loaded.path,
            *loaded.position("template"),
            hint="put your template beside the response file, or use --template-dir",
        )
    local = loaded.path.parent / relative
    if template_dir is None and local.is_file():
        return local.parent, local.name
    return template_dir, name
