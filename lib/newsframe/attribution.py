"""Who said each statement: source, reporting cue, content and quote type.

Rule-based on purpose: news attribution is formulaic ("X said", "according to X", a quote
closed by "he added"), the rules run at corpus scale without models, and every decision can
be read off the cue and source spans kept with each statement. Text inside quotation marks
is masked before cues are searched, so words a speaker says never become a new attribution.
The cue verbs are general English reporting verbs; corpus knowledge (who is who) comes only
from the codebook through ``actors``.

Besides "X said"-type verbs, the finder knows the other shapes news attribution takes:
verbs of believing and wanting ("X expects", "Y seems to"), nominal cues owned by a possessor
("Trump's call for", "her claim that"), "according to", a name and a colon, a passive with its
agent ("was reported by X"), agentless reports ("is expected to", "When asked whether"), which
give no speaker, a second verb of one subject ("He called it X and said ..."), sources that
carry a relative clause ("Levine, who has given money to Rubio, said"), and headlines in title
case ("Trump Says ..."). ``bench/attribution_polnear.py`` scores them against PolNeAR.

Every attribution found is kept (PolNeAR marks nested ones too), but a statement takes its
speaker only from a cue that heads a clause of its own: a cue whose subject follows "what",
"when", "because", a relative "that"/"which"/"who" and the like ("the deal averted what X
predicted would be ...", "the memoir omits the hug, which he claimed ...") reports speech inside
the writer's sentence, which then has no speaker.
"""

from __future__ import annotations

import bisect
import heapq
import re

from .actors import PRONOUNS, ActorIndex, Speaker, index_for, pronoun_fits, refers_to, trie_pattern
from .codebook import Codebook
from .names import ORG_WORDS, is_title
from .sides import gazetteer
from .source_noise import IRREGULAR_PAST_WORD, NOT_ADVERBS

Span = tuple[int, int]

