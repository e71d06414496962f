"""Red flags by class of cause, round 16: each class has English and Spanish lines
that must flag and lines that must not.

The lines are written for these tests, not copied from the labelled corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import scan_evidence

JOBS = "distinct-job-descriptions"


def flagged(tmp_path: Path, text: str) -> set[str]:
    return {f["criterion"] for f in scan_evidence(tmp_path, text + "\n")["red_flags"]}


# ---- lived experience asked for as a preference, in other words
@pytest.mark.parametrize(
    "line",
    [
        "Eighteen months of continuous sobriety preferred.",
        "We'd like a person in recovery (a year or more is nice to have, not a must).",
        "Being a former consumer of behavioral health services is an advantage.",
        "Lived experiance with addiction prefered.",
        "Starting in July, lived experience is no longer required for the coach title.",
        "The lived experience requirement will be dropped to attract more applicants.",
        "Tener tres años de sobriedad es deseable.",
        "Haber sido usuaria de servicios de salud mental es una ventaja.",
        "La experiencia vivida ya no será requisito para el puesto.",
    ],
)
def test_lived_experience_as_a_preference_flags(tmp_path: Path, line: str) -> None:
    assert JOBS in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "line",
    [
        "Lived experience of recovery is required and cannot be waived.",
        "Two years of sobriety required.",
        "Sobriety is not a requirement to use the drop-in center.",
        "Se requiere experiencia vivida de recuperación.",
        "No pedimos sobriedad a quienes visitan el centro.",
    ],
)
def test_lived_experience_required_or_sobriety_of_visitors_does_not_flag(
    tmp_path: Path, line: str
) -> None:
    assert JOBS not in flagged(tmp_path, line)
