"""Kind ``public-comment``: a comment on a proposed regulation, in a docket, by a deadline.

The sections open for comment play the part of questions, each with its
reference. ``package`` writes the plain text to paste into the portal's
comment box (within its character limit) and the full comment as an
attachment in any registered binary format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from advocacy.errors import AdvocacyError
from advocacy.respond.kinds import (
    CallKind,
    KindCheck,
    PackageRequest,
    PackageResult,
    email_draft,
)
from advocacy.respond.kinds.rules import character_limits

if TYPE_CHECKING:
    from advocacy.errors import Diagnostic
    from advocacy.models import Rfi
    from advocacy.render.formats import OutputFormat
    from advocacy.respond.loading import LoadedResponse


def _check(kc: KindCheck) -> Iterator[Diagnostic]:
    yield from character_limits(kc)


def _describe(rfi: Rfi) -> list[str]:
    part = rfi.public_comment
    assert part is not None
    lines = [
        f"Docket {part.docket}: {part.regulation.title} ({part.regulation.citation})",
    ]
    if rfi.submit.char_limit:
        lines.append(f"Comment box: {rfi.submit.char_limit:,} characters")
    limits = part.attachments
    attach = [
        f"at most {limits.max_files} file(s)" if limits.max_files else "",
        f"{limits.max_megabytes:g} MB each" if limits.max_megabytes else "",
        "as " + ", ".join(limits.formats) if limits.formats else "",
    ]
    if any(attach):
        lines.append("Attachments: " + ", ".join(x for x in attach if x))
    lines.append("The comment period closes at the deadline below.")
    return lines


def email_only(rfi: Rfi) -> bool:
    """Whether the call takes comments only by email: an address and no portal."""
    return rfi.submit.email is not None and rfi.submit.url is None


def _package_suffix(rfi: Rfi) -> str:
    return ".eml" if email_only(rfi) else ".txt"


def _package(request: PackageRequest) -> PackageResult:
    from advocacy.respond.email_package import attachment_format

    loaded = request.loaded
    part = loaded.rfi.rfi.public_comment
    assert part is not None
    fmt = attachment_format(loaded, request.attach)
    if part.attachments.formats and fmt.name not in part.attachments.formats:
        raise AdvocacyError(
            f"the agency takes attachments as {', '.join(part.attachments.formats)}, "
            f"not {fmt.name}",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("public_comment", "attachments", "formats")),
            hint="choose one of those with --attach",
        )
    if email_only(loaded.rfi.rfi):
        return _email_package(request)
    return _portal_package(request, fmt)


def _check_attachments(loaded: LoadedResponse, document: bytes) -> None:
    """The comment and the response's other files within the call's attachment limits:
    how many files, and the size of each."""
    from advocacy.respond.email_package import extra_attachments

    part = loaded.rfi.rfi.public_comment
    assert part is not None
    limits = part.attachments
    extras = extra_attachments(loaded)
    if limits.max_files is not None and 1 + len(extras) > limits.max_files:
        raise AdvocacyError(
            f"the package has {1 + len(extras)} files (the comment and {len(extras)} listed "
            f"under attachments); the agency takes at most {limits.max_files}",
            loaded.path,
            *loaded.position("attachments"),
            hint=f"keep at most {limits.max_files - 1} other file(s), or combine them into one",
        )
    limit = limits.max_megabytes
    files = [("the comment", document)] + [(repr(p.name), c) for p, c in extras]
    for what, content in files:
        if limit is not None and len(content) > limit * 1_000_000:
            raise AdvocacyError(
                f"{what} is {len(content) / 1_000_000:.1f} MB; the agency takes "
                f"{limit:g} MB a file",
                loaded.rfi.path,
                *loaded.rfi.doc.position(("public_comment", "attachments", "max_megabytes")),
                hint="leave out images, or choose another --attach format"
                if what == "the comment"
                else "make the file smaller, or leave it out",
            )


def _email_package(request: PackageRequest) -> PackageResult:
    """An email draft to the agency with the full comment attached, for a call that
    takes comments only by email."""
    loaded = request.loaded
    part = loaded.rfi.rfi.public_comment
    assert part is not None
    return email_draft(
        request,
        before=[
            f"Open {request.out_path}, review it, and send it as your comment on docket "
            f"{part.docket}."
        ],
        body=_email_body(loaded),
        check_document=lambda document: _check_attachments(loaded, document),
    )


def _email_body(loaded: LoadedResponse) -> str:
    rfi, respondent = loaded.rfi.rfi, loaded.response.respondent
    part = rfi.public_comment
    assert part is not None
    lines = [
        f"Dear {rfi.contact}," if rfi.contact else "To whom it may concern,",
        "",
        f"Please find attached my comment on docket {part.docket}, {part.regulation.title} "
        f"({part.regulation.citation}). It names the section each comment answers.",
        "",
    ]
    if respondent.anonymous:
        lines.append("I am submitting this comment anonymously.")
    else:
        lines += ["Sincerely,", respondent.display_name]
        lines += [x for x in (respondent.role, respondent.organization, respondent.city) if x]
    return "\n".join(lines) + "\n"


def _portal_package(request: PackageRequest, fmt: OutputFormat) -> PackageResult:
    """The text to paste into the portal's comment box, and the full comment to attach."""
    from advocacy.atomic import check_writable, write_atomic
    from advocacy.respond.email_package import next_steps
    from advocacy.respond.plain_text import form_length, markdown_to_plain
    from advocacy.respond.response import build_response, response_markdown

    loaded = request.loaded
    rfi = loaded.rfi.rfi
    part = rfi.public_comment
    assert part is not None
    attachment_path = request.out_path.with_suffix(fmt.suffix)
    check_writable(request.out_path, request.force)
    check_writable(attachment_path, request.force)
    report, document = build_response(
        loaded,
        request.library,
        None,
        fmt.name,
        request.reference_doc,
        now=request.now,
        date=request.date,
        template_dir=request.template_dir,
    )
    _check_attachments(loaded, document)
    markdown = response_markdown(
        loaded, request.library, request.date, request.template_dir, report
    )
    text = markdown_to_plain(markdown, source=str(loaded.path))
    characters = form_length(text)
    box = rfi.submit.char_limit
    over = box is not None and characters > box
    if over:
        text = _short_note(request, attachment_path.name)
        if box is not None and form_length(text) > box:
            raise AdvocacyError(
                f"even the short note is over the comment box's {box:,} characters",
                loaded.rfi.path,
                *loaded.rfi.doc.position(("submit", "char_limit")),
                hint="shorten your opening, or upload the attachment alone",
            )
    write_atomic(attachment_path, document, force=request.force)
    write_atomic(request.out_path, text.encode("utf-8"), force=request.force)
    steps = next_steps(rfi)
    steps.insert(
        0,
        f"Paste {request.out_path} into the comment box ({form_length(text):,} of "
        f"{box:,} characters)"
        if box
        else f"Paste {request.out_path} into the comment box",
    )
    steps.insert(1, f"Attach {attachment_path} as your full comment on docket {part.docket}.")
    for index, name in enumerate(loaded.response.attachments, start=2):
        steps.insert(index, f"Attach {loaded.path.parent / name} as well.")
    return PackageResult(
        report,
        [request.out_path, attachment_path],
        steps,
        {"characters": characters, "char_limit": box, "pasted_full_text": not over},
    )


def _short_note(request: PackageRequest, attachment: str) -> str:
    """What to paste when the full comment is too long for the box: who, what, and where
    the full comment is."""
    loaded = request.loaded
    rfi, response = loaded.rfi.rfi, loaded.response
    part = rfi.public_comment
    assert part is not None
    who = response.respondent.display_name
    lines = [
        f"Comment on docket {part.docket}, {part.regulation.title} ({part.regulation.citation}), "
        f"from {who}.",
    ]
    if response.opening:
        lines.append(" ".join(response.opening.split()))
    lines.append(f"My full comment is in the attached file {attachment}.")
    return "\n\n".join(lines) + "\n"


KIND = CallKind(
    name="public-comment",
    label="public comment",
    template="public-comment.md.j2",
    audience="regulator",
    check=_check,
    describe=_describe,
    package=_package,
    package_suffix=_package_suffix,
    deadline="end of the comment period",
)
