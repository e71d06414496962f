"""An email draft (.eml) of a response, addressed as the call asks. Nothing is sent.

The draft opens in Outlook, Thunderbird and Apple Mail as an unsent message
(``X-Unsent: 1``) with the rendered document attached (DOCX, or any other
registered binary format), so the advocate reviews it and presses Send
themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
from collections.abc import Callable
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from advocacy.atomic import check_writable, write_atomic
from advocacy.errors import AdvocacyError
from advocacy.filenames import fill_pattern, safe_stem
from advocacy.i18n import long_datetime
from advocacy.library import Library
from advocacy.models import Rfi
from advocacy.respond.response import CheckReport, LoadedResponse, build_response

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
#: The subject when the call gives no convention, by kind.
DEFAULT_SUBJECTS = {
    "rfi": "Response to RFI: {rfi_title}",
    "public-comment": "Comment on {reference}: {rfi_title}",
    "testimony": "Testimony on {bills}: {name}",
}


def bill_numbers(rfi: Rfi) -> str:
    """The bill numbers of a hearing, e.g. ``"H.1234, S.567"`` (empty for other kinds)."""
    return ", ".join(b.number for b in rfi.testimony.bills) if rfi.testimony else ""


def fill_subject(rfi: Rfi, name: str, organization: str) -> str:
    """The call's subject-line convention filled in (raises on a bad pattern)."""
    convention = rfi.submit.subject or DEFAULT_SUBJECTS[rfi.kind]
    reference = rfi.public_comment.docket if rfi.public_comment else rfi.reference
    values = {
        "rfi_title": rfi.title,
        "rfi_id": rfi.id,
        "bills": bill_numbers(rfi),
        "reference": reference or "",
        "name": name,
        "organization": organization,
    }
    return " ".join(fill_pattern(convention, values, "the subject convention").split())


def subject_preview(rfi: Rfi) -> str:
    """The subject line as ``rfi show`` prints it: the RFI's fields filled in, the
    respondent's shown as ``<your name>``; a pattern that can't be filled, as written."""
    try:
        return fill_subject(rfi, "<your name>", "<your organization>")
    except AdvocacyError:
        return rfi.submit.subject or ""


def email_subject(loaded: LoadedResponse) -> str:
    """The subject line, following the RFI's convention when it has one."""
    rfi, respondent = loaded.rfi.rfi, loaded.response.respondent
    organization = None if respondent.anonymous else respondent.organization
    try:
        return fill_subject(rfi, respondent.display_name, organization or respondent.display_name)
    except AdvocacyError as exc:
        diag = exc.diagnostics[0]
        raise AdvocacyError(
            diag.message,
            loaded.rfi.path,
            *loaded.rfi.doc.position(("submit", "subject")),
            hint=diag.hint,
        ) from None


def package_response(
    loaded: LoadedResponse,
    library: Library,
    out_path: Path,
    force: bool = False,
    reference_doc: Path | None = None,
    now: dt.datetime | None = None,
    date: dt.date | None = None,
    template_dir: Path | None = None,
    attach: str = "docx",
    body: str | None = None,
    check_document: Callable[[bytes], None] | None = None,
) -> tuple[CheckReport, EmailMessage]:
    """Check and render the response, and write an email draft with it attached.

    ``attach`` is a registered binary output format; the response's other
    files follow the document; ``body`` replaces the email's text (each kind
    words its own); ``check_document`` may refuse the rendered attachment
    (raising) before anything is written.
    """
    rfi, respondent = loaded.rfi.rfi, loaded.response.respondent
    if rfi.submit.email is None:
        raise AdvocacyError(
            "this call takes responses through a website or by mail, not by email",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("submit",)),
            hint="build the document with 'advocacy respond build' and send it as "
            + " or ".join(x for x in (rfi.submit.url, rfi.submit.mail) if x),
        )
    fmt = attachment_format(loaded, attach)
    check_writable(out_path, force)
    report, document = build_response(
        loaded,
        library,
        None,
        fmt.name,
        reference_doc,
        now=now,
        date=date,
        template_dir=template_dir,
    )
    if check_document is not None:
        check_document(document)
    message = EmailMessage(policy=SMTP)
    message["To"] = _address(loaded, "", rfi.submit.email, ("submit",), rfi=True)
    if respondent.email and not respondent.anonymous:
        name = respondent.name or ""
        message["From"] = _address(loaded, name, respondent.email, ("respondent",))
    message["Subject"] = _one_line(loaded, email_subject(loaded), "the subject", ("submit",), True)
    message["X-Unsent"] = "1"
    message.set_content(body or _body(loaded))
    maintype, subtype = media_type(fmt.suffix)
    message.add_attachment(
        document, maintype, subtype, filename=attachment_stem(loaded) + fmt.suffix
    )
    for path, content in extra_attachments(loaded):
        message.add_attachment(content, *media_type(path.suffix.lower()), filename=path.name)
    # A boundary derived from the content keeps the draft reproducible.
    message.set_boundary("=_advocacy_" + hashlib.sha256(document).hexdigest()[:32])
    write_atomic(out_path, message.as_bytes(), force=force)
    return report, message


