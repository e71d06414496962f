"""The words the scope rules look for, per language (English and Spanish).

Negation triggers and pseudo-triggers (NegEx's "not only", "no lack of"),
terminators, copulas, subordinators, words of exclusion and weak qualifiers:
the vocabulary of :mod:`advocacy.evidence.scope` and
:mod:`advocacy.evidence.clauses`, kept apart from their rules so that a
reviewer can read and extend the lists in one place.
"""

from __future__ import annotations

import re

TRIGGERS = {
    "en": frozenset(
        "not no never without cannot can't won't don't doesn't didn't isn't aren't wasn't "
        "weren't shouldn't mustn't wouldn't couldn't shan't neither nor none nobody nobody's "
        "prohibited forbidden excluding excludes excluded exclude refrain avoid "
        "denies denied deny barred banned remove removes removed removing relieve relieves "
        "relieved strike strikes striking struck delete deletes deleted deleting eliminate "
        "eliminates eliminating "
        # typed without the apostrophe in chats and small ads: "we dont do drug tests"
        "dont doesnt didnt isnt arent wasnt werent wont cant shouldnt wouldnt couldnt".split()
    ),
    "es": frozenset(
        "no nunca jamás jamas sin ni tampoco ningún ningun ninguna ninguno nada nadie "
        "prohibido prohibida prohibidos prohibidas excluido excluida excluidos excluidas excepto eliminar elimine "
        "eliminen suprimir suprime quitar".split()
    ),
}

# The verbs of an employer's refusal to give (see PHRASE_TRIGGERS, SHORT_SCOPE).
REFUSING = ("declines", "declined", "refuses", "refused")

# The people a program serves, English and Spanish.
PEOPLE_SERVED = frozenset(
    "guest guests resident residents client clients participant participants member members "
    "patient patients tenant tenants individual individuals consumer consumers veteran "
    "veterans youth people person persons "
    "huésped huéspedes residente residentes cliente clientes participante participantes "
    "miembro miembros paciente pacientes inquilino inquilinos persona personas".split()
)

PHRASE_TRIGGERS = {
    "en": (
        "rather than",
        "instead of",
        "in lieu of",
        "free from",
        "free of",
        "no longer",
        "negative for",
        "absence of",
        "distinct from",
        "different from",
        "differs from",
        "separate from",
        "as opposed to",
        "unlike",
        # an employer's refusal to give: "The Employer declines to provide paid time for …"
        # (not "the person may decline to talk with the peer", nor "refused to cover the med
        # cart", "declined to assist with a hold", a refusal held against a peer); it
        # reaches the words right after it only (see SHORT_SCOPE)
        *(
            f"{verb} to {give}"
            for verb in REFUSING
            for give in "provide fund pay approve offer reimburse grant".split()
        ),
        # a peer worker's own refusal: "I have refused to report on people to probation"
        "i refused to",
        "i refuse to",
        "we refuse to",
        "i have refused to",
        "we have refused to",
        # keeping a confidence: "declining to share what people tell them"
        "declining to share",
        "declined to share",
        "decline to share",
        "refusing to share",
        # kept from a duty: "Peer staff are exempt from the med pass" (not after a negation
        # of its own: "no peer is exempt from", see scope.negation)
        "exempt from",
        "exempted from",
        "excused from",
        # kept out of a duty: "Keep peer staff out of medication administration", "peers stay
        # out of court letters", "an explicit exclusion of medication administration" (not
        # "out of pocket", "run out of meds": the keeping, or who is kept, comes first)
        *(
            f"{keep} out of"
            for keep in (
                "keep keeps kept keeping stay stays stayed staying them peers staff "
                "navigators coaches specialists mentors"
            ).split()
        ),
        "exclusion of",
        "exclusions of",
    ),
    "es": (
        "me negué a",
        "me niego a",
        "nos negamos a",
        "en lugar de",
        "en vez de",
        "fuera de",
        "distinto de",
        "diferente de",
        "a diferencia de",
        "exento de",
        "exenta de",
        "exentos de",
        "exentas de",
        "exclusión de",
    ),
}

