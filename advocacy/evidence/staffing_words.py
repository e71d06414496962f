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
    "mentors bridger bridgers worker workers supporter supporters helper helpers staff fte ftes position "
    "positions partner partners especialista especialistas navegador navegadores navegadora "
    "navegadoras mentora mentoras mentores promotor promotores promotora promotoras "
    "consejero consejeros consejera consejeras puesto puestos plaza plazas counselor "
    "counselors professional professionals".split()
)
# Words that make a title a peer's: before its noun ("peer", "recovery", "family partner")
# or after it ("especialista de pares", "… en apoyo entre pares").
PEER_BEFORE = frozenset("peer peers recovery".split())
PEER_AFTER = frozenset("pares par recuperación".split())
# Title nouns that name the peer job by themselves right after a count or "each", in the
# documents of programs that call their peers so ("1 coach for ~900 patients", "Jail ADP
# ~180; one coach", "Each Navigator will carry …"); not with another noun before them
# ("one health coach", "two housing navigators").
BARE_TITLES = frozenset(
    "coach coaches navigator navigators mentor mentors bridger bridgers".split()
)
# "Family Partner", "Parent Partner": a peer title of its own.
PARTNERS = frozenset("partner partners".split())
FAMILY = frozenset("family parent".split())
# Titles that are peer staff on their own; "CPS caseworkers" (child protective services)
# are not, nor is a plain "peer" before any other noun ("peer agencies", "peer-reviewed").
# States name their credentials differently: Certified Recovery Support Worker (CRSW),
# Certified Recovery Support Specialist (CRSS), Certified Peer Recovery Coach (CPRC).
_ONE_TITLE = "cps cpss pss prs prss rss crs crss crps fps cprs cpsw cpc cprc crpa crsw fpa ypa"
# Their plurals where an "s" can be added ("2 CRSWs for 600 patients"); "CPSs" reads as "cpss".
PLURAL_ACRONYMS = frozenset(t + "s" for t in _ONE_TITLE.split() if not t.endswith("s"))
ACRONYMS = frozenset(_ONE_TITLE.split()) | PLURAL_ACRONYMS
NOT_AFTER_ACRONYM = frozenset("caseworker caseworkers worker workers investigator case".split())
# "peers", "pares" are staff by themselves.
PLURAL_PEERS = frozenset("peers pares".split())
# The last word of any peer title.
TITLE_NOUNS = ACRONYMS | PLURAL_PEERS | HEADS
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
    "psychiatrist psychiatrists prescriber prescribers psychologist social caseworker "
    "caseworkers management probation officer officers trabajador trabajadora "
    "trabajadores manejadora manejador "
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
    "cases callers women men seniors survivors intakes folks discharges "
    "personas participantes clientes pacientes residentes afiliados afiliadas inscritos "
    "inscritas adultos jóvenes familias estudiantes camas admisiones miembros niños niñas "
    "usuarios usuarias beneficiarios beneficiarias casos mujeres hombres veteranos altas".split()
)
# Words a count of people can follow: "census of 96", "caseload (48)", a jail's average
# daily population ("ADP ~180").
LEADS = frozenset("census caseload caseloads panel enrollment adp carga".split())
# A caseload or panel is one peer's own, and so are the people of "each peer".
CASELOAD = frozenset("caseload caseloads panel".split())
EACH = frozenset("each every per cada".split())
SINGLE = frozenset("sole only single lone solo sola único única".split())
DETERMINERS = frozenset("the a an our this el la nuestro nuestra este esta".split())
EVERYONE = frozenset("all every entire whole full todas todos toda todo".split())
PLACES = frozenset(
    "units sites programs regions clinics counties hospitals schools campuses census caseload "
    "homes houses buildings shelters residences locations offices unit site program region "
    "clinic county hospital campus building agency system state boroughs towns "
    "neighborhoods center centers centre centres district districts facility facilities "
    "sedes unidades programas regiones clínicas condados hospitales escuelas municipios "
    "hogares casas edificios albergues residencias oficinas centros sede unidad programa "
    "región clínica condado edificio agencia sistema estado municipio isla barrios "
    "pueblos".split()
)
WIDE = frozenset("agency county region state program system".split())
# The same written as one word: "countywide", "statewide".
WIDE_WORDS = frozenset(f"{place}wide" for place in WIDE)
# What makes a number, by the word after it, something other than a count of people or staff.
NOT_COUNTS = frozenset(
    "% $ / + hours hour hrs hr days day weeks week months month years year minutes miles am pm "
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
CEILINGS = (
    ("no", "more", "than"),
    ("not", "more", "than"),
    ("no", "más", "de"),
    ("a", "maximum", "of"),
    ("un", "máximo", "de"),
)
# Words that show a count of people is a year's (or a grant's) throughput, not a caseload.
ANNUAL = frozenset("year yearly annually yr fy since año anual anuales anualmente".split())
# Words after a comma that start a clause of its own: ", and the program serves 300".
CLAUSE_STARTS = frozenset("and but while with y pero mientras con".split())
# Between a count and its title, or after the title, words that make it someone who leads
# peers, not the peers counted ("one lead peer specialist", "Recovery Coach Supervisor").
LEADING = frozenset(
    "lead supervisor supervisors coordinator coordinators manager director supervisora "
    "coordinadora coordinador director directora".split()
)
# Nouns counted that are not people: "150 outreach calls to clients", "96 group sessions".
ACTIVITIES = frozenset(
    "calls sessions groups visits contacts kits workshops meetings classes trainings "
    "encounters events hours units presentations llamadas sesiones grupos visitas contactos "
    "talleres reuniones clases adiestramientos eventos presentaciones".split()
)
# Before a count of people, words that make it an attendance or a referral, not a caseload.
ATTENDANCE = frozenset(
    "attended attendance reached referred asistieron asistencia referidos referidas".split()
)
# Words that make "1 to 120" a ratio where no title stands beside it.
RATIO_WORDS = frozenset("ratio ratios proporción razón".split())
# A caseload that peers share is not one peer's.
SHARED = frozenset("share shared total combined comparten compartida combinada".split())
# Before a single peer, words that put it aside: "rather than one peer for the whole county".
INSTEAD = (("rather", "than"), ("instead", "of"), ("en", "lugar"), ("en", "vez"))
# After a count of peers, words that make the people after it each peer's: "two peers each".
EACH_AFTER = frozenset("each apiece cada".split())
# Title nouns that name no job by themselves ("staff", "FTE", "positions").
GENERIC_HEADS = frozenset("staff fte ftes position positions puesto puestos plaza plazas".split())
