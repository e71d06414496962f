"""Builders of test inputs: valid talking-point files and small libraries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

CATEGORIES = {
    "categories": {
        "ethics": {"title": "Ethics", "description": "The CPS code of ethics."},
        "training": {"title": "Training", "description": "Peer-specific training."},
    }
}


def point_data(point_id: str = "peer-ethics", **overrides: object) -> dict[str, object]:
    """A valid, approved talking point as plain data; override any field."""
    data: dict[str, object] = {
        "id": point_id,
        "title": "Peer roles follow the CPS code of ethics",
        "category": "ethics",
        "status": "approved",
        "reviewed": dt.date.today() - dt.timedelta(days=10),
        "owner": "Working group",
        "summary": "Every peer role should follow the Certified Peer Specialist code of ethics.",
        "body": "Peer work rests on **mutual** connection.\n\n- hope\n- self-determination\n",
        "ask": "Describe how the provider keeps peer roles consistent with the CPS code.",
        "recommendation": "Require every bidder to keep its peer roles consistent with the code.",
        "rationale": "The code protects peer roles from coercion.[^kiva-networks]",
        "sources": [
            {
                "id": "kiva-networks",
                "title": "Peer Support Networks",
                "publisher": "Kiva Centers",
                "year": 2020,
                "url": "https://kivacenters.org/resources/peer-support-networks/",
            }
        ],
        "tags": ["ethics"],
        "related": [],
        "evaluation": {
            "question": "Does the bid commit to the CPS code of ethics for every peer role?",
            "look_for": ["Names the CPS code", {"text": "Training on it", "match": ["ethics"]}],
            "red_flags": [{"text": "Peers enforce rules", "why": "Coercion breaks the role."}],
            "weight": 2,
            "mandatory": True,
        },
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def write_point(folder: Path, point_id: str = "peer-ethics", **overrides: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{point_id}.yaml"
    text = yaml.safe_dump(point_data(point_id, **overrides), sort_keys=False, allow_unicode=True)
    path.write_text(text, "utf-8")
    return path


def write_library(folder: Path, ids: tuple[str, ...] = ("peer-ethics",)) -> Path:
    """A folder with categories.yaml and one valid point per id."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "categories.yaml").write_text(yaml.safe_dump(CATEGORIES), "utf-8")
    for point_id in ids:
        write_point(folder, point_id)
    return folder