# Pseudo-triggers too, before a verb in "-ing": a duty that goes on, complained of ("our
# peer can't keep covering the booking desk", "no podemos seguir cubriendo la recepción");
# "can't keep the petty cash" is a negation, and so is a practice ended ("we can't keep
# asking peers to give medications", "no podemos seguir pidiendo a los pares que …").
GOING_ON = {
    "en": ("can't keep", "cant keep", "cannot keep"),
    "es": ("no puedo seguir", "no puede seguir", "no podemos seguir", "no pueden seguir"),
}
GERUND = {"en": ("ing",), "es": ("ando", "iendo", "yendo")}
# The verbs of a practice ended: what someone asks of peers, not what peers do.
ENDED_PRACTICE = frozenset(
    "asking having making expecting letting using sending assigning requiring telling "
    "pidiendo mandando usando obligando asignando poniendo teniendo".split()
)
# A pseudo-trigger that is a negation after all before these words: "no cost-of-living
# increase" is no raise, not "at no cost".
PSEUDO_UNLESS_NEXT = {"no cost": ("of", "living"), "at no cost": ("of", "living")}

PSEUDO = {
    "en": (
        "not only",
        "not just",
        "no lack of",
        "not limited to",
        "no later than",
        "no more than",
        "no less than",
        "no fewer than",
        "not less than",  # a floor, as contracts write it: "not less than two (2) FTE"
        "not fewer than",
        "not more than",
        "not necessarily",
        "no matter",
        "not available",  # "sit with patients when a sitter is not available": covering for one
        "isn't available",
        "not to exceed",
        "without delay",
        "no doubt",
        # a doubt, not a negation: "I'm not sure I'm supposed to be the 2nd staff"
        "not sure",
        "not certain",
        "no cost",
        "at no cost",
        "no increase",
        "no change",
        "no show",  # "no-show": a missed appointment
        "no shows",
        # a negative noun after the trigger: "no loss of benefits" keeps them
        "no loss",
        "no reduction",
        "no cut",
        "no decrease",
        "without loss",
        "without reduction",
        "without a reduction",
        # a reminder asserts the duty: "don't forget the med count sheets"
        "don't forget",
        "dont forget",
        "do not forget",
        "never forget",
        "don't hesitate",
        "dont hesitate",
        # a risk, not a negation: "the levy may not renew", "the grant might not be renewed"
        "may not renew",
        "might not renew",
        "may not be renewed",
        "might not be renewed",
    ),
    "es": (
        "no solo",
        "no sólo",
        "no solamente",
        "no únicamente",
        "que no se renueve",
        # un recordatorio afirma la tarea: "no olviden contar las pastillas"
        "no olvides",
        "no olviden",
        "no se olviden",
        "no te olvides",
        "no se te olvide",
        "no se les olvide",
        "podría no renovarse",
        # "only", not a negation: "somos tres nada más", "nada más reparten las pastillas"
        "nada más",
        "sin embargo",
        "no esté disponible",
        "no está disponible",
        "no estén disponibles",
        "sin duda",
        "no estoy segura",
        "no estoy seguro",
        "no sé si",
        "no más de",
        "no menos de",
        "no más tarde",
        "sin costo",
        "sin pérdida",
        "sin reducción",
        "sin reducir",
        # a class of staff, not a negation: "Evaluación de desempeño — Personal No Facultativo"
        "no facultativo",
        "no facultativa",
        "no docente",
        "no exento",
        "no exenta",
        "no exentos",
        "no sindicalizado",
        "no sindicalizada",
        "no unionado",
        "no unionada",
        "no gerencial",
    ),
}

TERMINATORS = {
    "en": frozenset("but however although though except yet whereas unless while until".split()),
    "es": frozenset("pero aunque excepto salvo sino mientras embargo".split()),
}

