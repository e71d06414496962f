"""Fixes of the round that measured the finder on heldout105-112 (prisons and jails,
child welfare, health plans and call centres, youth and eating-disorder programs): a
protection taken back is a duty again, the custody, child-welfare, meal and
utilisation-review work of other staff is a duty, Spanish peer columns are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cited_passages, flagged, kept_out, scan_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Peers are no longer excluded from med pass.",
        "Peer staff are not excluded from the medication pass.",
        "Peers are no longer barred from handling petty cash.",
        "Recovery coaches are no longer prohibited from writing progress notes.",
    ],
)
def test_an_exclusion_taken_back_is_a_duty_again(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert "no-clinical-duties" in {f["criterion"] for f in data["red_flags"]}
    assert not cited_passages(data, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        "Peers are excluded from med pass.",
        "Peers are prohibited from passing meds.",
        "Peers do not carry caseloads and are barred from med pass.",
    ],
)
def test_an_exclusion_still_keeps_the_duty_out(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    assert cited_passages(data, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        '- Facilitar la "Mesa de Apoyo" en Chaparral los martes.',
        "Llevo 8 meses como especialista de apoyo entre pares en una clínica.",
        "Guardia telefónica un fin de semana al mes.",
    ],
)
def test_a_month_a_table_or_an_on_call_shift_is_no_money_duty(tmp_path: Path, text: str) -> None:
    """Class words match by their Snowball stems: "mesada" (an allowance) and "mes"
    (a month) share one, and "guard*" (to keep) took in "guardia" (an on-call shift)."""
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_keeping_someone_s_allowance_is_still_a_money_duty(tmp_path: Path) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, "El par guarda la mesada de cada residente.")


@pytest.mark.parametrize(
    "text",
    [
        "Assist deputies with movement of program participants to and from classrooms.",
        "3.3 Escort inmates between C-Unit and the treatment annex when the escort officer is unavailable.",
        "Any CPS present on the unit will assist with the formal count.",
        "Peers stand in on dorm shakedowns now.",
        "- Apoyar a los oficiales durante los conteos y los movimientos entre módulos.",
        "- Realizar cacheos a las personas que entran a los grupos.",
    ],
)  # fmt: skip
def test_custody_work_is_flagged(tmp_path: Path, text: str) -> None:
    found = flagged(tmp_path, text)
    assert found & {"no-clinical-duties", "voluntary-peer-support"}


@pytest.mark.parametrize(
    "text",
    [
        "CPS staff never escort inmates or take part in counts or searches.",
        "Peer specialists do not assist officers with counts, movement or searches.",
    ],
)
def test_custody_work_kept_out_is_evidence(tmp_path: Path, text: str) -> None:
    data = scan_evidence(tmp_path, text + "\n")
    assert not {f["criterion"] for f in data["red_flags"]}
    assert cited_passages(data, "no-clinical-duties") or cited_passages(
        data, "voluntary-peer-support"
    )


@pytest.mark.parametrize(
    "text",
    [
        "- Provide safe transportation for youth in foster care to visits, school and therapy.",
        "5. Transport participants' children to and from supervised visitation.",
        "Starting Nov 1, Peer Mentors will be added to the visit supervision rotation.",
        "Parent Partners supervise visits when the FSRP worker is out.",
        "- Transportar a los niños a las visitas en el vehículo de la agencia",
        "Les pides que supervisen las visitas cuando falta personal.",
    ],
)
def test_a_child_welfare_worker_s_work_is_a_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "With 3.0 FTE peer staff, the center joins the network for monthly group supervision and cross-center visits.",
        "Thank you for hosting our monitoring visit on 9/18.",
        "La supervisora visita el sitio cada mes.",
        "Parents may bring their kids to the Saturday group.",
    ],
)  # fmt: skip
def test_supervision_and_visits_named_apart_are_no_duty(tmp_path: Path, text: str) -> None:
    """ "supervision" and "supervise" share a stem; only the verb supervises a visit."""
    assert "no-clinical-duties" not in flagged(tmp_path, text)


def test_parent_partners_kept_out_of_visits_and_rides_is_evidence(tmp_path: Path) -> None:
    line = "Parent Partners do not supervise visits or transport children.\n"
    data = scan_evidence(tmp_path, line)
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    assert cited_passages(data, "no-clinical-duties")


@pytest.mark.parametrize(
    "text",
    [
        "- Meal and snack supervision; complete the meal plan adherence form",
        "- Blind weights Mon/Thu at 6:30 a.m.; report discrepancies to RN",
        "• Post-meal bathroom monitoring (stand outside restroom, run water check)",
        "- También se les pidió pesar a las participantes los lunes.",
    ],
)
def test_meal_and_weight_monitoring_is_a_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "La supervisión directa la ofrece una coordinadora que trabajó seis años como especialista de pares.",
        "Follow-up: restock naloxone; add second bathroom check sign-up.",
        "A pesar de todo, el grupo sigue.",
    ],
)  # fmt: skip
def test_words_near_meals_and_weights_are_no_duty(tmp_path: Path, text: str) -> None:
    """ "como" and "comida" share a Snowball stem; "pesar" is also "a pesar de"."""
    assert "no-clinical-duties" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "2.2 Navigator applies the InterQual BH criteria checklist before the case is routed.",
        "• Assists Utilization Management by gathering clinical information for prior authorization requests.",
        "d) Confirm benefit eligibility and determine eligibility for plan programs.",
        "✔️ Apoyo al equipo de autorizaciones previas para recopilar información clínica.",
    ],
)  # fmt: skip
def test_utilisation_review_is_a_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_helping_someone_appeal_a_denial_is_peer_work(tmp_path: Path) -> None:
    line = "Peers help members understand and appeal a denied prior authorization."
    assert "no-clinical-duties" not in flagged(tmp_path, line)


@pytest.mark.parametrize("lead", ["YOU WILL NOT", "Peer staff do not", "Qué NO harás"])
def test_a_lead_in_without_its_colon_excludes_its_list(tmp_path: Path, lead: str) -> None:
    text = (
        f"YOUR WORK\n- Host the Saturday coffee group\n\n{lead}\n- Hold petty cash\n- Pass meds\n"
    )
    data = scan_evidence(tmp_path, text)
    assert not data["red_flags"]
    reasons = {n["reason"] for n in data["not_counted"]}
    assert len(reasons) == 1 and reasons.pop().endswith(f"'{lead}'")


@pytest.mark.parametrize("line", ["WHAT YOU WILL DO", "YOU WILL", "Peer staff do not pass meds."])
def test_a_line_that_is_no_bare_lead_in_excludes_nothing(tmp_path: Path, line: str) -> None:
    text = f"{line}\n- Hold petty cash\n"
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_a_spanish_peer_column_answers_its_row(tmp_path: Path) -> None:
    """ "Coach de recuperación de pares" names the peer role: Spanish names it with "de"
    ("Especialista de pares"); "Supervisora de pares" is someone else."""
    table = (
        "| Tarea | Coach de recuperación de pares | Enfermera |\n"
        "|---|---|---|\n"
        "| Administración de medicamentos | No | Sí |\n"
    )
    data = scan_evidence(tmp_path, table, "matriz.md")
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    supervised = table.replace("Coach de recuperación de pares", "Supervisora de pares")
    assert "no-clinical-duties" in flagged(tmp_path, supervised, "matriz.md")


@pytest.mark.parametrize(
    "text",
    [
        "- Target Average Handle Time: 11 minutes.",
        "C.1 Average handle time ≤ 12 minutes; minimum 4.5 handled calls per logged-in hour.",
        "Occupancy target 85%; wrap-up capped at 90 seconds.",
    ],
)
def test_call_centre_targets_are_a_ratio_flag(tmp_path: Path, text: str) -> None:
    assert "peer-staffing-ratio" in flagged(tmp_path, text)


def test_no_call_targets_is_no_ratio_flag(tmp_path: Path) -> None:
    line = "There are no handle time targets for peer staff."
    assert "peer-staffing-ratio" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "text",
    [
        "- Be on call every fourth weekend as backup for the paid coordinator (unpaid)",
        "D.2 Backup on-call after 11pm is covered by the coordinator on an uncompensated basis.",
        "- Guardia telefónica un fin de semana al mes, sin pago.",
        "Los pares trabajan horas extra sin paga.",
    ],
)
def test_unpaid_on_call_is_a_pay_flag(tmp_path: Path, text: str) -> None:
    assert "peer-retention-and-pay" in flagged(tmp_path, text)


def test_unpaid_alone_in_spanish_is_no_networking_flag(tmp_path: Path) -> None:
    """ "sin pago" alone is a matter of pay; beside the network it is paid networking."""
    assert "paid-networking" not in flagged(tmp_path, "Guardia telefónica, sin pago.")
    assert "paid-networking" in flagged(tmp_path, "Las reuniones de la red de pares son sin pago.")


@pytest.mark.parametrize(
    "text",
    [
        "Los pares ya no están excluidos de la entrega de medicamentos.",
        "Peers are no longer excluded from med pass.",
    ],
)
def test_the_readers_do_not_overrule_an_exclusion_taken_back(tmp_path: Path, text: str) -> None:
    """Both readers weigh "no" and "excluidos" as a protection; the rules read the
    double negation, and the readers may not overrule them there."""
    data = scan_evidence(tmp_path, text + "\n", learned=True)
    assert "no-clinical-duties" in {f["criterion"] for f in data["red_flags"]}


def test_the_readers_still_see_a_plain_exclusion_as_evidence(tmp_path: Path) -> None:
    data = scan_evidence(
        tmp_path, "Los pares están excluidos de la entrega de medicamentos.\n", learned=True
    )
    assert "no-clinical-duties" not in {f["criterion"] for f in data["red_flags"]}
    assert cited_passages(data, "no-clinical-duties")


def test_a_verdict_cell_does_not_take_back_an_exclusion_in_a_later_cell(tmp_path: Path) -> None:
    """ "| No | Yes | PSS are excluded from physical intervention |": the "No" answers
    the row; it is no negation of "excluded" in the comment cell."""
    table = (
        "| Task | PSS | BHT | Comment |\n"
        "|---|---|---|---|\n"
        "| SAMA / restraint / hands-on intervention | No | Yes | PSS are excluded from physical intervention |\n"
    )
    assert "peers-in-mobile-crisis" not in flagged(tmp_path, table, "crosswalk.md")


@pytest.mark.parametrize("title", ["Parent Advocate", "Family Partner", "Promotora"])
def test_a_family_peer_s_title_is_the_peer_column(tmp_path: Path, title: str) -> None:
    table = (
        "The table below shows which tasks belong to the worker and which to the peer.\n\n"
        f"| Task | Children's Service Worker | {title} |\n"
        "|---|---|---|\n"
        "| Transports children | Yes | **No** |\n"
        "| Observes drug screens | Arranges | **No** |\n"
    )
    assert kept_out(tmp_path, table, "no-clinical-duties", "roles.md")


def test_calls_per_hour_alone_is_no_call_target(tmp_path: Path) -> None:
    line = "Staffing is set at one supporter per 8 expected calls per hour, based on 12 months of data."
    assert "peer-staffing-ratio" not in flagged(tmp_path, line)


@pytest.mark.parametrize(
    "text",
    [
        "2.5 Provide written testimony or appear in court when subpoenaed.",
        "The Family Mentor may be called as a witness regarding the above.",
        "Peers testify at hearings before the judge.",
    ],
)
def test_a_court_s_witness_is_a_voluntary_support_flag(tmp_path: Path, text: str) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Testimony before the House Human Services Committee on HB 2213.",
        "3. Transport of a person under an emergency admission order, or serving as witness to the petition.",
        "1.5 Peer Navigators shall not be asked to testify about releasees' private disclosures except as compelled by court order.",
    ],
)  # fmt: skip
def test_testimony_to_a_legislature_or_a_petition_s_witness_is_no_court_report(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


def test_peers_kept_off_the_witness_stand_is_evidence(tmp_path: Path) -> None:
    text = "Peer staff will not testify in court or act as witnesses."
    assert kept_out(tmp_path, text, "voluntary-peer-support")


# An outside review's attacks on the round's rules, each a wrong verdict it found.


@pytest.mark.parametrize(
    "text",
    [
        "Peer staff, who are not clinicians, are prohibited from administering medication.",
        "Not surprisingly, peers are excluded from the medication pass.",
        "No, peers are banned from pat downs.",
        "Los pares, que no son enfermeros, están excluidos de dar medicamentos.",
        "Aunque no son clínicos, los pares están excluidos de las contenciones.",
    ],
)
def test_a_negation_elsewhere_in_the_sentence_takes_back_no_exclusion(
    tmp_path: Path, text: str
) -> None:
    data = scan_evidence(tmp_path, text + "\n", learned=True)
    assert not data["red_flags"]


@pytest.mark.parametrize(
    ("line", "lang", "lead_in"),
    [
        ("YOU WILL NOT", "en", True),
        ("Peer staff do not", "en", True),
        ("Nurses do not", "en", False),
        ("Las enfermeras no", "es", False),
    ],
)
def test_a_line_about_other_staff_is_no_bare_lead_in(line: str, lang: str, lead_in: bool) -> None:
    from advocacy.evidence.passage_scope import bare_lead_in

    assert bare_lead_in(line, lang) is lead_in


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("The official count of people served by peer mentors last year was 412.", "no-clinical-duties"),
        ("Peer mentors walk alongside inmates in recovery.", "no-clinical-duties"),
        ("The peer movement in our state was founded by former inmates.", "no-clinical-duties"),
        ("Los pares acompañan a los internos en su proceso de recuperación.", "no-clinical-duties"),
        ("Los pares apoyan a los participantes con el trámite oficial de registro de votantes.", "no-clinical-duties"),
        ("Peer staff who drive their kids to school may flex their start time.", "no-clinical-duties"),
        ("Transportation is provided by agency drivers so youth can attend peer groups.", "no-clinical-duties"),
        ("We supervise peer staff through monthly site visits.", "no-clinical-duties"),
        ("Peers help parents get ready for supervised visits and debrief afterwards.", "no-clinical-duties"),
        ("Las pares pueden llevar a sus niños a la capacitación.", "no-clinical-duties"),
        ("Llevamos diez años apoyando a niños y familias.", "no-clinical-duties"),
        ("The vital signs of a healthy peer program are trust and choice.", "no-clinical-duties"),
        ("Peer staff observe an unpaid 30-minute meal break.", "no-clinical-duties"),
        ("Peers help people weigh the pros and cons, and let them decide.", "no-clinical-duties"),
        ("Ayudamos a pesar los pros y los contras.", "no-clinical-duties"),
        ("Peer support services require prior authorization after 20 units.", "no-clinical-duties"),
        ("With the member's prior authorization in writing, a peer may talk to the member's family.", "no-clinical-duties"),
        ("This bid responds to the PA Request for Applications for peer services.", "no-clinical-duties"),
        ("Eligibility screening for the peer training program opens in March.", "no-clinical-duties"),
        ("Our plan's peer navigators help members through Medicaid redetermination paperwork.", "no-clinical-duties"),
        ("The peer-run respite occupancy rate was 85% last year.", "peer-staffing-ratio"),
        ("Average talk time on the warmline was 24 minutes, because peers never rush a caller.", "peer-staffing-ratio"),
        ("Cada turno adicional es voluntario y se paga como horas extra.", "peer-retention-and-pay"),
        ("Peer advocates support protesters after pepper spray exposure.", "peers-in-mobile-crisis"),
    ],
)  # fmt: skip
def test_words_of_the_new_duties_in_other_senses_raise_no_flag(
    tmp_path: Path, text: str, criterion: str
) -> None:
    assert criterion not in flagged(tmp_path, text)


def test_an_allowance_in_the_plural_is_still_money(tmp_path: Path) -> None:
    assert "no-clinical-duties" in flagged(
        tmp_path, "Las pares administran las mesadas de los residentes."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Capacitación: videos en línea sobre seguridad, que se ven en casa sin pago.",
        "___ Módulos de cumplimiento en línea (sin pago; completar antes del primer día)",
    ],
)
def test_a_red_flag_s_own_negation_word_does_not_negate_it(tmp_path: Path, text: str) -> None:
    """ "{learning} ~ sin pago" names unpaid training: its "sin" is the flag's wording,
    so the line is a red flag, not evidence that the training is paid."""
    data = scan_evidence(tmp_path, text + "\n")
    assert "peer-specific-training" in {f["criterion"] for f in data["red_flags"]}
    assert not cited_passages(data, "peer-specific-training")


def test_a_negation_word_that_opens_a_red_flag_s_phrase_still_negates_a_later_one(
    tmp_path: Path,
) -> None:
    """A phrase that opens with its negation ("not … session … write") is the absence
    itself there; another "not" inside its match still negates it."""
    line = (
        "2. Do not ask a CPS what someone said in a session, and do not ask a CPS to "
        "write or witness a misconduct report.\n"
    )
    data = scan_evidence(tmp_path, line)
    assert "voluntary-peer-support" not in {f["criterion"] for f in data["red_flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "5. Where the parent is non-compliant, the Family Peer Advocate's summary is attached to the court report.",
        "| Court | Advocate will attach visit summaries to the CSW's court report |",
        "- Coach will log refusals for the judge.",
        "c) Entregar mensualmente a la manejadora de casos un resumen por familia: asistencia a clases.",
        "- Entregar cada mes a la trabajadora social un resumen de asistencia de cada familia",
    ],
)  # fmt: skip
def test_a_summary_on_a_person_for_a_court_or_caseworker_is_a_report(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" in flagged(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "8.2.1(d) Peer Contact Logs are not released to courts, probation, landlords or employers.",
        "La Sra. Archuleta informó que los dos trabajadores de pares pasan de $15 a $19.25 la hora.",
    ],
)  # fmt: skip
def test_logs_kept_from_a_court_or_a_board_s_report_is_no_report_on_a_person(
    tmp_path: Path, text: str
) -> None:
    assert "voluntary-peer-support" not in flagged(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("You will be our only navigator in the northeast region; the rest of the team is in Columbia.", True),
        ("She is the only mentor at the clinic.", True),
        ("The only navigator training this year is in March.", False),
    ],
)  # fmt: skip
def test_a_peer_title_s_noun_alone_names_a_single_peer_position(
    tmp_path: Path, text: str, flag: bool
) -> None:
    assert ("small-peer-teams" in flagged(tmp_path, text)) is flag


@pytest.mark.parametrize(
    "text",
    [
        "- If a youth discloses self-harm, fill out the Safety Plan template with them and upload it for their therapist.",
        "4. Complete the Stanley-Brown safety plan with clients who endorse SI and route it to the clinician.",
        "- Si un joven habla de hacerse daño, llenar el Plan de Seguridad con él y dejarlo en la carpeta de la terapeuta.",
    ],
)  # fmt: skip
def test_a_safety_plan_done_for_a_clinician_is_a_duty(tmp_path: Path, text: str) -> None:
    assert "no-clinical-duties" in flagged(tmp_path, text)


def test_safety_plans_left_to_the_clinician_is_no_flag(tmp_path: Path) -> None:
    line = "Peers do not complete safety plans; the therapist does, with the youth if they want a peer there."
    assert "no-clinical-duties" not in flagged(tmp_path, line)