_VERBS = {
    # base: (third person, past, participle); irregular forms spelled out
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "add": ("adds", "added", "adding"),
    "stress": ("stresses", "stressed", "stressing"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"),
    "emphasise": ("emphasises", "emphasised", "emphasising"),
    "warn": ("warns", "warned", "warning"),
    "claim": ("claims", "claimed", "claiming"),
    "note": ("notes", "noted", "noting"),
    "assure": ("assures", "assured", "assuring"),
    "condemn": ("condemns", "condemned", "condemning"),
    "report": ("reports", "reported", "reporting"),
    "believe": ("believes", "believed", "believing"),
    "state": ("states", "stated", "stating"),
    "announce": ("announces", "announced", "announcing"),
    "insist": ("insists", "insisted", "insisting"),
    "argue": ("argues", "argued", "arguing"),
    "explain": ("explains", "explained", "explaining"),
    "declare": ("declares", "declared", "declaring"),
    "deny": ("denies", "denied", "denying"),
    "reject": ("rejects", "rejected", "rejecting"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "assert": ("asserts", "asserted", "asserting"),
    "maintain": ("maintains", "maintained", "maintaining"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "indicate": ("indicates", "indicated", "indicating"),
    "allege": ("alleges", "alleged", "alleging"),
    "accuse": ("accuses", "accused", "accusing"),
    "write": ("writes", "wrote", "writing"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "urge": ("urges", "urged", "urging"),
    "dismiss": ("dismisses", "dismissed", "dismissing"),
    "respond": ("responds", "responded", "responding"),
    "reply": ("replies", "replied", "replying"),
    "admit": ("admits", "admitted", "admitting"),
    "reveal": ("reveals", "revealed", "revealing"),
    "predict": ("predicts", "predicted", "predicting"),
    "promise": ("promises", "promised", "promising"),
    "vow": ("vows", "vowed", "vowing"),
    "pledge": ("pledges", "pledged", "pledging"),
    "disclose": ("discloses", "disclosed", "disclosing"),
    "recall": ("recalls", "recalled", "recalling"),
    "counter": ("counters", "countered", "countering"),
    "concede": ("concedes", "conceded", "conceding"),
    "caution": ("cautions", "cautioned", "cautioning"),
    "complain": ("complains", "complained", "complaining"),
    "observe": ("observes", "observed", "observing"),
    "remark": ("remarks", "remarked", "remarking"),
    "comment": ("comments", "commented", "commenting"),
    "conclude": ("concludes", "concluded", "concluding"),
    "contend": ("contends", "contended", "contending"),
    "testify": ("testifies", "testified", "testifying"),
    "think": ("thinks", "thought", "thinking"),
    "mention": ("mentions", "mentioned", "mentioning"),
    "refute": ("refutes", "refuted", "refuting"),
    "ask": ("asks", "asked", "asking"),
    "blame": ("blames", "blamed", "blaming"),
    "criticize": ("criticizes", "criticized", "criticizing"),
    "inform": ("informs", "informed", "informing"),
    "voice": ("voices", "voiced", "voicing"),
    "express": ("expresses", "expressed", "expressing"),
    "agree": ("agrees", "agreed", "agreeing"),
    "question": ("questions", "questioned", "questioning"),
    "describe": ("describes", "described", "describing"),
    "call": ("calls", "called", "calling"),
    "estimate": ("estimates", "estimated", "estimating"),
    "charge": ("charges", "charged", "charging"),
    "hint": ("hints", "hinted", "hinting"),
    "cite": ("cites", "cited", "citing"),
    # position-taking acts (intentions and beliefs are in _MIND below)
    "endorse": ("endorses", "endorsed", "endorsing"),
    "praise": ("praises", "praised", "praising"),
    "refuse": ("refuses", "refused", "refusing"),
    "decline": ("declines", "declined", "declining"),
    "defend": ("defends", "defended", "defending"),
    "propose": ("proposes", "proposed", "proposing"),
    "oppose": ("opposes", "opposed", "opposing"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing"),
    "joke": ("jokes", "joked", "joking"),
    "mock": ("mocks", "mocked", "mocking"),
    "thank": ("thanks", "thanked", "thanking"),
    "reiterate": ("reiterates", "reiterated", "reiterating"),
    "echo": ("echoes", "echoed", "echoing"),
    "denounce": ("denounces", "denounced", "denouncing"),
    "blast": ("blasts", "blasted", "blasting"),
    "slam": ("slams", "slammed", "slamming"),
    "attack": ("attacks", "attacked", "attacking"),
    "portray": ("portrays", "portrayed", "portraying"),
    "deem": ("deems", "deemed", "deeming"),
    "label": ("labels", "labeled", "labeling"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "characterize": ("characterizes", "characterized", "characterizing"),
    "highlight": ("highlights", "highlighted", "highlighting"),
    "tout": ("touts", "touted", "touting"),
    "boast": ("boasts", "boasted", "boasting"),
    "lament": ("laments", "lamented", "lamenting"),
    "applaud": ("applauds", "applauded", "applauding"),
    "welcome": ("welcomes", "welcomed", "welcoming"),
    "hail": ("hails", "hailed", "hailing"),
    "recommend": ("recommends", "recommended", "recommending"),
    "demand": ("demands", "demanded", "demanding"),
    "request": ("requests", "requested", "requesting"),
    "order": ("orders", "ordered", "ordering"),
    "threaten": ("threatens", "threatened", "threatening"),
    "challenge": ("challenges", "challenged", "challenging"),
    "dispute": ("disputes", "disputed", "disputing"),
    "discuss": ("discusses", "discussed", "discussing"),
    "post": ("posts", "posted", "posting"),
    "speculate": ("speculates", "speculated", "speculating"),
    "list": ("lists", "listed", "listing"),
    "name": ("names", "named", "naming"),
    "remind": ("reminds", "reminded", "reminding"),
    "repeat": ("repeats", "repeated", "repeating"),
    "answer": ("answers", "answered", "answering"),
    "chant": ("chants", "chanted", "chanting"),
    "offer": ("offers", "offered", "offering"),
    "support": ("supports", "supported", "supporting"),
    "back": ("backs", "backed", "backing"),
    "favor": ("favors", "favored", "favoring"),
    "decry": ("decries", "decried", "decrying"),
    "lambaste": ("lambastes", "lambasted", "lambasting"),
    "assail": ("assails", "assailed", "assailing"),
    "rip": ("rips", "ripped", "ripping"),
    "quip": ("quips", "quipped", "quipping"),
    "muse": ("muses", "mused", "musing"),
    # only as a speech verb: '"...," he continued.', 'She continued: "..."'
    "continue": ("continues", "continued", "continuing"),
}
# Stances of mind (expecting, hoping, seeming): PolNeAR attributes them like speech, but an
# actor that only acts ("Ukraine is seeking clarification, hoping to avoid ...") is no speaker,
# so their -ing forms are never cues.
_MIND = {
    "expect": ("expects", "expected", "expecting"),
    "hope": ("hopes", "hoped", "hoping"),
    "fear": ("fears", "feared", "fearing"),
    "worry": ("worries", "worried", "worrying"),
    "seem": ("seems", "seemed", "seeming"),
    "appear": ("appears", "appeared", "appearing"),
    "seek": ("seeks", "sought", "seeking"),
    "consider": ("considers", "considered", "considering"),
    "doubt": ("doubts", "doubted", "doubting"),
    "wonder": ("wonders", "wondered", "wondering"),
    "prefer": ("prefers", "preferred", "preferring"),
    "know": ("knows", "knew", "knowing"),
    "see": ("sees", "saw", "seeing"),
    "remember": ("remembers", "remembered", "remembering"),
    "learn": ("learns", "learned", "learning"),
    "recognize": ("recognizes", "recognized", "recognizing"),
    "realize": ("realizes", "realized", "realizing"),
    "want": ("wants", "wanted", "wanting"),
}
_MIND_FORMS = {form for base, forms in _MIND.items() for form in (base, *forms)}
_VERBS.update(_MIND)
# Forms that news text nearly always uses as nouns ("the Paris attacks", "her emails", "the
# United States") or in other senses ("a thought", "back then"): never cues.
_NOT_CUES = {
    "attack",
    "attacks",
    "back",
    "backing",
    "support",
    "supporting",
    "state",
    "states",
    "report",
    "tweet",
    "comments",
    "thanks",
    "thought",
    "find",
    "maintained",
    "believed",
    "expects",
}
# Forms that are as often nouns or adjectives ("media reports", "the alleged attack", "a
# warning"): taken as cues only after an auxiliary or right after a plausible subject.
_AMBIGUOUS = {
    "reports",
    "reported",
    "claim",
    "claims",
    "call",
    "calls",
    "called",
    "note",
    "notes",
    "noted",
    "stated",
    "comment",
    "remark",
    "remarks",
    "charge",
    "charges",
    "charged",
    "estimate",
    "estimates",
    "estimated",
    "counter",
    "counters",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "vow",
    "vows",
    "tweets",
    "mention",
    "mentions",
    "alleged",
    "question",
    "questions",
    "express",
    "voice",
    "voices",
    "concerns",
    "show",
    "shows",
    "finds",
    "decline",
    "declines",
    "found",
    "jokes",
    "praise",
    "echo",
    "echoes",
    "label",
    "labels",
    "highlight",
    "highlights",
    "welcome",
    "demand",
    "demands",
    "request",
    "requests",
    "order",
    "orders",
    "challenge",
    "challenges",
    "dispute",
    "disputes",
    "post",
    "posts",
    "posted",
    "list",
    "lists",
    "listed",
    "name",
    "names",
    "named",
    "repeat",
    "answer",
    "answers",
    "chant",
    "chants",
    "offer",
    "offers",
    "offered",
    "supports",
    "supported",
    "backs",
    "backed",
    "favor",
    "favors",
    "expected",
    "hope",
    "hopes",
    "fear",
    "fears",
    "worry",
    "worries",
    "worried",
    "considered",
    "doubt",
    "doubts",
    "know",
    "see",
    "learned",
    "recognized",
    "seek",
    "remember",
    "want",
    "wants",
    "wanted",
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "such",
    "any",
    "some",
    "no",
    "every",
    "each",
    "which",
    "what",
}
_SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who"}
_VERB_FORMS = sorted(
    {
        form
        for base, forms in _VERBS.items()
        for form in (base, *forms)
        if (len(form) > 3 or form in ("say", "add", "ask")) and form not in _NOT_CUES
    }
)
_PHRASES = [
    "made note of",
    "took note of",
    "released a statement",
    "issued a statement",
    "put out a statement",
    "made clear",
    "made the case",
    "pointed out",
    "pointed to",
    "went on",
    "spoke of",
    "spoke about",
    "talked about",
    "talking about",
    "referring to",
    "called for",
    "calling for",
    "called on",
    "calling on",
    "told reporters",
    "made it clear",
    "pointing out",
    "referred to",
    "talks about",
    "talk about",
]
_ADVERBS = (
    r"not|never|also|already|further|again|then|later|earlier|long|always|often|once|still|even|"
    r"just|first|since|now|too|reportedly|repeatedly|previously|publicly|recently|categorically|"
    r"flatly|firmly|strongly|constantly|explicitly|openly|privately|separately"
)
_AUX = r"has|have|had|is|are|was|were|will|would|could|should|might|may|did|does|do|been|be|being"
_VERB_TRIE = trie_pattern(_VERB_FORMS + _PHRASES, lambda ch: r"\s+" if ch == " " else re.escape(ch))
_VERB = re.compile(rf"(?<![\w’'-])(?:{_VERB_TRIE})(?![\w’'-])")
# Auxiliaries and adverbs that belong to a cue ("has not denied"), read backwards from the verb.
_AUX_BEFORE = re.compile(
    rf"(?<![\w’'-])(?:(?:(?:{_AUX}|(?!(?:is|are|was|were)n)[a-z]{{2,5}}n[’']t)\s+)+(?:(?:{_ADVERBS}|and|[a-z]{{2,}}ly)\s+)*|(?:(?:{_ADVERBS})\s+)+)$"
)  # a contracted negative too: "wouldn't say", "didn’t respond"
#: Degree words belong to a cue between an auxiliary and a past participle ("is not so easily
#: described": a passive); before an -ing form they make an adjective ("is very telling").
_DEGREE = r"so|too|very|quite|as|less|more|most"
_AUX_BEFORE_PARTICIPLE = re.compile(_AUX_BEFORE.pattern.replace("|and|", f"|{_DEGREE}|and|", 1))
_PARTICIPLES = frozenset(forms[1] for forms in _VERBS.values())


class _CueMatch:
    """A cue found in a sentence: auxiliaries (possibly empty) and the reporting verb."""

    __slots__ = ("_start", "_end", "_aux", "_verb")

    def __init__(self, start: int, end: int, aux: str, verb: str):
        self._start, self._end, self._aux, self._verb = start, end, aux, verb

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self._aux if name == "aux" else self._verb


_AUX_START = set(_AUX.split("|")) | set(_ADVERBS.split("|")) | set(_DEGREE.split("|")) | {"and"}


# "have little or no say", "a say in": the noun, not the verb.
_SAY_AS_NOUN = {"no", "little", "a", "any", "final", "greater", "bigger", "equal"}  # not "some": "Some say ..."


def _cues(masked: str):
    for m in _VERB.finditer(masked):
        previous = masked[max(0, m.start() - 20) : m.start()].split()[-1:]
        if previous and m.group() == "say" and previous[0].lower() in _SAY_AS_NOUN:
            continue
        if m.group().startswith("went") and not _goes_on_speaking(masked, m.end()):
            continue
        before = None
        if previous and (previous[0] in _AUX_START or previous[0].endswith(("ly", "n't", "n’t"))):  # cheap test first
            aux = _AUX_BEFORE_PARTICIPLE if m.group() in _PARTICIPLES else _AUX_BEFORE
            before = aux.search(masked, max(0, m.start() - 80), m.start())
        start = before.start() if before else m.start()
        yield _CueMatch(start, m.end(), masked[start : m.start()], m.group())


def _goes_on_speaking(masked: str, end: int) -> bool:
    """'went on to say', '..., he went on.', 'went on the record': not 'went on to re-use the
    reactor', 'went on the attack' or 'went on air'."""
    if _ON_THE_RECORD.match(masked, end):
        return True
    to = _TO_AFTER.match(masked, end)
    return _VERB.match(masked, to.end()) is not None if to else _SPEECH_GOES_ON.match(masked, end) is not None


_TO_AFTER = re.compile(r"\s+to\s+")
_ON_THE_RECORD = re.compile(r"\s+the\s+record\b")
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording to\s+")
_AUX_WORDS = set(_AUX.split("|"))
_MODAL = re.compile(r"\b(?:would|could|should|might|may|will|to)\s", re.I)
#: "can't demand", "won't recommend": a negated modal is no speech, unless it withholds words
#: ("wouldn't comment", "won't say": a silence, which stays a cue so that what it is about is no one's)
_NEGATED_MODAL = re.compile(r"\b(?:would|could|should|ca|wo|must)n['’]t\s", re.I)
_PASSIVE_BY = re.compile(r"^\s+by\s+")
_SPEECH_GOES_ON = re.compile(r"\s*(?:[:,.~“\"]|''|$)")
#: A speech verb with what follows it when it names no speech: a phrasal verb ("add up to",
#: "adding to the tension"), a show of no signs or of someone doing something ("showed him
#: standing"), an office or presence maintained, a think tank, a retreat ("backed away from"), a
#: backer ("rebels backed by Iran"), a welcome home, an agreement to act ("agreed to
#: cooperate"), an order of a thing rather than to someone to act ("ordered the strike", "ordered
#: more forces to the region"; not "ordered officials to distribute"), a charge brought against
#: someone rather than charged that ("Mueller has charged several associates").
_OBJECT_WORDS = "(?:the|a|an|its|his|her|their|this|that|these|those)"
_NOT_SPEECH = re.compile(
    r"(?:add(?:s|ed|ing)?\s+(?:up\b|to\s+(?:the|a|an|its|his|her|their|this|that|these|those)\s)"
    r"|show(?:s|ed|ing|n)?\s+(?:(?:no|little|few|any)\s+signs?\b|(?:him|her|them|it|me|us)\s+[a-z]+ing\b)"
    r"|maintain(?:s|ed|ing)?\s+(?:a|an)\s|think\s+tanks?\b"
    r"|back(?:s|ed|ing)?\s+(?:away|off|down|out)\b|(?:backed|supported)\s+by\b|welcom(?:e|es|ed|ing)\s+(?:\w+\s+)?home\b"
    # a call to a person, named and nothing said of them: "has called Hollande, and", not "called Comey a liar"
    r"|call(?:s|ed|ing)?\s+(?![A-Z][a-z]+day\b)(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*"
    r"(?:(?:,\s+and|,?\s+(?:on|from|after|before|late|early|last|this|during))\s|\.\s*$)"
    rf"|order(?:s|ed|ing)?\s+(?!that\b|[~“\"])(?![^,;:~“\"]{{0,80}}?\bto\s+(?:[~“\"]|(?!{_OBJECT_WORDS}\b)[a-z]+\b))"
    r"|charg(?:e|es|ed|ing)\s+(?!(?:that|in|with|on|as|[a-z]+ly)\b|[A-Z][a-z]+day\b)(?![^,;:~“\"]*\b(?:is|are|was|were|has|have|had|will|would|could|did|does)\b)[\w“\"~])"
)
#: What may follow a cue when it reports nothing: an end, or adjuncts of time, place and topic
#: with no clause in them ("He testified for more than 10 hours.", "... than Gregory suggests.").
_NOTHING_REPORTED = re.compile(
    r"\s*(?:(?:for|during|at|before|until|in|from|with)\s+(?!(?:the\s+)?record\b)[^~“”\"':;,]*)?[.!?]?\s*$"
)
_MAX_ADJUNCT_WORDS = 8
_COMMA_AS_END = re.compile(r",\s*(?:as\s+)?$")
_CLAUSE_WORDS = (
    frozenset({"that", "whether", "if", "to", "he", "she", "they", "it", "we", "i", "you", "there"})
    | _AUX_WORDS
    | {"can", "must"}
)
#: A determiner and an adverb right before a participle: "a widely observed strike", "the much
#: reported talks".
_ADJECTIVE_BEFORE = re.compile(rf"(?<![\w-])(?:a|an|the)\s+(?!(?:{NOT_ADVERBS})\s)[a-z]{{2,}}ly\s+$")
# Attributions without a source: "X is expected to ...", "When asked whether ..., she said".
_AGENTLESS = {"expected", "said", "reported", "considered", "known"}
_TO_OR_THAT = re.compile(r"\s+(?:to|that)\s")
#: Where a passive's agent ends: a clause, or a phrase saying what about ("questioned by the FBI
#: over his links to ...", "was criticised by lawmakers for ...").
_AFTER_AGENT = re.compile(r"[,;:~“\"]|\s(?:over|about|for|amid|despite|because|after|during|who|which|that)\s")
_REDUCED_PASSIVE = re.compile(r"\s+to\s+(?:be|have)\s")
# Sourceless passives of judging: "was accused of", "is portrayed as", "is described as".
_AGENTLESS_JUDGED = {
    "accused": "of",
    "portrayed": "as",
    "described": "as",
    "criticized": "for",
    "blamed": "for",
    "labeled": "as",
    "characterized": "as",
    "dubbed": "as",
    "praised": "for",
}
# "Asked whether ...", "When asked by reporters about ...": the question, with its asker if named.
_ASKED = re.compile(
    r"(?:^|(?<![\w-])(?:[Ww]hen|[Oo]nce|[Aa]fter|[Bb]efore)\s+)(?:(?:was|were|being)\s+)?(?P<cue>[Aa]sked)"
    r"(?:\s+by\s+(?P<source>[^,;~]{1,60}?)(?=\s+(?:if|whether|about|why|what|how|which|who|to)\b|,))?"
    r"(?=\s+(?:if|whether|about|why|what|how|which|who|when|where|to|at|during|on|in|after)\b)"
)
# Nominal cues owned by a possessor: "Trump's call for a ban", "her claim that ...". The noun
# is found first; only then is the possessor looked for right before it.
_NOMINAL = re.compile(
    r"(?=[abcdepsrivw])(?<![\w’'-])(?:(?:calls?|pledges?|promises?|vows?|demands?)\s+(?:for|to)|(?:statements?|claims?|assertions?|"
    r"arguments?|warnings?|suggestions?|insistence|contention|view|belief|assessment|allegations?|accusations?)\s+that|"
    r"(?:criticism|denunciation|condemnation|endorsement|rejection|dismissal)\s+of|(?:support|praise|backing)\s+for)\b"
)
_POSSESSOR = re.compile(
    r"(?<![\w’'-])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s?)(?=\s+"
    r"(?:(?:latest|recent|repeated|earlier|new|own|public|renewed|initial|first|final)\s+)?$)"
)
# A cue in a relative clause ("that Kyiv has demanded") followed by a comma and a conjunction
# has no complement: its object is the noun the clause hangs on.
_RELATIVE_OBJECT = re.compile(r"\b(?:that|which)\s+[^,;~”\"]{1,60}$")
_NO_COMPLEMENT = re.compile(
    r"\s*,\s*(?:since|because|although|though|while|whereas|but|and|as|when|after|before|until)\b"
)
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|been|be|being)\s")
#: A subject after its auxiliary: a question ("Will North Korea agree ...?", "What did Mrs Merkel
#: say?") or a negated inversion ("Nor could the US claim ..."), the writer's argument or heading,
#: not anyone's speech.
_INVERTED = re.compile(
    rf"(?:(?:what|why|how|when|where|whom|which)\s+(?:[a-z]+ly\s+)?)?(?:{_AUX}|can|must|shall)\s+\S", re.I
)
_NEGATED_INVERSION = re.compile(rf"(?:nor|neither)\s+(?:{_AUX}|can|must|shall)\s+\S", re.I)
#: "a rally called “Freedom Now”", "a young Nigerian boy named Y": a participle naming the noun before it.
_NAMED_NOUN = re.compile(r"(?:^|\s)(?:a|an)\s+(?:[A-Za-z][\w-]*\s+){0,2}[a-z][\w-]*\s+$")
_NAME_AFTER = re.compile(r"\s+(?:[A-Z]|[“\"~])")
#: The same set off by commas: "the missile, called the Hwasong-14, was" (not "Obama, a former
#: colleague, called Hagel a patriot").
_NAMED_NOUN_SET_OFF = re.compile(r"(?:^|\s)(?:the|a|an|this|its|his|her|their)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*,\s+$")
_NAME_SET_OFF = re.compile(r"\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,")
_LEADING = re.compile(
    r"^(?:(?:and|but|so|yet|while|whereas|although|though|as|because|since|if|when|however|meanwhile|"
    r"also|still|now|then|instead|moreover|indeed|earlier|later|last|this|next|on|in|at(?!\s+(?:least|most)\b)|during|after|"
    r"before|for example|for instance|in addition)\b[\s,]*)+",
    re.I,
)
_TIME_LEAD = re.compile(
    r"^(?:(?:earlier|later|last|this|next|on|in|at|during)\s+(?:this\s+|last\s+|next\s+)?"
    r"(?:week|month|year|morning|afternoon|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\s+)+",
    re.I,
)
_BAD_END = {
    "the",
    "a",
    "an",
    "to",
    "or",
    "and",
    "of",
    "that",
    "which",
    "who",
    "in",
    "on",
    "for",
    "with",
    "by",
    "as",
    "it’s",
    "it's",
    "not",
    "than",
    "be",
    "this",
    "these",
    "those",
    "their",
    "his",
    "her",
    "its",
    "after",
    "before",
    "while",
    "when",
    "without",
    "despite",
    "since",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "until",
    "even",
    "fact",
    "''",
}
_NP_STOP = _BAD_END | {
    "amid",
    "at",
    "from",
    "about",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "against",
    "while",
    "when",
    "because",
    "if",
    "although",
    "though",
    "but",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "came",
    "come",
    "been",
    "there",
    "where",
}
_DEFINITE = re.compile(r"^(?:the|this|that|these|those|he)\s+(?P<rest>[a-z][\w’'-]*(?:\s+[\w’'-]+){0,3})$", re.I)
# Words after which a participle cue takes the main clause's subject: "X ended the talks by saying".
_LINKING_WORDS = {"by", "while", "when", "after", "before"}
_LINKING = re.compile(r"\b(?:by|while|when|after|before)$")
_SOURCE_WORDS = {"reports", "sources", "officials", "statement", "statements", "media", "report", "documents"}
# Nouns for research that finds and shows things: "The poll found", "a new survey shows".
_FINDINGS = {
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "analysis",
    "review",
    "investigation",
    "audit",
    "examination",
    "research",
    "data",
    "census",
    "probe",
    "inquiry",
    "assessment",
    "article",
    "memo",
}
# "Bernie Sanders: ..." / "JAKE TAPPER: ..." (headlines and transcripts): a short name, a colon.
_COLON = re.compile(r"(?P<source>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|\([\w.-]+\))){0,4})\s*(?P<cue>:)\s+(?=\S)")
_LABELS = {
    "update",
    "updated",
    "note",
    "editor",
    "editors",
    "photo",
    "photos",
    "watch",
    "read",
    "related",
    "source",
    "video",
    "correction",
    "caption",
    "exclusive",
    "breaking",
    "q",
    "a",
    "question",
    "answer",
    "live",
    "see",
    "also",
    "more",
    "image",
    "credit",
    "warning",
    "sources",
    "contact",
    "follow",
    "listen",
    "transcript",
    "latest",
    "contributing",
    "revealed",
    "boom",
    "twitter",
    "stat",
    "week",
    "day",
}
#: A broadcast script's cue before its lines ("VO:", "VO (FR):", "BIKINI SCENE VO:", "SOT:"): the
#: narrator's voice over or the tape, no one's name (capitals only: "Vo Van Thuong" is a person).
_SCRIPT_CUE = re.compile(r"(?<![\w/])(?:VO|V/O|SOT|NATS?)(?![\w/])")
_QUOTE_MARK = re.compile(r"[“”\"]|''")
_CLOSERS = ("”", '"', "~", "''")  # how a quotation (masked or not) ends
_OPEN = "“"
_CLOSE = "”"
_MAX_SOURCE_WORDS = 14


def _quoted_regions(sent: str, inside: bool) -> tuple[list[Span], bool]:
    """Quoted character ranges of a sentence (marks included) and whether a quote is still open."""
    regions = []
    start = 0 if inside else None
    for m in _QUOTE_MARK.finditer(sent):
        ch = m.group()
        if start is None and ch != _CLOSE:
            start = m.start()
        elif start is not None and ch != _OPEN:
            regions.append((start, m.end()))
            start = None
    if start is not None:
        regions.append((start, len(sent)))
    return regions, start is not None


def _mask(sent: str, regions: list[Span]) -> str:
    """Quoted text replaced by '~' (same length), so cues inside quotes are not seen."""
    if not regions:
        return sent
    parts, last = [], 0
    for a, b in regions:
        parts.append(sent[last:a])
        open_mark = _QUOTE_MARK.match(sent, a)
        inner_a = open_mark.end() if open_mark else a
        inner_b = b - (2 if sent.endswith("''", inner_a, b) else 1 if sent[inner_a:b].endswith(("”", '"')) else 0)
        parts.append(sent[a:inner_a] + "~" * (inner_b - inner_a) + sent[inner_b:b])
        last = b
    parts.append(sent[last:])
    return "".join(parts)


#: A news site's pop-up glued into a sentence after a name: the full name again, then the headlines
#: of other stories up to "MORE" ("Sen. Roy Blunt Roy Dean BluntGOP senators balk at ... MORE
#: (R-Mo.) said"). Its headlines' verbs are no cues of the sentence.
_POP_UP = re.compile(
    r"\b(?P<last>[A-Z][a-z’'-]{2,})(?P<pop_up>\s+(?:[A-Z][\w.’'-]*\s+){1,3}(?P=last)[A-Z][^“”\"]{0,500}?\bMORE\b)"
)


def _without_pop_ups(masked: str) -> str:
    """The masked sentence with pop-ups (``_POP_UP``) blanked out, same length."""
    if "MORE" not in masked:
        return masked
    for m in reversed(list(_POP_UP.finditer(masked))):
        a, b = m.span("pop_up")
        masked = masked[:a] + " " * (b - a) + masked[b:]
    return masked


def _trim(sent: str, a: int, b: int) -> Span:
    while a < b and sent[a] in " ,;:—–-\t\n":
        a += 1
    while b > a and sent[b - 1] in " ,;:—–-.\t\n":
        b -= 1
    return a, b


_WORD = re.compile(r"[\w’'.-]+")
_RELATIVE_END = re.compile(r"\b(?:who|which)\s+$")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b[^,;:~”\"]*,\s*$")
_THAT = re.compile(r"\b(?:that|who|which)\b")
_SOURCE_AFTER_STOP = re.compile(r"[~“\";]|,\s+[a-z]+ing\b|\s[—–]\s")
_CLAUSE_STOP = re.compile(r"[,;:]")
_FIRST_CLAUSE = re.compile(r"[,;]")
_COMMA = re.compile(",")
_CAPITALISED = re.compile(r" [A-Z]")
#: A source after its cue is a noun phrase: one that opens with a preposition is a circumstance.
_PREPOSITION_FIRST = re.compile(r"(?:on|in|at|by|for|with|to|from|during|after|before|as|of|into|over)\s", re.I)
#: A verb in the past right after a word: that word is its subject, a noun.
_PAST_AFTER = re.compile(r"\s+(?:[a-z]+ed|came|grew|rose|arose|began|went)\b")
#: A finite verb: a source after its cue that has one before any comma is a clause, not a noun phrase.
_FINITE = re.compile(rf"\s(?:{_AUX}|can|must)\s")
_COMMA_OR_END = re.compile(r",|$")
_CONJUNCTION_END = re.compile(r"(?<![\w-])(?:and|but)\s+$")


_BRACKET = re.compile(r"[()\[\]]")
_ASIDE = re.compile(r"\([^()]*\)")


def _outside_an_aside(text: str, a: int, b: int, cue_after: bool) -> Span:
    """A source never crosses a bracket it does not both open and close: the aside or stamp it
    cuts ("[Updated 2:15 p.m. ET] Boston police say", "(The Post said", "according to political
    scientist Alan Kuperman)") is on the side away from the cue, which is dropped."""
    if not _BRACKET.search(text, a, b):
        return a, b
    openers: list[int] = []
    for m in _BRACKET.finditer(text, a, b):
        k = m.start()
        if text[k] in "([":
            openers.append(k)
        elif openers:
            if openers.pop() == a and k == b - 1:  # "[Sen. Ann Poe] said": the aside is the source
                return _trim(text, a + 1, k)
        elif cue_after or not text[k + 1 : b].strip():  # the source ends where the aside it stands in closes
            return _trim(text, a, k)  # ("[Sen. Angus King] said": the aside names the speaker)
        else:  # the source opens after an aside that opened before it
            a = k + 1
    if openers:  # an aside the source opens and the cue lies in
        a, b = (a, openers[0]) if cue_after else (openers[-1] + 1, b)
    return _trim(text, a, b)


def _commas_outside_asides(text: str, start: int, end: int) -> list[int]:
    """Commas that end a clause: not those inside a closed aside ("Sen. Lindsey Graham (R.,
    S.C.), a member of the committee, said")."""
    asides = [m.span() for m in _ASIDE.finditer(text, start, end)] if "(" in text[start:end] else []
    return [m.start() for m in _COMMA.finditer(text, start, end) if not any(s < m.start() < e for s, e in asides)]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


#: How far before (or after) a cue a source is looked for. A source has at most
#: 2 * _MAX_SOURCE_WORDS words; looking further only made long sentences quadratic.
_SOURCE_WINDOW = 400
#: Reporting verbs read per statement: prose has a handful; a "sentence" of thousands ("said said
#: said ...") is not prose, and reading them all cost seconds per megabyte.
_MAX_CUES = 100


def _source_before(masked: str, cue_start: int, floor: int = 0) -> Span | None:
    """The noun phrase that ends right before a cue: the last clause of the text before it,
    joined with an appositive (', a spokesman for X,') when the cue follows one."""
    base = max(0, cue_start - _SOURCE_WINDOW)
    relative = _RELATIVE_END.search(masked, max(base, cue_start - 12), cue_start)
    if relative:  # "Ted Cruz, who said ...": PolNeAR marks the relative pronoun as the source
        return relative.start(), relative.start() + len(relative.group().rstrip())
    clause = _RELATIVE_CLAUSE.search(masked, max(base, cue_start - 160), cue_start)
    if clause:  # "Levine, who has given money to Rubio, said": the noun phrase the clause qualifies
        np = _source_before(masked, clause.start(), floor)
        if np:
            return np
    boundary = max(masked.rfind(ch, base, cue_start) for ch in ';:”"~—')
    dash = masked.rfind("--", base, cue_start)  # a typed dash ends a clause when words follow it: "... --Trump said"
    if dash >= 0 and masked[dash + 2 : cue_start].strip():
        boundary = max(boundary, dash + 1)
    double_single = masked.rfind("''", base, cue_start)  # the closing mark of a ''quotation''
    boundary = max(
        boundary,
        _last_that(masked, base, cue_start),
        floor - 1,
        base - 1,
        double_single + 1 if double_single >= 0 else -1,
    )
    parts = _commas_outside_asides(masked, boundary + 1, cue_start)
    start = (parts[-1] + 1) if parts else boundary + 1
    limit = _MAX_SOURCE_WORDS
    if not masked[start:cue_start].strip() and len(parts) >= 2:  # "X, the spokesman for Y, said"
        start = (parts[-3] + 1) if len(parts) >= 3 else boundary + 1
        limit = 2 * _MAX_SOURCE_WORDS
    elif not masked[start:cue_start].strip():
        return None
    a, b = _outside_an_aside(masked, *_trim(masked, start, cue_start), cue_after=False)
    lead = _LEADING.match(masked[a:b]) or _TIME_LEAD.match(masked[a:b])
    while lead and lead.end() > 0:
        a, b = _trim(masked, a + lead.end(), b)
        lead = _LEADING.match(masked[a:b]) or _TIME_LEAD.match(masked[a:b])
    words = _words(masked[a:b])
    if words and words[-1] in ("and", "but"):  # "X reacted to the news and released a statement"
        if floor:  # the subject came with an earlier cue of the sentence: "He called it X and said"
            return None
        subject = _subject(masked[a:b])
        return (a + subject[0], a + subject[1]) if subject else None
    if not words or len(words) > limit or words[-1].lower() in _BAD_END or "~" in masked[a:b]:
        return None
    return _after_a_conjunction(masked, a, b)


#: A conjunction that opens the clause a cue's subject stands in: "The deal broke down last month
#: as the prosecutor accused him", "agreed to pull the posts after a French group complained".
_CONJUNCTION = re.compile(
    r"(?<![\w’'-])(?:even\s+)?(?:after|before|as|though|although|because|while|when|since|until|whereas|but)\s+(?=\S)",
    re.I,
)


def _after_a_conjunction(masked: str, a: int, b: int) -> Span | None:
    """A source read across a conjunction starts after it when a verb or an infinitive comes
    before it (not "An official before the talks", "Britain as well as France")."""
    if "," in masked[a:b]:
        return a, b  # an apposition: "The ruling, issued after a session of the court, urged"
    last = None
    for last in _CONJUNCTION.finditer(masked, a, b):  # noqa: B007 (the last one is wanted)
        pass
    if last is None or last.end() >= b:
        return a, b
    head = masked[a : last.start()]
    if (
        last.start() == a
        or last.group().lower().startswith("but")
        or head.startswith("to ")
        or _VERB_IN_SOURCE.search(head)
    ):
        return last.end(), b
    return a, b


def _last_that(text: str, start: int = 0, end: int | None = None) -> int:
    last = None
    for last in _THAT.finditer(text, start, len(text) if end is None else end):  # noqa: B007 (the last match is wanted)
        pass
    return last.end() if last else -1


def _np_before(masked: str, cue_start: int) -> Span | None:
    """The bare noun phrase right before a participle ('media reports suggesting')."""
    a = cue_start
    words = list(_WORD.finditer(masked, max(0, cue_start - _SOURCE_WINDOW), cue_start))
    taken = 0
    for w in reversed(words):
        if w.group().lower() in _NP_STOP or masked[w.end() : a].strip(" ") or taken == 5:
            break
        a, taken = w.start(), taken + 1
    before = _before(masked, cue_start)
    return (a, cue_start - (len(before) - len(before.rstrip()))) if taken else None


#: The words before a verb that make it an infinitive ("to say", "to better predict", "to publicly
#: say") or an alternative to another verb ("confirm or deny"): no one is its subject right before it.
_INFINITIVE_OR_ALTERNATIVE = re.compile(
    rf"\s(?:to(?:\s+(?:(?!(?:{NOT_ADVERBS})\b)[a-z]{{2,}}ly|better|also|not|even|further|never|just))?|or)$"
)


def _before(masked: str, position: int) -> str:
    """The text a cue's rules look back at: a window, so that each cue costs the same however
    long the sentence (whole-prefix slices made a flood of cues quadratic)."""
    return masked[max(0, position - _SOURCE_WINDOW) : position]


#: A nickname quoted inside a name: 'Maj. Gen. James "Spider" Marks'.
_NICKNAME = re.compile(r"[“\"]~{2,20}[”\"]\s+(?=[A-Z])")


def _source_after(masked: str, cue_end: int) -> Span | None:
    """Inverted order: '..., said Peter Stano, a spokesman for ...' up to the end of the sentence,
    a quotation or a participle clause (', adding that')."""
    end = min(len(masked), cue_end + _SOURCE_WINDOW)
    stop = _SOURCE_AFTER_STOP.search(masked, cue_end, end)
    while stop and masked[: stop.start()].rstrip()[-1:].isalpha():
        nickname = _NICKNAME.match(masked, stop.start())  # 'James "Spider" Marks': the name goes on
        if nickname is None:
            break
        stop = _SOURCE_AFTER_STOP.search(masked, nickname.end(), end)
    if stop:
        end = stop.start()
    a, b = _outside_an_aside(masked, *_trim(masked, cue_end, end), cue_after=True)
    words = _words(masked[a:b])
    if len(words) > 2 * _MAX_SOURCE_WORDS and "," in masked[a:b]:
        b = masked.index(",", a)
        words = _words(masked[a:b])
    if not words or len(words) > 2 * _MAX_SOURCE_WORDS:
        return None
    return a, b


class _Finder:
    """Finds one attribution in a masked sentence: (source, cue, content, kind)."""

    def __call__(self, sent: str, masked: str) -> list[tuple]:
        """All attributions of the sentence, left to right; contents end where the next starts."""
        found = []
        m = _COLON.match(masked)
        if (
            m
            and not _LABELS.intersection(m.group("source").lower().split())
            and not _SCRIPT_CUE.search(m.group("source"))
            and len(_words(masked[m.end() :])) >= 3
        ):
            source = m.span("source")
            return [(source, (m.start("cue"), m.end("cue")), _trim(sent, m.end(), len(sent)), "colon")]
        m = _ACCORDING.search(masked) if "ccording to" in masked else None
        if m:
            according = self._according(sent, masked, m)
            if according:
                found.append(according)
        if "sked" in masked:
            for m in _ASKED.finditer(masked):
                source = m.span("source") if m.group("source") else None
                found.append((source, m.span("cue"), _trim(sent, m.end(), len(sent)), "asked"))
        for m in _NOMINAL.finditer(masked):
            possessor = _POSSESSOR.search(masked, max(0, m.start() - 60), m.start())
            if possessor:
                found.append((possessor.span(), m.span(), _trim(sent, m.end(), len(sent)), "nominal"))
        floor = 0
        taken = _Taken(found)
        for n, m in enumerate(_cues(_for_cues(masked))):
            if n == _MAX_CUES:
                break
            if m.start() < floor or taken.covers(m.start()):
                continue
            attribution = self._cue(sent, masked, m, found, floor)
            if attribution:
                found.append(attribution)
                taken.add(attribution)
                floor = m.end()
        found.sort(key=lambda f: f[1][0])
        for i, (source, cue, content, form) in enumerate(found[:-1]):
            nxt = min(found[i + 1][0][0] if found[i + 1][0] else len(sent), found[i + 1][1][0])
            if content[0] < nxt < content[1] and nxt > cue[1]:
                found[i] = (source, cue, _trim(sent, content[0], nxt), form)
        return found

    @staticmethod
    def _according(sent: str, masked: str, m: re.Match):
        end = len(masked)
        stop = _CLAUSE_STOP.search(masked, m.end())
        if stop:
            end = stop.start()
        source = _outside_an_aside(masked, *_trim(masked, m.end(), end), cue_after=True)
        slip = _SAID_AT_END.search(masked, source[0], source[1])
        if slip:  # "according to a government official said": a writer's slip
            source = (source[0], slip.start())
        if source[0] >= source[1] or len(_words(masked[source[0] : source[1]])) > _MAX_SOURCE_WORDS:
            return None
        cue = (m.start(), m.end() - 1)
        if m.start() < 3:
            content = _trim(sent, end, len(sent))
        else:
            content = _trim(sent, 0, m.start())
        return source, cue, content, "according"

    @staticmethod
    def _cue(sent: str, masked: str, m: re.Match, found: list[tuple], floor: int):
        aux, verb = m.group("aux"), m.group("verb")
        if verb in _MIND_FORMS and verb.endswith("ing"):
            return None
        if verb.startswith("continu") and not _SPEECH_GOES_ON.match(masked, m.end()):
            return None  # "Ukraine continues to monitor the situation" is no speech
        if _NOT_SPEECH.match(masked, m.end() - len(verb)):
            return None  # "tariffs add up to", "showed no signs of", "maintain a political office"
        if _ADJECTIVE_BEFORE.search(masked, max(0, m.start() - 30), m.start()):
            return None  # "a widely observed general strike": a participle as an adjective
        if _NO_COMPLEMENT.match(masked, m.end()) and _RELATIVE_OBJECT.search(masked, max(0, m.start() - 80), m.start()):
            return None  # "something that Kyiv has long demanded, since ...": the object came before
        cue = (m.start(), m.end())
        previous = masked[max(0, m.start() - 40) : m.start()].split()
        previous = previous[-1] if previous else ""
        if not aux.strip() and (verb in _AMBIGUOUS or verb.endswith("ing")) and not _subject_end(previous, verb):
            return None
        if (
            not aux.strip()
            and verb in _AMBIGUOUS
            and verb.endswith("s")
            and _PAST_AFTER.match(masked, m.end())
            and not ((previous[:1].isupper() and previous[-1:] != ",") or previous.lower() in _SUBJECT_PRONOUNS)
        ):
            return None  # "calls emerged for a Kurdistan", "reports surfaced that": a noun, the subject
        if _names_a_noun(masked, m, aux, verb):
            return None
        if _NEGATED_MODAL.search(aux) and not _NOT_SAID.search(aux + verb):
            return None
        if _MODAL.search(aux) or (_INFINITIVE_OR_ALTERNATIVE.search(_before(masked, m.start()).rstrip()) and not aux):
            return None
        if not aux.strip() and verb in _AGENTLESS and _REDUCED_PASSIVE.match(masked, m.end()):
            # "a document said to be a warning": a participle after its noun, no one speaks
            return None, cue, _trim(sent, 0, len(sent)), "agentless"
        if _PASSIVE_AUX.search(aux) and not verb.endswith("ing"):  # "was reported by X"
            by = _PASSIVE_BY.match(masked[m.end() : m.end() + _SOURCE_WINDOW])
            if not by:
                if verb in _AGENTLESS and _TO_OR_THAT.match(masked, m.end()):  # "is expected to win"
                    return None, cue, _trim(sent, 0, len(sent)), "agentless"
                if verb in _AGENTLESS_JUDGED and masked.startswith(" " + _AGENTLESS_JUDGED[verb] + " ", m.end()):
                    return None, cue, _trim(sent, 0, len(sent)), "agentless"
                return None
            agent = m.end() + by.end()
            tail = _AFTER_AGENT.search(masked, agent)
            source = _trim(masked, agent, tail.start() if tail else len(masked))
            return source, (m.start(), agent - 1), _trim(sent, 0, m.start()), "passive"
        if verb.endswith("ing") and not aux.strip():
            return _Finder._participle(sent, masked, m, found)
        source = _source_before(masked, m.start(), floor)
        if source is None and _CONJUNCTION_END.search(masked, max(0, m.start() - 12), m.start()):
            # "He called it X and said ...": the subject of the first verb speaks
            source = (found[-1][0] if found else None) or _subject(masked)
        if source is not None and (
            _inverted(sent, masked[source[0] : source[1]]) or _after_the_writer_s_inference(masked, source)
        ):
            return None
        if source is None:
            if _before(masked, m.start()).rstrip().endswith((",", *_CLOSERS)):
                source = _source_after(masked, m.end())
                if source and _PREPOSITION_FIRST.match(masked, source[0]):
                    # "Charlie Hebdo, attacked on Wednesday by ...", "X, who ..., said in an interview":
                    # a circumstance is no speaker
                    return None, cue, _trim(sent, m.end(), len(sent)), "agentless"
                if source and _FINITE.search(masked, source[0], _COMMA_OR_END.search(masked, source[0]).start()):
                    # "X, a research centre that works for Y, said a version may not be ready": what
                    # follows is the reported clause; the sentence's subject speaks
                    subject = _opening_noun_phrase(masked)
                    return subject, cue, _trim(sent, m.end(), len(sent)), "before" if subject else "agentless"
                if source:
                    return source, cue, _trim(sent, 0, m.start()), "inverted"
            return None
        if masked[source[0] - 2 : source[0]].strip() == "," and masked[
            m.end() : m.end() + _SOURCE_WINDOW
        ].lstrip().startswith(","):
            content = _trim(sent, 0, len(sent))  # parenthetical: "All the weapons, he noted, are ..."
        elif _quote_before(masked, source[0]):
            content = _trim(sent, 0, source[0])
        elif _reports_nothing(masked, m.end()):
            if _COMMA_AS_END.search(_before(masked, source[0])):
                # "The rest have been moved, Kennedy said.", "..., as Obama has pointed out.": what came before
                content = _trim(sent, 0, masked.rfind(",", 0, source[0]))
            else:  # "He testified for ten hours.", "more ambiguous than Gregory suggests."
                content = (m.end(), m.end())
        else:
            content = _trim(sent, m.end(), len(sent))
        return source, cue, content, "before"

    @staticmethod
    def _participle(sent: str, masked: str, m: re.Match, found: list[tuple]):
        before = _before(masked, m.start()).rstrip()
        if before.endswith((",", *_CLOSERS)) or _LINKING.search(before):
            # "..., saying that", "... by saying": whoever speaks in the main clause
            source = (found[-1][0] if found else None) or _subject(masked)
        else:  # "media reports suggesting that"
            source = _np_before(masked, m.start())
        if not source:
            return None
        return source, (m.start(), m.end()), _trim(sent, m.end(), len(sent)), "participle"


class _Taken:
    """Source and cue spans already found in a sentence, asked in left-to-right order whether
    they cover a position: a heap, so a flood of cues is not quadratic."""

    def __init__(self, found: list[tuple]):
        self._pending: list[Span] = []
        self._reach = -1
        for attribution in found:
            self.add(attribution)

    def add(self, attribution: tuple) -> None:
        for span in attribution[:2]:
            if span is not None and span[0] < span[1]:
                heapq.heappush(self._pending, span)

    def covers(self, position: int) -> bool:
        while self._pending and self._pending[0][0] <= position:
            self._reach = max(self._reach, heapq.heappop(self._pending)[1])
        return self._reach > position


def _for_cues(masked: str) -> str:
    """The text cues are searched in: lower-cased for a headline in title case ("Trump Says ...")."""
    spaces = masked.count(" ")
    if spaces >= 3 and len(_CAPITALISED.findall(masked)) >= 0.7 * spaces:
        lowered = masked.lower()
        if len(lowered) == len(masked):
            return lowered
    return masked


def _inside(position: int, span: Span | None) -> bool:
    return span is not None and span[0] <= position < span[1]


def _subject_end(word: str, verb: str) -> bool:
    """Could ``word`` end the subject of an ambiguous cue ('Reuters reported', 'reports suggesting')?"""
    if verb.endswith("ing"):
        return word.endswith((",", *_CLOSERS)) or word.lower().rstrip(",") in _SOURCE_WORDS | _LINKING_WORDS | _FINDINGS
    low = word.lower()
    if not word or low in _DETERMINERS or low in _NP_STOP or low.endswith(("’s", "'s")):
        return False
    if verb.endswith("ed") or low in _FINDINGS:  # "the official noted", "the poll found"
        return True
    if verb in _VERBS:  # a base form needs a plural subject: "Democrats hope", not "Iranian support"
        return low.endswith("s") or low in _SUBJECT_PRONOUNS - {"he", "she", "it"} or word[-1] in '”"~,'
    return word[0].isupper() or low.endswith("s") or low in _SUBJECT_PRONOUNS or word[-1] in '”"~,'


def _names_a_noun(masked: str, m: _CueMatch, aux: str, verb: str) -> bool:
    """'a rally called “Freedom Now”', 'a group named Y': the participle names the noun before it."""
    if verb not in ("called", "named") or aux.strip():
        return False
    before = _before(masked, m.start())
    return (_NAME_AFTER.match(masked, m.end()) is not None and _NAMED_NOUN.search(before) is not None) or (
        _NAME_SET_OFF.match(masked, m.end()) is not None and _NAMED_NOUN_SET_OFF.search(before) is not None
    )


#: The writer's inference about what someone found or thinks: "That seems to indicate Mueller
#: found ...", "This suggests Iran believes ...": no one's report.
_WRITER_S_INFERENCE = re.compile(
    r"(?:That|This|It|Which|Such)\s+(?:\w+ly\s+)?(?:seems|appears|suggests|indicates|implies|means|shows)\b"
    r"(?:\s+to\s+(?:indicate|suggest|show|mean|imply))?\s+(?:that\s+)?(?=\S)"
)


def _after_the_writer_s_inference(masked: str, source: Span) -> bool:
    """Whether the sentence opens with the writer's inference (``_WRITER_S_INFERENCE``) and the
    source is the subject of the clause it governs."""
    inference = _WRITER_S_INFERENCE.search(masked, 0, source[1])
    return inference is not None and inference.end() >= source[0] and masked[: inference.start()].strip() == ""


def _inverted(sent: str, source: str) -> bool:
    """Whether a source is the subject of a question or of a negated inversion ("Nor could X")."""
    if _NEGATED_INVERSION.match(source):
        return True
    return sent.rstrip(" ”\"'’").endswith("?") and _INVERTED.match(source) is not None and source[:4] != "May "


_AND_BUT = re.compile(r"(?:And|But)\s+")
#: Words that open a circumstance, not a noun phrase ("Even as ...", "With so much ...", "Whatever ...").
_NOT_A_NOUN_PHRASE = re.compile(
    r"(?:even|just|whatever|what|how|why|whether|with|without|despite|amid|among|like|[a-z]+ing|[a-z]+ly$)\b", re.I
)


def _opening_noun_phrase(masked: str) -> Span | None:
    """The sentence's first clause when it is a noun phrase ("The Orbital Institute, a research
    centre ..., said"; "But CAGE, the group ..."): not a circumstance ("In October, ...", "Even as
    ...") nor a quotation."""
    lead = _AND_BUT.match(masked)
    a = lead.end() if lead else 0
    comma = masked.find(",", a)
    if comma < 0 or not masked[a : a + 1].isupper():
        return None
    head = masked[a:comma]
    if (
        _LEADING.match(head)
        or _TIME_LEAD.match(head)
        or _PREPOSITION_FIRST.match(head)
        or _NOT_A_NOUN_PHRASE.match(head)
        or len(_words(head)) > _MAX_SOURCE_WORDS
    ):
        return None
    return _trim(masked, a, comma)


#: A sentence that opens with a condition: its first noun phrase is the subject of a hypothesis
#: ("If the United States were willing ..., by threatening ...").
_CONDITION_FIRST = re.compile(r"\W*(?:If|Unless|Even if)\s")


def _subject(masked: str) -> Span | None:
    """The sentence-initial noun phrase: words up to the first verb-looking word; none when the
    sentence opens with a condition."""
    if _CONDITION_FIRST.match(masked):
        return None
    start = 0
    stop = _FIRST_CLAUSE.search(masked, 0, _SOURCE_WINDOW)
    for _ in range(3):  # "In 2014, when Russia annexed Crimea, Secretary of State John Kerry ..., saying"
        head = masked[start : stop.start()] if stop else ""
        if not (stop and (_a_circumstance(head) or _CLAUSE_OPENER.match(head))):
            break
        if not _NOUN_PHRASE_START.match(masked, stop.end()) and not _CLAUSE_OPENER.match(masked, stop.end()):
            break
        # "In September, the administration ... and said" (not "In Calgary X spoke to a crowd, saying")
        start = stop.end()
        stop = _FIRST_CLAUSE.search(masked, start, start + _SOURCE_WINDOW)
    if _CLAUSE_OPENER.match(masked, start):
        return None  # "After Russian troops seized ..., X ordered ...": the opening clause has no speaker
    first_clause = masked[: stop.start() if stop else start + _SOURCE_WINDOW]
    begin, end = None, 0
    opening = len(masked) - len(masked[start:].lstrip())  # "(SOUNDBITE) ...": from the clause's first mark
    capitalised = []  # the run of capitalised words right before the word read
    for i, w in enumerate(_WORD.finditer(first_clause, start)):
        word = w.group()
        if begin is None and _AND_BUT.fullmatch(word + " "):  # "But experts ... point to": the experts
            opening = (_WORD.search(first_clause, w.end()) or w).start()
            continue
        if i == 8:  # no verb found: "experts in global health issues point to" -> the experts
            cut = _PREPOSITION_AFTER.search(masked, begin, end)
            if cut and masked[begin].islower():
                end = begin + len(masked[begin : cut.start()].rstrip())
            break
        if begin is not None and word.islower() and (word.endswith("ed") or word in _AUX_WORDS):
            break
        if begin is not None and _PAST(word) and not _PREPOSITION_FIRST.match(masked, begin):
            break  # "Carney shook his head and said" (not "In Calgary X spoke": see _after_a_person_s_name)
        if begin is not None and masked[begin:end].lower() in _SUBJECT_PRONOUNS:
            break  # "we saw ...": a pronoun is the whole subject
        lone_name = start and len(capitalised) == i and not _A_NAME_SOON.match(masked, w.start())
        if word.islower() and word not in _NAME_JOINERS and _after_a_person_s_name(capitalised, 1 if lone_name else 2):
            # "Foreign Minister Mohammad Javad Zarif took direct aim": the name ends at its verb; after an
            # opening circumstance a surname opening the clause does too ("On Thursday, ..., Trump cast
            # doubt"; not "..., the OIG report gave", "..., Trump friend Christopher Ruddy knocked")
            break
        capitalised = [*capitalised, word] if word[:1].isupper() else []
        begin, end = opening if begin is None else begin, w.end()
    return (begin, end) if end else None


#: Lower-case words and then a name: the words before it describe it ("Trump friend Christopher
#: Ruddy", "Obama's former national security spokesman Tommy Vietor").
_A_NAME_SOON = re.compile(r"(?![a-z]+s\s)(?:[a-z][\w-]*\s+){1,4}[A-Z]")  # not "Trump pushes Comey"
_PAST = IRREGULAR_PAST_WORD.fullmatch
#: A subordinate clause's first word: the clause it opens says when or why, and names no speaker.
_CLAUSE_OPENER = re.compile(r"\W*(?i:after|before|when|while|as|since|until|once|because|although|though)\s")
#: How the main clause's subject may begin after an opening circumstance: a name, a determiner, a
#: pronoun, or one lower-case modifier before a name ("interim Ukrainian President X"; not "echoing
#: Republican criticisms", "with Navy ships").
_NOUN_PHRASE_START = re.compile(
    r"\s*(?:[A-Z]|(?:the|a|an|its|their|his|her|he|she|they|we)\s"
    rf"|(?!{_PREPOSITION_FIRST.pattern}|[a-z]+(?:ing|ly)\b)[a-z]+\s+[A-Z])"
)
_SAID_AT_END = re.compile(r"(?<=\w)\s+(?:said|says)$")
_PREPOSITION_AFTER = re.compile(r"\s(?:in|at|on|from|with|of|for|across|around)\s")
_OPENING_WORDS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her"})
_NAME_JOINERS = frozenset(
    {"of", "for", "and", "the", "de", "del", "da", "al", "el", "bin", "ibn", "van", "von", "le", "la"}
)


def _after_a_person_s_name(capitalised: list[str], least: int) -> bool:
    """Whether capitalised words end in a person's name (``least`` or more, the last no title, body
    or place word): a lower-case word after them is the sentence's verb, not more of its subject."""
    words = [w for w in capitalised if w not in _OPENING_WORDS]
    if capitalised and _PREPOSITION_FIRST.match(capitalised[0] + " "):
        return False  # "In Calgary Rui Dias spoke": where the place ends and the name begins is unknown
    return len(words) >= least and not (
        is_title(words[-1]) or ORG_WORDS.fullmatch(words[-1]) or "." in words[-1] or gazetteer().find(words[-1])
    )


def _a_circumstance(clause: str) -> bool:
    """Whether a sentence's opening clause says when or where rather than who ("In September",
    "Last week", "On Tuesday", "However")."""
    clause = clause.strip()
    return bool(_PREPOSITION_FIRST.match(clause) or _TIME_LEAD.match(clause + " ") or _LEADING.fullmatch(clause))


def _reports_nothing(masked: str, cue_end: int) -> bool:
    if not _NOTHING_REPORTED.match(masked, cue_end):
        return False
    words = masked[cue_end:].lower().split()
    return len(words) <= _MAX_ADJUNCT_WORDS and not _CLAUSE_WORDS.intersection(words)


def _quote_before(masked: str, source_start: int) -> bool:
    return _before(masked, source_start).rstrip(" ,").endswith(_CLOSERS)


def _is_pronoun(text: str) -> bool:
    return text.lower() in PRONOUNS


_RECENT = 8  # how many earlier speakers and named actors a pronoun may refer to


class _Doc:
    """Per-document state: recent speakers for pronouns and definite descriptions."""

    def __init__(self, index: ActorIndex):
        self.index = index
        self.history: list[Speaker] = []  # speakers of earlier statements
        self._mentioned: list[Speaker] = []  # actors named outside quotes, a fallback for pronouns
        # Statements not yet searched for actors (masked text) or already searched (speakers):
        # only a pronoun needs them, so the search waits until one does.
        self._pending: list[str | list[Speaker]] = []

    def note(self, named: str | list[Speaker]) -> None:
        self._pending.append(named)

    def recently_mentioned(self) -> list[Speaker]:
        newer: list[Speaker] = []
        for item in reversed(self._pending):
            if len(newer) >= _RECENT:
                break
            speakers = item if isinstance(item, list) else [s for _, _, s in self.index.mentions(item)]
            newer = speakers + newer
        self._mentioned = (self._mentioned + newer)[-_RECENT:]
        self._pending.clear()
        return self._mentioned

    def speaker_for(self, mention: str, sentence: str) -> Speaker:
        mention = mention.strip()
        if _is_pronoun(mention):
            for candidates in (self.history[-_RECENT:], self.recently_mentioned()):
                for speaker in reversed(candidates):
                    if pronoun_fits(mention, speaker):
                        return speaker
            return Speaker(mention, "" if self.index.empty else "Other")
        definite = _DEFINITE.match(mention)
        if definite and not self.index.names_actor(mention):
            rest = definite.group("rest")
            names = _names_in(rest)
            scored = [
                (refers_to(rest, s), -i, s)
                for i, s in enumerate(reversed(self.history[-_RECENT:]))
                if all(name in s.name for name in names)
            ]
            scored = [item for item in scored if item[0] > 0]
            if scored:
                return max(scored, key=lambda item: (item[0], item[1]))[2]
        return self.index.resolve(mention, sentence)


_FINDER = _Finder()


def _names_in(reference: str) -> list[str]:
    """The capitalised words of a definite description that name no place or body ("the Obama
    campaign"): an earlier speaker it refers to must have them ("Mr. Romney's campaign" has not)."""
    return [run for run in _CAPITALISED_RUN.findall(reference) if not gazetteer().find(run)]


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*")


def attribute(
    text: str, statements: list[Span], codebook: Codebook, paragraph_starts: list[int] | None = None
) -> list[dict]:
    """One dict per statement: speaker, speaker_group, cue, quote, cited_media, and raw spans
    (source_span, cue_span, content_span; None when absent) for checking and benchmarking.
    ``attributions`` lists every attribution found in the statement, including agentless
    ones ("is expected to", source_span None), which do not give the statement a speaker.

    ``link`` is the index of the statement whose cue attributes this one (itself, or the
    statement that closes or opens the quotation it belongs to), else None.

    A quotation never runs on into a new paragraph. ``paragraph_starts`` (the body blocks' starts)
    says where paragraphs begin; without it every line break is taken as one, which is wrong for
    hard-wrapped text, where a quotation goes on across line breaks.
    """
    doc = _Doc(index_for(codebook))
    starts = sorted(paragraph_starts) if paragraph_starts is not None else None
    rows: list[dict] = []
    inside = False
    previous_end, previous_sent = 0, ""
    groups: list[list[int]] = []
    for i, (start, end) in enumerate(statements):
        if (starts is None and "\n" in text[previous_end:start]) or (
            starts is not None and bisect.bisect_right(starts, start) > bisect.bisect_right(starts, previous_end)
        ):
            inside = False
        sent = text[start:end]
        was_inside = inside
        regions, inside = _quoted_regions(sent, inside)
        if was_inside and groups:
            groups[-1].append(i)
        if inside and not (was_inside and regions[-1][0] == 0):
            groups.append([i])
        masked = _without_pop_ups(_mask(sent, regions))
        after_quote = was_inside or previous_sent.rstrip().endswith(_CLOSERS)
        rows.append(_attribute_one(doc, start, sent, masked, regions, after_quote))
        rows[-1]["_in_group"] = was_inside or inside
        previous_end, previous_sent = end, sent
    for i, row in enumerate(rows):
        if row.pop("_silent", False) and not _unattributed_quote(text, statements, rows, i + 1):
            # a cue that reports nothing, and no quotation it could announce follows: the writer's sentence
            row.update({k: v for k, v in _empty_row().items() if k != "attributions"})
    _spread_over_quotes(rows, groups, statements)
    for row in rows:
        del row["_in_group"]
    return rows


_QUOTE_OPENS = re.compile(r"[“\"‘']")


def _unattributed_quote(text: str, statements: list[Span], rows: list[dict], i: int) -> bool:
    """Whether statement ``i`` opens a quotation with no cue of its own or only a pronoun's, which
    the cue before it announces ("X issued a statement with a hopeful tone. “We welcome ...,” it said.")."""
    if i >= len(rows) or not _QUOTE_OPENS.match(text, statements[i][0]):
        return False
    source = rows[i]["source_span"]
    return rows[i]["cue_span"] is None or (source is not None and _is_pronoun(text[source[0] : source[1]]))


def _empty_row() -> dict:
    return {
        "speaker": "",
        "speaker_group": "",
        "cue": "",
        "quote": "",
        "cited_media": "",
        "source_span": None,
        "cue_span": None,
        "content_span": None,
        "link": None,
        "attributions": [],
    }


_MAIN_CUES = re.compile(r"(?:^|\s)(?:said|says|say|told(?:\s+reporters)?|tells|added|adds|according to)$", re.I)
#: Words that open a clause which is part of another clause: a cue whose subject comes right after
#: one ("averted what X predicted would be", "caused a stir when she said", "the memoir omits that
#: he claimed", "If the president knows") reports speech inside the writer's own sentence. The
#: first set opens a clause wherever it stands, even inside a source the finder read too long
#: ("the deal averted what Obama"); the second are also prepositions ("an official before the
#: talks described"), so only right before the subject. A concession ("Although Iran has denied
#: X, ...", "While Ruiz conceded ...") is not among them: the sentence grants the speech as said.
_CLAUSE_OPENERS = frozenset(["what", "whether", "if", "because", "how", "why", "when", "unless"])
_TIME_OPENERS = frozenset(["after", "before", "since", "until"])
_RELATIVES = frozenset({"that", "which", "who", "whom"})
_SUBORDINATORS = _CLAUSE_OPENERS | _TIME_OPENERS | _RELATIVES
#: Words that open the subject of a clause after "that" ("that the U.S. has told", "that he said");
#: a bare lower-case noun after it makes "that" a determiner ("that official said").
_CLAUSE_SUBJECTS = _DETERMINERS | _SUBJECT_PRONOUNS | {"his", "her", "its", "their", "our", "my", "your"}
_COLON_AFTER = re.compile(r"\s*:")
_COPULA_END = re.compile(r"(?:^|['’])(?:is|was|are|were|s)$", re.I)
_LAST_WORD = re.compile(r"(?:(\S*)\s+)?([A-Za-z]+)\s*$")
_OPENER_INSIDE = re.compile(rf"(?i)(?<![\w'’-])({'|'.join(sorted(_CLAUSE_OPENERS | _TIME_OPENERS))})\s+(?=\S)")
#: A verb in a source before "after" makes "after" open a clause ("The verdict came a day after the
#: Tribune reported"), not a preposition ("An official before the talks described").
_VERB_IN_SOURCE = re.compile(rf"\b(?:{_AUX}|[a-z]+ed|came|went|took|made|began|grew|rose|fell)\b")
#: A preposition before "which" or "whom" makes the clause the speech's own frame: "a statement in
#: which he called on Moscow to ...", "the letter in which she said".
_PREPOSITION = frozenset(
    ["in", "at", "on", "during", "with", "through", "by", "for", "from", "to", "of", "after", "before"]
)


def _subordinate(masked: str, source: Span, cue: Span) -> bool:
    """Whether a cue and its source (before it) make a subordinate clause of a sentence that is not
    itself a report: the word before the source, or one inside it, opens a clause ("what", "when",
    "that", ...) and no cue governs that clause ("said Monday that she" is a report in a report)."""
    if _COLON_AFTER.match(masked, cue[1]):
        return False  # "Here is what he said:" announces the speech that follows
    if source[1] > cue[0]:  # the source follows its cue ("said X", "according to X")
        # unless a relative is the cue's subject: "rebels - who are supported by Iran -"
        word = _LAST_WORD.search(masked, max(0, cue[0] - 40), cue[0])
        return word is not None and word.group(2).lower() in ("who", "which")
    text = masked[source[0] : source[1]]
    inside = None
    for inside in _OPENER_INSIDE.finditer(text):  # noqa: B007 (the last one is wanted)
        pass
    if (
        inside
        and "," not in text[: inside.start()]  # not in an apposition: "The review, by what is known as X, found"
        and (inside.group(1).lower() in _CLAUSE_OPENERS or _VERB_IN_SOURCE.search(text, 0, inside.start()))
    ):
        opener = source[0] + inside.start()
        word = _LAST_WORD.search(masked, max(0, opener - 40), opener + len(inside.group(1)))
    else:
        # the word before the source, or the source itself when it is a relative ("Trump, who said")
        end = source[1] if text.strip().lower() in _RELATIVES else source[0]
        word = _LAST_WORD.search(masked, max(0, source[0] - 40), end)
        if not word or word.group(2).lower() not in _SUBORDINATORS:
            return False
        first = text.split(maxsplit=1)[0]
        if word.group(2).lower() in ("that", "which") and first.islower() and first not in _CLAUSE_SUBJECTS:
            return False  # a determiner: "..., that official said", "At that time officials declined"
        opener = word.start(2)
        if end == source[1] and _VERB_IN_SOURCE.search(masked, 0, opener):
            # a relative as the subject after the main verb: "X faces criticism from officials who say
            # ...", "Supporters included Y, who said ...": the sentence ends on their speech
            return False
    opener_word, previous = word.group(2).lower(), word.group(1) or ""
    if opener_word == "what" and _COPULA_END.search(previous):
        return False  # "that's what Ryan argued is the problem": the sentence says it is their claim
    if _VERB_IN_SOURCE.search(masked, word.end(2), cue[0]):
        return False  # the clause ends before the cue: "A letter ... when Fisher was awarded the contract said"
    if previous.endswith(",") and opener_word in _TIME_OPENERS | {"when"}:
        return False  # "during the campaign, when he suggested ...": the speech the sentence is about
    if opener_word in ("which", "whom") and previous.lower() in _PREPOSITION:
        return False
    clause = max(masked.rfind(ch, 0, opener) for ch in ",;:—(")
    return _VERB.search(masked, max(clause + 1, opener - 40), opener) is None


def _heads(masked: str, attributions: list[dict], found: list[tuple], regions: list[Span]) -> list[dict]:
    """The voiced attributions that may give the statement its speaker: not those in a subordinate
    clause, unless what they report holds a quotation ("hammered Obama for what he called his
    “utter failure”"); and once one is, neither a cue inside what that clause reports ("who ...
    claimed Americans knew") nor a cue other than "said" with its source after it, which after a
    clause is its object ("X, who praised Y, welcomed the appointment of Z")."""
    voiced = [(a, f) for a, f in zip(attributions, found) if a["source_span"]]
    quoting = [f for _, f in voiced if any(f[2][0] <= a < f[2][1] for a, _ in regions)]
    below = [f for _, f in voiced if not _any_is(f, quoting) and _subordinate(masked, f[0], f[1])]
    if not below:
        return [a for a, _ in voiced]
    heads, objects = [], []
    for a, f in voiced:
        if _any_is(f, quoting):
            heads.append(f)
        elif _any_is(f, below) or any(
            g[1][1] <= f[1][0] < g[2][1] and "," not in masked[g[1][1] : f[1][0]] for g in below
        ):
            continue
        else:
            (objects if f[0][0] >= f[1][1] and not _MAIN_CUES.search(a["cue"]) else heads).append(f)
    if not heads and objects:
        # "X, who praised Y, welcomed Z": the relative's antecedent is the subject of the main cue
        relative = [
            g for g in below if masked[g[0][0] : g[0][1]].lower() in ("who", "which") and g[1][0] < objects[0][1][0]
        ]
        heads = relative[:1]
    return [a for a, f in voiced if _any_is(f, heads)]


#: A cue that says no words were said ("did not respond", "has not commented", "never said"): the
#: writer reports a silence, which gives the statement no speaker. Not a withheld position ("has not
#: denied", "did not dispute"): that is news of its own, and contradictions pair it with a denial.
_NOT_SAID = re.compile(
    r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+ly\s+)?(?:respond|repl|comment|sa[iy]|mention|name|disclos|indicat|offer|specif|"
    r"elaborat|answer|return|address|speak|spoke|discuss|explain|provid|giv|gave|releas|describ|detail|suggest|call|"
    r"announc|publish|tell|told|writ|wrote|show|identif)\w*",
    re.I,
)


#: A deed PolNeAR lists as an attribution ("Manafort had agreed to cooperate", "Iran responded by
#: stepping up production"; not "responded by saying"): no words are reported, so no speaker.
_AGREED_TO = re.compile(r"\s+to\s")
_RESPONDED_BY = re.compile(r"\s+by\s+(?=[a-z]+ing\b)")


def _a_deed(masked: str, cue: str, cue_end: int) -> bool:
    verb = cue.rsplit(maxsplit=1)[-1].lower()
    if verb.startswith("agree"):
        return _AGREED_TO.match(masked, cue_end) is not None
    by = _RESPONDED_BY.match(masked, cue_end) if verb.startswith("respond") else None
    return by is not None and not _VERB.match(masked, by.end())


def _of_mind(cue: str) -> bool:
    """A stance of mind ("Kim appears to be inching", "Erdogan wants to prevent"): PolNeAR lists it
    as an attribution, but it reports no utterance, so it gives the statement no speaker; news
    writers use it for their own reading of someone."""
    return cue.rsplit(maxsplit=1)[-1].lower() in _MIND_FORMS


def _any_is(item, items) -> bool:
    return any(item is other for other in items)


#: The longest source a headline in capitals names: a cue word in capitals may be a noun ("LIST").
_HEADLINE_SOURCE_WORDS = 3


def _attribute_one(doc: _Doc, offset: int, sent: str, masked: str, regions: list[Span], after_quote: bool) -> dict:
    """``after_quote``: the statement follows a quotation ("“...?” \n she asked."), whose speaker
    its cue names even when nothing follows the cue."""
    row = _empty_row()
    found = _FINDER(sent, masked)
    if found and sent.isupper():  # a headline in capitals: "X CLAIMS ...", not "PLANE ... JOINS LIST"
        found = [f for f in found if f[0] is None or len(sent[f[0][0] : f[0][1]].split()) <= _HEADLINE_SOURCE_WORDS]
    if not found:
        doc.note(masked)
        return row
    attributions = []
    region_starts = [a for a, _ in regions]
    for source, cue, content in (f[:3] for f in found):
        if source is None:
            speaker = Speaker("")
        else:
            speaker = doc.speaker_for(sent[source[0] : source[1]], masked)
            doc.history.append(speaker)
        attributions.append(
            {
                "speaker": speaker.name,
                "speaker_group": speaker.group,
                "cue": sent[cue[0] : cue[1]],
                "quote": "direct"
                if content[1] > content[0] and _quoted(content[0], regions, region_starts)
                else "indirect",
                "source_span": (offset + source[0], offset + source[1]) if source else None,
                "cue_span": (offset + cue[0], offset + cue[1]),
                "content_span": (offset + content[0], offset + content[1]),
            }
        )
    row["attributions"] = attributions
    voiced = [a for a in attributions if a["source_span"]]
    if not voiced:  # only agentless reports ("is said to"): the statement stays in the article's voice
        doc.note(masked)
        return row
    named = doc.index.mentions(masked)
    doc.note([speaker for _, _, speaker in named])
    heads = [
        a
        for a in _heads(masked, attributions, found, regions)
        if not _of_mind(a["cue"]) and not _a_deed(masked, a["cue"], a["cue_span"][1] - offset)
    ]
    heads = _not_about_a_silence(masked, heads, offset)
    spoken = [a for a in heads if not _NOT_SAID.search(a["cue"])]  # not "X wouldn't comment" beside another cue
    if not spoken:
        return row  # every cue sits in a subordinate clause, states a mind, a deed or a silence: the writer's sentence
    main = next((a for a in spoken if _MAIN_CUES.search(a["cue"])), spoken[0])
    row.update(main, cited_media=";".join(sorted({s.name for _, _, s in named if s.kind == "media"})))
    row["_silent"] = not regions and all(_reports_nothing_said(masked, a, offset, after_quote) for a in heads)
    return row


_CLOSING_SOURCE_WORDS = 4


def _reports_nothing_said(masked: str, attribution: dict, offset: int, after_quote: bool) -> bool:
    """A cue with nothing reported after it ("He testified for ten hours.", "... than Gregory
    suggests."), not one closing a quotation the segmenter split off ("Trump said.", "“...?”
    \n she asked.")."""
    content, source = attribution["content_span"], attribution["source_span"]
    if content[0] != content[1] or _MAIN_CUES.search(attribution["cue"]):
        return False
    if after_quote and source[0] == offset and len(masked[: source[1] - offset].split()) <= _CLOSING_SOURCE_WORDS:
        return False
    return _reports_nothing(masked, attribution["cue_span"][1] - offset)


_SILENCE_ENDS = re.compile(r"[,;:]|\s(?:but|and|while|though|although)\s")


def _not_about_a_silence(masked: str, heads: list[dict], offset: int) -> list[dict]:
    """Heads without a cue in what a silence is about, in the silence's clause ("X wouldn't comment
    on whether Y has asked"; not "X didn't comment, but a source said", "Pence did not mention it but
    his spokeswoman confirmed")."""
    ends = [a["cue_span"][1] - offset for a in heads if _NOT_SAID.search(a["cue"])]
    return [
        a
        for a in heads
        if not any(
            end <= a["cue_span"][0] - offset and not _SILENCE_ENDS.search(masked, end, a["cue_span"][0] - offset)
            for end in ends
        )
    ]


def _quoted(position: int, regions: list[Span], starts: list[int]) -> bool:
    """Whether ``position`` lies in one of the (sorted, disjoint) quoted regions."""
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < regions[i][1]


def _spread_over_quotes(rows: list[dict], groups: list[list[int]], statements: list[Span]) -> None:
    """Every sentence of a multi-sentence quotation gets the speaker its attribution names."""
    for i, row in enumerate(rows):
        if row["cue_span"] is not None:
            row["link"] = i
    for group in groups:
        holders = [i for i in group if rows[i]["cue_span"] is not None]
        if not holders:
            continue
        holder = rows[holders[-1] if rows[group[-1]]["cue_span"] is not None else holders[0]]
        for i in group:
            if rows[i]["cue_span"] is None:
                rows[i].update(
                    {
                        k: holder[k]
                        for k in ("speaker", "speaker_group", "cue", "cited_media", "source_span", "cue_span")
                    },
                    quote="direct",
                    content_span=statements[i],
                    link=holder["link"],
                )