# "until" and "hasta que" end a negation: "no call is closed until the peer completes a
# risk assessment" has the peer complete it
PHRASE_TERMINATORS = {
    "en": ("apart from", "other than", "aside from"),
    "es": ("a menos que", "hasta que"),
}

COPULAS = frozenset(
    "is are was were will be been being shall should must may es son está están será serán "
    "queda quedan".split()
)

POST = frozenset("not never no nunca".split())

# A protection said missing after it is named: "release time for peer network
# meetings is not covered", "eso no se paga". HELD words say so only in a
# perfect tense ("the peer staff meeting has not been held since August"), not
# of one occasion ("is not held on holidays").
WITHHELD = (
    "cover provid paid pay fund offer reimburs budget allow approv includ availab guarant "
    "cubr cubiert pag financ ofrec permit aprob inclu disponib garantiz"
).split()
HELD = "held met happen occur conven celebr realiz reun hech".split()
PERFECT = frozenset(
    "has have had hasn't haven't hadn't been since ha han había habían desde".split()
)

# Participles of exclusion, which negate on their own and are taken back by a negation
# right on them ("not excluded", "no longer barred", "ya no están excluidos"; not "Peer
# staff, who are not clinicians, are prohibited from …").
EXCLUDED_PARTICIPLES = frozenset(
    "excluded barred banned prohibited forbidden excluido excluida excluidos excluidas "
    "prohibido prohibida prohibidos prohibidas".split()
)
# Words between such a negation and its participle: "not *be* excluded", "no *longer*
# barred", "no *están* excluidos".
BEFORE_PARTICIPLE = frozenset(
    "be is are was were been being get gets got longer ever está están estar estará "
    "estarán es son será serán sea sean fue fueron era eran estaba estaban ya".split()
)
# Words that negate in turn what a trigger before them negates: "No peer is *exempt* from
# the medication pass", "It is not *optional* to complete a note", "may not *decline* to",
# "No se permitirá que se *niegue* a transportar", "Peers are no longer *excluded* from med
# pass" (a participle only where the negation is right on it: clauses.negative_predicates).
NEGATIVE_PREDICATES = EXCLUDED_PARTICIPLES | frozenset(
    "exempt exempted excused optional decline declines declining refuse refuses refusing "
    "limited opt waive waived exento exenta exentos exentas opcional opcionales niegue "
    "nieguen negarse niega niegan rechace rechacen rechazar".split()
)

# Words between a negation and a protection it would say is missing, which the negation
# then applies to instead: the protection is kept ("will never *cut* the ratio", "nunca se
# *reducirá* la proporción", "no *limit* on paid networking time", "sin *tope* de horas
# de red"). A limit that is itself the protection is part of the match ("no caseload
# limit", "sin límite de casos"), not between.
LOSSES = {
    "en": re.compile(
        r"cut|cuts|cutting|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)"
        r"|cancel(?:s|led|ed|ling|ing)?|skip(?:s|ped|ping)?|los(?:e|es|ing)|lost|miss(?:es|ed|ing)?"
        r"|drop(?:s|ped|ping)?|suspend(?:s|ed|ing)?|pause[sd]?|pausing|shorten(?:s|ed|ing)?"
        r"|limit(?:s|ed|ing)?|caps?|capped|ceilings?|restrict(?:s|ed|ing|ions?)?|maximum"
    ),
    "es": re.compile(
        r"reduc\w*|recort\w*|elimin\w*|cancel\w*|suspend\w*|quit\w*|perd\w*|pierd\w*"
        r"|acort\w*|disminu\w*|límites?|limit\w*|topes?|máxim[oa]s?|restring\w*|restricci\w*"
    ),
}

# Spanish negative concord: "no … nunca", "no hay ninguna reunión" is one negation, so a
# "no" before these does not take them back as "no … without" does.
CONCORD = frozenset("nunca jamás ningún ninguna ninguno nada nadie ni tampoco nor".split())

POST_WORDS = frozenset(
    "prohibited excluded forbidden declined refused rejected rechazadas rechazados prohibido prohibida prohibidos prohibidas excluido "
    "excluida excluidos excluidas".split()
)

