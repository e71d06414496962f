"""Start a new talking-point file from the shipped, commented template."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from string import Template

from advocacy.atomic import write_atomic
from advocacy.errors import AdvocacyError
from advocacy.models.base import SLUG_PATTERN
from advocacy.resources import templates_dir
from advocacy.schemas import schema_reference

_SLUG = re.compile(SLUG_PATTERN)


def new_point_text(point_id: str, category: str, title: str, today: dt.date, target: Path) -> str:
    """The text of a new point file for ``target``, with placeholders to fill."""
    if not _SLUG.match(point_id):
        raise AdvocacyError(
            f"{point_id!r} is not a valid id",
            hint="use lower-case letters, digits and single hyphens, e.g. peer-supervisors",
        )
    schema_path = schema_reference("talking-point", target)
    template = Template((templates_dir() / "scaffolds" / "talking-point.yaml").read_text("utf-8"))
    return template.substitute(
        schema_path=schema_path,
        file_name=target.name,
        id=point_id,
        # JSON strings are valid YAML double-quoted scalars: safe for any title.
        title=json.dumps(title, ensure_ascii=False),
        category=category,
        today=today.isoformat(),
        year=today.year,
    )


def write_new_point(folder: Path, point_id: str, category: str, title: str, today: dt.date) -> Path:
    """Write ``folder/<id>.yaml``; refuses to overwrite an existing file."""
    if not folder.is_dir():
        raise AdvocacyError("folder does not exist", folder, hint="create it first, or pass --dir")
    target = folder / f"{point_id}.yaml"
    write_atomic(target, new_point_text(point_id, category, title, today, target), forceable=False)
    return target
