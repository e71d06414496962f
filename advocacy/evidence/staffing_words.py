"""The words :mod:`advocacy.evidence.staffing` reads staffing figures by, English and Spanish.

Lower case; a word here is one run of letters (``peer-run`` is ``peer``, ``run``).
"""

from __future__ import annotations

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0.5,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "medio": 0.5, "media": 0.5,
}  # fmt: skip

# The noun a peer job title ends in: "peer support specialist", "recovery coach".
HEADS = frozenset(
    "specialist specialists coach coaches navigator navigators advocate advocates mentor "
    "mentors bridger bridgers worker workers supporter supporters staff fte ftes position "
    "positions partner partners especialista especialistas navegador navegadores navegadora "
    "navegadoras mentora mentoras mentores promotor promotores promotora promotoras "
    "consejero consejeros consejera consejeras puesto puestos plaza plazas".split()
)
# Words that make a title a peer's: before its noun ("peer", "recovery", "family partner")
# or after it ("especialista de pares", "… en apoyo entre pares").
PEER_BEFORE = frozenset("peer peers recovery family parent youth".split())
PEER_AFTER = frozenset("pares".split())
# Titles that are peer staff on their own; "CPS caseworkers" (child protective services)
# are not, nor is a plain "peer" before any other noun ("peer agencies", "peer-reviewed").
ACRONYMS = frozenset("cps cpss pss prss rss crs fps cprs".split())
NOT_AFTER_ACRONYM = frozenset("caseworker caseworkers worker workers investigator case".split())
# "peers", "pares" are staff by themselves.
PLURAL_PEERS = frozenset("peers pares".split())
# After "peer", words that show it is a person: "one peer will cover", "1 peer per 80".
PERSON_AFTER_PEER = frozenset(
    "will is was has had for to per who covers serves sees carries can may must shall in on "
    "at and or works supports across covering between among with from over "
    "para por con en que cubre atiende atenderá".split()
)
# After a title, words that make it a group, not a count of staff ("one peer team").
GROUP = frozenset(
    "team teams group groups meeting meetings circle circles network networks program "
    "programs run led respite agencies agency reviewed equipo equipos grupo grupos reunión "
    "reuniones red programa".split()
)
# Words showing a clause is about peer staff at all.
PEER_MARKERS = frozenset("peer peers pares".split()) | ACRONYMS
# Other staff: a ratio or caseload named next to them is theirs.
OTHER_STAFF = frozenset(
    "clinician clinicians clinical therapist therapists nurse nurses manager managers "
    "counselor counselors psychiatrist psychiatrists prescriber prescribers psychologist "
    "enfermera enfermeras terapeuta terapeutas psiquiatra psicólogo psicóloga clínicos".split()
)
# Titles whose FTEs are not peers': "1 Program Director (0.2 FTE)", "a 1.0 FTE aide".
OTHER_ROLES = frozenset(
    "director directors coordinator coordinators supervisor supervisors physician doctor "
    "aide aides technician technicians tech techs clerk assistant directora coordinadora "
    "supervisora técnico técnicos asistente".split()
)
PEOPLE = frozenset(
    "people ppl persons individuals clients participants members patients residents adults "
    "youth youths students tenants releasees consumers families veterans guests admissions "
    "referrals enrollees enrolled beds bed connections inmates children users beneficiaries "
    "cases callers women men seniors survivors intakes "
    "personas participantes clientes pacientes residentes afiliados afiliadas inscritos "
    "inscritas adultos jóvenes familias estudiantes camas admisiones miembros niños niñas "
    "usuarios usuarias beneficiarios beneficiarias casos mujeres hombres".split()
)
# Words a count of people can follow: "census of 96", "caseload (48)".
LEADS = frozenset("census caseload caseloads panel enrollment carga".split())
# A caseload or panel is one peer's own, and so are the people of "each peer".
CASELOAD = frozenset("caseload caseloads panel".split())
EACH = frozenset("each every per cada".split())
SINGLE = frozenset("sole only single lone solo sola único única".split())
DETERMINERS = frozenset("the a an our this el la nuestro nuestra este esta".split())
EVERYONE = frozenset("all every entire whole full todas todos toda todo".split())
PLACES = frozenset(
    "units sites programs regions clinics counties hospitals schools campuses census caseload "
    "homes houses buildings shelters residences locations offices unit site program region "
    "clinic county hospital campus building agency system state "
    "sedes unidades programas regiones clínicas condados hospitales escuelas municipios "
    "hogares casas edificios albergues residencias oficinas centros sede unidad programa "
    "región clínica condado edificio agencia sistema estado municipio isla".split()
)
WIDE = frozenset("agency county region state program system".split())
# What makes a number, by the word after it, something other than a count of people or staff.
NOT_COUNTS = frozenset(
    "% $ / hours hour hrs hr days day weeks week months month years year minutes miles am pm "
    "percent time times more main street st ave avenue road rd blvd drive suite square sq "
    "annual dollars th nd rd horas días semanas meses años minutos millas vez veces más calle "
    "avenida dólares".split()
)
# Words that make the figure after them a label, an address or an amount ("Year 2",
# "Section 4", "BH-211", "call 988", "Building 300", "salary 45,000").
LABELS = frozenset(
    "year phase level grade step tier no number page section item line room unit floor suite "
    "ward pod exhibit attachment question cohort part fy bh call dial text i route highway "
    "hwy zip code codes building bldg salary wage wages pay budget rent cost costs "
    "año fase nivel paso página sección artículo línea sala unidad piso anejo pregunta parte "
    "llame llamar salario sueldo presupuesto renta / $".split()
)
# After these a count of people is a part of a total: "40 of the 600 clients".
TOTAL_BEFORE = (("of", "the"), ("de", "los"), ("de", "las"))
CEILINGS = (("no", "more", "than"), ("not", "more", "than"), ("no", "más", "de"))
# Words that show a count of people is a year's (or a grant's) throughput, not a caseload.
ANNUAL = frozenset("year yearly annually yr fy since año anual anuales anualmente".split())
# Words after a comma that start a clause of its own: ", and the program serves 300".
CLAUSE_STARTS = frozenset("and but while with y pero mientras con".split())