COORDINATORS = frozenset("and but y pero".split())

SUBORDINATORS = frozenset(
    "when whenever if where once until because since after before "
    "cuando si donde mientras porque".split()
)

# After an opening "when …" clause with no comma, the main clause's subject and a modal
# ("when you're not in group *you can* help with lunch duty").
MAIN_SUBJECTS = frozenset("you we they he she i".split())
MODALS = frozenset("can will may must should shall would could".split())

# Before a match, "if" makes a negation inside it a condition: "positions end if the grant is
# not renewed" (see scope._if_before).
CONDITIONALS = frozenset("if unless si".split())

# Excluding lead-ins inside a sentence ("Duties do not include: …", see scope.listed_after).
# Nouns of exclusion that make a lead-in one by themselves ("Explicit exclusions:").
EXCLUSIONS = frozenset("exclusions exclusion exclusiones exclusión".split())
# With a word of exclusion, words that make it about the role ("Excluded from peer duties:",
# "Outside the peer role:"), not "Prohibited items:" or "Outside clinic hours:".
ROLE_WORDS = frozenset(
    "role roles scope duty duties job position tasks task responsibilities rol funciones "
    "función tareas tarea puesto deberes peer peers par pares".split()
)
# A word opening a sentence with its subject after a colon: no list follows ("No: peers
# pass meds on nights", "Prohibited items: peer staff search bags").
SUBJECTS = frozenset(
    "peer peers staff we you they everyone everybody all i he she los las nosotros ellos "
    "ellas usted ustedes todos".split()
)
# After its negation, the words a lead-in may end in: the verb of what is (not) done.
LEAD_IN_VERBS = frozenset(
    "include includes including do does doing be to will perform performs participate "
    "participates handle handles take part in asked expected assigned responsible for "
    "the following these duties tasks on ask "
    "permitted allowed authorized authorised "
    "incluye incluyen incluirá incluirán harás hará harán hacen hace realizan realizará "
    "realizarán participan participará participarán se les pedirá".split()  # "no se les pedirá:"
)

SHORT_SCOPE = frozenset("without sin rather instead lieu free lugar vez".split()) | frozenset(
    REFUSING
)
# After a protection, words that put it off or call it off ("Peer trainings scheduled for
# March are postponed", "the pay equity study was postponed again"), after a verb "to be".
# Evidence only: a duty "postponed" may still come.
PUT_OFF = frozenset(
    "postponed cancelled canceled suspended discontinued pospuesto pospuesta pospuestos "
    "pospuestas cancelado cancelada cancelados canceladas suspendido suspendida suspendidos "
    "suspendidas".split()
)
PUT_OFF_VERBS = COPULAS | frozenset("been fue fueron ha han sido".split())
# "Peer staff are exempt from the med pass": a negation of the words right after it only
# (scope.negation), not "exempt from overtime and pass meds", "excused from group
# supervision to pass meds", nor an exemption limited after it ("… only when a nurse is
# on site", "… except during shortages").
EXEMPTING = frozenset("exempt exempted excused exento exenta exentos exentas".split())
EXEMPTION_LIMITS = frozenset(
    "only except unless when whenever if during solo sólo excepto salvo cuando si durante".split()
)

# A negation in a relative clause ("clients *who do not* attend", "quienes no acudan")
# negates that clause only, not the duty after it ("… and report the absence").
RELATIVES = frozenset("who whom whose which quien quienes cuyo cuya cuyos cuyas".split())
# Words that open the clause a long lead-in ends with ("… agreement that you will never do").
LEAD_IN_CLAUSE = frozenset("that what which que".split())
# Words that open an item of their own after a lead-in's list ("You will not: handle cash;
# your main duties include …"): the list has ended.
OWN_ITEM = frozenset("your our their tu tus su sus nuestro nuestra nuestros nuestras".split())
# A lead-in of one word that keeps its list out ("Excluded:", "Never:", "Nunca:").
ONE_WORD_LEAD_INS = frozenset(
    "excluded excludes exclusions prohibited never excluidas excluidos prohibido prohibidos "
    "prohibidas nunca jamás".split()
)
# The words of a lead-in's list named as such ("Peers shall not perform the following duties.",
# "Lo siguiente es nuevo en tu rol:")
LIST_WORDS = frozenset("following siguiente siguientes".split())