def attachment_format(loaded: LoadedResponse, attach: str):  # -> OutputFormat
    """The registered binary format ``attach``, if the call accepts it."""
    from advocacy.render.formats import binary_names, get_format

    rfi = loaded.rfi.rfi
    fmt = get_format(attach)
    if fmt.to_stdout:
        raise AdvocacyError(
            f"{attach} is a text format, not one to attach",
            hint="use one of: " + ", ".join(binary_names()),
        )
    if fmt.name not in rfi.submit.formats:
        raise AdvocacyError(
            f"the call accepts {', '.join(rfi.submit.formats)}, not {fmt.name}",
            loaded.rfi.path,
            *loaded.rfi.doc.position(("submit", "formats")),
            hint="attach one of those with --attach, or add the format to submit.formats "
            "if the call accepts it",
        )
    return fmt


def extra_attachments(loaded: LoadedResponse) -> list[tuple[Path, bytes]]:
    """The response's other files (``attachments``), read; a missing one is a located error."""
    found = []
    for index, name in enumerate(loaded.response.attachments):
        path = loaded.path.parent / name
        try:
            found.append((path, path.read_bytes()))
        except OSError as exc:
            raise AdvocacyError(
                f"cannot read the attachment {name!r}: {exc.strerror or exc}",
                loaded.path,
                *loaded.position("attachments", index),
                hint="give a path relative to the response file, or remove the entry",
            ) from None
    return found


def media_type(suffix: str) -> tuple[str, str]:
    """The MIME type of a file with ``suffix``, as (maintype, subtype)."""
    if suffix == ".docx":
        return DOCX_TYPE
    guessed = mimetypes.types_map.get(suffix, "application/octet-stream")
    maintype, _, subtype = guessed.partition("/")
    return maintype, subtype


def attachment_stem(loaded: LoadedResponse) -> str:
    """The attachment's file name without suffix; it never names an anonymous respondent."""
    respondent = loaded.response.respondent
    if respondent.anonymous:
        return "response"
    return f"response-{safe_stem(respondent.display_name, 'respondent')}"


def next_steps(rfi: Rfi) -> list[str]:
    """Where to submit and by when, for the terminal after ``package``."""
    submit = rfi.submit
    ways = [
        f"by email to {submit.email}" if submit.email else "",
        f"through {submit.url}" if submit.url else "",
        f"by mail to {' '.join(submit.mail.split())}" if submit.mail else "",
    ]
    return [
        "Submit " + " or ".join(w for w in ways if w) + ".",
        f"Deadline: {long_datetime(rfi.due_at)}.",
    ]


_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def _one_line(
    loaded: LoadedResponse, value: str, what: str, where: tuple[str, ...], rfi: bool = False
) -> str:
    """``value`` for an email header; a line break in it is an error, never a new header."""
    if _LINE_BREAK.search(value):
        doc, path = (loaded.rfi.doc, loaded.rfi.path) if rfi else (loaded.doc, loaded.path)
        raise AdvocacyError(
            f"{what} contains a line break, which an email header cannot hold",
            path,
            *doc.position(where),
            hint="write it on one line",
        )
    return value


def _address(
    loaded: LoadedResponse, name: str, email: str, where: tuple[str, ...], rfi: bool = False
) -> Address:
    """A header address whose display name is quoted as needed.

    A comma, angle brackets or parentheses in a name ("Morgan Ellery, CPS",
    "(Peer)") stay part of the name: they can neither add an address nor
    replace the sender's.
    """
    _one_line(loaded, name, "the name", (*where, "name"), rfi)
    _one_line(loaded, email, "the email address", (*where, "email"), rfi)
    try:
        return Address(display_name=name, addr_spec=email)
    except (ValueError, IndexError, HeaderParseError) as exc:
        doc, path = (loaded.rfi.doc, loaded.rfi.path) if rfi else (loaded.doc, loaded.path)
        raise AdvocacyError(
            f"{email!r} cannot be used as an email address: {exc}",
            path,
            *doc.position((*where, "email")),
            hint="write it like name@example.org",
        ) from None


def _body(loaded: LoadedResponse) -> str:
    rfi, respondent = loaded.rfi.rfi, loaded.response.respondent
    greeting = f"Dear {rfi.contact}," if rfi.contact else "To whom it may concern,"
    reference = f" ({rfi.reference})" if rfi.reference else ""
    lines = [
        greeting,
        "",
        f"Please find attached my response to the {rfi.agency} Request for Information "
        f'"{rfi.title}"{reference}.',
        "",
    ]
    if respondent.anonymous:
        lines.append("I am submitting this response anonymously.")
    else:
        lines += ["Sincerely,", respondent.display_name]
        if respondent.role:
            lines.append(respondent.role)
        if respondent.organization and respondent.name:
            lines.append(respondent.organization)
    return "\n".join(lines) + "\n"
