"""The writer's package model (advocacy.render.docx.opc): reading, adding parts, writing back."""

from __future__ import annotations

import io
import zipfile

import pytest

from advocacy.render.docx import default_reference_doc
from advocacy.render.docx.opc import CT, RT, Package, Part, Relationship


def reference() -> Package:
    return Package.from_bytes(default_reference_doc().read_bytes())


def summary(package: Package) -> dict[str, tuple[str, list[tuple[str, str, str]]]]:
    """Each part's content type and relationships (id, type, target name)."""
    return {
        part.partname: (
            part.content_type,
            sorted(
                (
                    rid,
                    rel.reltype,
                    rel.target if isinstance(rel.target, str) else rel.target.partname,
                )
                for rid, rel in part.rels.items()
            ),
        )
        for part in package.iter_parts()
    }


def test_a_package_reads_back_as_it_was_written() -> None:
    package = reference()
    assert package.main.content_type == CT.DOCUMENT_MAIN
    assert package.main.related(RT.STYLES) is not None
    again = Package.from_bytes(package.to_bytes())
    assert summary(again) == summary(package)
    for part in package.iter_parts():
        assert next(p for p in again.iter_parts() if p.partname == part.partname).blob == part.blob


def test_writing_is_deterministic_and_office_ordered() -> None:
    data = reference().to_bytes()
    assert reference().to_bytes() == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_copy_shares_nothing_that_writing_changes() -> None:
    package = reference()
    package.main.element  # noqa: B018 - parsed in the original
    copy = package.copy()
    copy.main.element.clear()
    copy.main.rels["rId99"] = Relationship(RT.HYPERLINK, "https://example.org", external=True)
    assert len(package.main.element) and "rId99" not in package.main.rels


def test_new_parts_get_free_names_and_one_relationship_each() -> None:
    package = reference()
    main = package.main
    first = package.add_part(main, RT.IMAGE, "/word/media/image%d.png", CT.PNG, b"png")
    second = package.add_part(main, RT.IMAGE, "/word/media/image%d.png", CT.PNG, b"png")
    assert (first.partname, second.partname) == ("/word/media/image1.png", "/word/media/image2.png")
    rid = main.relate_to(first, RT.IMAGE)
    assert main.relate_to(first, RT.IMAGE) == rid  # not added twice
    footnotes = package.related_or_add(
        main, RT.FOOTNOTES, "/word/footnotes%s.xml", CT.FOOTNOTES, b""
    )
    assert footnotes is main.related(RT.FOOTNOTES)  # the reference has one already
    with zipfile.ZipFile(io.BytesIO(package.to_bytes())) as archive:
        types = archive.read("[Content_Types].xml").decode()
        assert 'Extension="png"' in types  # media by extension, as Word writes it
        assert "word/media/image2.png" in archive.namelist()


def test_a_part_no_relationship_reaches_is_left_out() -> None:
    package = reference()
    package.main.drop_rels({RT.NUMBERING})
    with zipfile.ZipFile(io.BytesIO(package.to_bytes())) as archive:
        assert "word/numbering.xml" not in archive.namelist()


@pytest.mark.parametrize("target", ["../../../../etc/passwd", "/missing.xml", "nowhere.xml"])
def test_a_relationship_to_nothing_is_dropped(target: str) -> None:
    data = default_reference_doc().read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for name in src.namelist():
            content = src.read(name)
            if name == "word/_rels/document.xml.rels":
                extra = f'<Relationship Id="rIdX" Type="{RT.IMAGE}" Target="{target}"/>'
                content = content.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            dst.writestr(name, content)
    package = Package.from_bytes(buffer.getvalue())
    assert "rIdX" not in package.main.rels
    assert all(isinstance(p, Part) for p in package.iter_parts())


def test_relationships_to_the_package_bookkeeping_or_without_an_id_are_dropped() -> None:
    """A stranger's package cannot make a part of [Content_Types].xml or a .rels file,
    which writing would put over the ones it makes afresh."""
    data = default_reference_doc().read_bytes()
    buffer = io.BytesIO()
    extra = (
        f'<Relationship Id="rIdA" Type="{RT.IMAGE}" Target="/[Content_Types].xml"/>'
        f'<Relationship Id="rIdB" Type="{RT.IMAGE}" Target="_rels/document.xml.rels"/>'
        f'<Relationship Type="{RT.IMAGE}" Target="media/nothing.png"/>'
    )
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for name in src.namelist():
            content = src.read(name)
            if name == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
            dst.writestr(name, content)
    package = Package.from_bytes(buffer.getvalue())
    assert not {"rIdA", "rIdB", None} & set(package.main.rels)
    again = Package.from_bytes(package.to_bytes())  # still a readable package
    assert again.main.related(RT.STYLES) is not None