EXCLUDING_WORDS = frozenset(
    "outside excluded exclude excludes excluding exclusions prohibited beyond "
    "excluidas excluidos excluida excluido fuera prohibidas prohibidos prohibido prohibida".split()
)
# A lead-in that says the work outside the role is being handed out ("I have been
# directed to do work outside my job description, including:", "nos piden tareas
# fuera del rol:") is a complaint: what it lists is assigned, not excluded.
ASSIGNED_LEAD_IN = re.compile(
    r"\b(?:i|we|you|they|peers?|peer staff)(?:'ve|'re|\s+have|\s+had|\s+are|\s+were|\s+was|\s+am"
    r"|\s+keep)?(?:\s+been|\s+being|\s+getting)?\s+(?:directed|asked|told|made|expected|pulled"
    r"|pushed|instructed)\s+to\b"
    r"|\b(?:me|nos|les)\s+(?:han\s+|ha\s+)?(?:piden|pidieron|pide|pidió|pedido|asignan|"
    r"asignaron|asignado|obligan|mandan|mandaron)\b",
    re.IGNORECASE,
)

# A heading that names what goes wrong ("What's not", "What isn't working", "Lo que no
# funciona"): what it lists is reported as happening, not excluded from the role.
# A contract amendment's lead-in: what follows replaces the deleted text ("Section 3.4 is
# deleted and replaced with the following:", "se elimina y se sustituye por lo siguiente:").
REPLACED_LEAD_IN = re.compile(
    r"\b(?:replaced|substituted|amended|restated|revised|sustitu\w*|reemplaz\w*)\s+"
    r"(?:(?:in\s+its\s+entirety\s+)?(?:with|by|to\s+read|as\s+follows|por|con))\b",
    re.IGNORECASE,
)
PROBLEMS_HEADING = re.compile(
    r"^\W*(?:what|things?|stuff|where|lo|qu[eé]|cosas|d[oó]nde)\b[\w\s'’]*?"
    r"(?:\bnot|\w+n['’]t|\bno)\b\s*(?:(?:so|very|too|muy|tan)\s+)?"
    r"(?:working|work|works|going\s+(?:well|great|good|so\s+well)|well|great|good|ok|okay|"
    r"right|helping|funciona|funcionan|funcionando|va\s+bien|van\s+bien|anda\s+bien|"
    r"est[aá]\s+funcionando|sirve|sirven|"
    # what a union or a review did not win: "What we did NOT get:", "Lo que no logramos:"
    r"get|got|gotten|win|won|achieve|achieved|fixed|resolved|changed|obtuvimos|conseguimos|"
    r"logramos|cambi[oó])?\W*$",
    re.IGNORECASE,
)

# A lead-in that keeps work out of the role in words other than a verb of doing, with
# its colon or without, over the list of that work (see scope.excluding_lead): not part
# of the job or role itself ("Not part of this job:", "Lo que NO forma parte de este
# puesto"), not of a team ("Not part of the peer team but still expected"); "do not ask"
# with only whom it asks after it ("THINGS WE DO NOT ASK OF YOU", "Please do not ask
# warmline peers to:"), not "We never ask you to work alone".
KEPT_OUT_OF_ROLE = re.compile(
    r"\b(?:not|no)\s+(?:(?:forma|forman|es|son|is|are)\s+)?(?:part|parte)\s+(?:of|de|del)\s+"
    r"(?:(?:this|the|your|our|a|any|este|esta|tu|su|mi|nuestro|el|la)\s+)?(?:\w+\s+){0,3}?"
    r"(?:job|role|position|post|puesto|rol|trabajo|cargo|servicio)\b"
    r"|\b(?:do\s+not|don['’]t|never|will\s+not|won['’]t)\s+ask"
    r"(?:\s+(?:of\s+)?(?:you|them|peers|peer\s+staff|(?:a|an|the|our|\w+)\s+\w+))?(?:\s+to)?\W*$"
    r"|\bno\s+(?:le|les|te)\s+(?:pedimos|pediremos|pedirá|pedirán)\W*$"
    # "Duties programs agree to keep out of peer roles", "Tasks we keep out of the job"
    r"|\b(?:keep|keeps|kept|keeping)\s+(?:\w+\s+){0,3}?out\s+of\s+(?:\w+\s+){0,3}?"
    r"(?:job|jobs|role|roles|position|positions|duties|work)\b",
    re.IGNORECASE,
)
# Words that make such a lead-in say the work is only put off or still expected ("Not
# part of this job yet, but coming in March", "Things we do not ask of you often").
NOT_KEPT_OUT = re.compile(
    r"\b(?:yet|but|still|often|until|except|pero|aún|todavía|hasta|excepto)\b", re.IGNORECASE
)

# A lead-in to signs a supervisor is to watch for ("Watch for role drift. Common signs:",
# "Look out for these warning signs:"): what it lists is to be caught, not assigned.
WATCH_FOR_LEAD_IN = re.compile(
    r"\b(?:watch|look)\s+(?:out\s+)?for\b.*\b(?:signs?|drift|red\s+flags?)\b"
    r"|\b(?:vigil[ea]\w*|est[eé]\s+atent[oa])\b.*\b(?:señales|señal|desv[ií]o)\b",
    re.IGNORECASE,
)

WEAK = {
    "en": (
        "preferred",
        "preference",
        "a plus",
        "desirable",
        "desired",
        "ideally",
        "ideal",
        "helpful",
        "an asset",
        "welcome",
        "welcomed",
        "not required",
        "not necessary",
        "not mandatory",
        "not essential",
        "not a requirement",
        "do not need",
        "does not need",
        "don't need",
        "doesn't need",
        "need not",
        "optional",
        "nice to have",
        "not a must",
        "big plus",
        "a bonus",
        "encouraged",
        "will be considered",
        "valued but not required",
        # a misspelt preference, and a requirement being given up
        "prefered",
        "not neccessary",
        "not needed",
        "an advantage",
        "no longer required",
        "no longer a requirement",
        "no longer be a requirement",
        "requirement will be removed",
        "requirement will be dropped",
        "requirement will be waived",
        "requirement is removed",
        "requirement is waived",
        "may be waived",
        "can be waived",
        # not asked for at all: "lived experience not a criterion"
        "not a criterion",
    ),
    "es": (
        "preferida",
        "preferido",
        "preferible",
        "preferiblemente",
        "se prefiere",
        "deseable",
        "idealmente",
        "no requerida",
        "no requerido",
        "no es requisito",
        "no se requiere",
        "no necesita",
        "no necesitan",
        "no se necesita",
        "no se necesitan",
        "no hace falta",
        "no es necesaria",
        "no es necesario",
        "no obligatoria",
        "no obligatorio",
        "no indispensable",
        "no imprescindible",
        "no es indispensable",
        "no es imprescindible",
        "preferente",
        "preferentemente",
        "deseada",
        "deseado",
        "se valora",
        "opcional",
        "un plus",
        "se valorará",
        "valorable",
        "se considerará",
        "se tomará en cuenta",
        "una ventaja",
        "es una ventaja",
        "ya no es requisito",
        "ya no será requisito",
        "ya no se requiere",
        "ya no se requerirá",
        "dejará de ser requisito",
        "se eliminará",
        # "se prefiere, pero no se exige"; "qué bueno, pero no es obligatorio"
        "no se exige",
        "no es obligatoria",
        "no es obligatorio",
        "no es un requisito",
    ),
}
