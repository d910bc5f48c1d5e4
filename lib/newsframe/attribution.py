"""Who said each statement: source, reporting cue, content and quote type.

Rule-based on purpose: news attribution is formulaic ("X said", "according to X", a quote
closed by "he added"), the rules run at corpus scale without models, and every decision can
be read off the cue and source spans kept with each statement. Text inside quotation marks
is masked before cues are searched, so words a speaker says never become a new attribution.
The cue verbs are general English reporting verbs; corpus knowledge (who is who) comes only
from the codebook through ``actors``.
"""

from __future__ import annotations

import re

from .actors import PRONOUNS, ActorIndex, Speaker, index_for, pronoun_fits, refers_to, trie_pattern
from .codebook import Codebook

Span = tuple[int, int]

_VERBS = {
    # base: (third person, past, participle); irregular forms spelled out
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
    "add": ("adds", "added", "adding"), "stress": ("stresses", "stressed", "stressing"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"), "emphasise": ("emphasises", "emphasised", "emphasising"),
    "warn": ("warns", "warned", "warning"), "claim": ("claims", "claimed", "claiming"),
    "note": ("notes", "noted", "noting"), "assure": ("assures", "assured", "assuring"),
    "condemn": ("condemns", "condemned", "condemning"), "report": ("reports", "reported", "reporting"),
    "believe": ("believes", "believed", "believing"), "state": ("states", "stated", "stating"),
    "announce": ("announces", "announced", "announcing"), "insist": ("insists", "insisted", "insisting"),
    "argue": ("argues", "argued", "arguing"), "explain": ("explains", "explained", "explaining"),
    "declare": ("declares", "declared", "declaring"), "deny": ("denies", "denied", "denying"),
    "reject": ("rejects", "rejected", "rejecting"), "confirm": ("confirms", "confirmed", "confirming"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"), "assert": ("asserts", "asserted", "asserting"),
    "maintain": ("maintains", "maintained", "maintaining"), "suggest": ("suggests", "suggested", "suggesting"),
    "indicate": ("indicates", "indicated", "indicating"), "allege": ("alleges", "alleged", "alleging"),
    "accuse": ("accuses", "accused", "accusing"), "write": ("writes", "wrote", "writing"),
    "tweet": ("tweets", "tweeted", "tweeting"), "urge": ("urges", "urged", "urging"),
    "dismiss": ("dismisses", "dismissed", "dismissing"), "respond": ("responds", "responded", "responding"),
    "reply": ("replies", "replied", "replying"), "admit": ("admits", "admitted", "admitting"),
    "reveal": ("reveals", "revealed", "revealing"), "predict": ("predicts", "predicted", "predicting"),
    "promise": ("promises", "promised", "promising"), "vow": ("vows", "vowed", "vowing"),
    "pledge": ("pledges", "pledged", "pledging"), "disclose": ("discloses", "disclosed", "disclosing"),
    "recall": ("recalls", "recalled", "recalling"), "counter": ("counters", "countered", "countering"),
    "concede": ("concedes", "conceded", "conceding"), "caution": ("cautions", "cautioned", "cautioning"),
    "complain": ("complains", "complained", "complaining"), "observe": ("observes", "observed", "observing"),
    "remark": ("remarks", "remarked", "remarking"), "comment": ("comments", "commented", "commenting"),
    "conclude": ("concludes", "concluded", "concluding"), "contend": ("contends", "contended", "contending"),
    "testify": ("testifies", "testified", "testifying"), "think": ("thinks", "thought", "thinking"),
    "mention": ("mentions", "mentioned", "mentioning"), "refute": ("refutes", "refuted", "refuting"),
    "ask": ("asks", "asked", "asking"), "blame": ("blames", "blamed", "blaming"),
    "criticize": ("criticizes", "criticized", "criticizing"), "inform": ("informs", "informed", "informing"),
    "voice": ("voices", "voiced", "voicing"), "express": ("expresses", "expressed", "expressing"),
    "agree": ("agrees", "agreed", "agreeing"), "question": ("questions", "questioned", "questioning"),
    "describe": ("describes", "described", "describing"), "call": ("calls", "called", "calling"),
    "estimate": ("estimates", "estimated", "estimating"), "charge": ("charges", "charged", "charging"),
    "hint": ("hints", "hinted", "hinting"), "cite": ("cites", "cited", "citing"),
    # position-taking acts (not mere intentions such as want, hope, seek, which would make
    # speakers of actors that only act)
    "endorse": ("endorses", "endorsed", "endorsing"),
    "praise": ("praises", "praised", "praising"), "refuse": ("refuses", "refused", "refusing"),
    "decline": ("declines", "declined", "declining"), "defend": ("defends", "defended", "defending"),
    "propose": ("proposes", "proposed", "proposing"), "oppose": ("opposes", "opposed", "opposing"),
    "find": ("finds", "found", "finding"), "show": ("shows", "showed", "showing"),
    "joke": ("jokes", "joked", "joking"),
    "mock": ("mocks", "mocked", "mocking"), "thank": ("thanks", "thanked", "thanking"),
}
# Forms that are as often nouns or adjectives ("media reports", "the alleged attack", "a
# warning"): taken as cues only after an auxiliary or right after a plausible subject.
_AMBIGUOUS = {
    "report", "reports", "reported", "claim", "claims", "call", "calls", "called", "note", "notes", "noted",
    "state", "states", "stated", "comment", "comments", "remark", "remarks", "charge", "charges", "charged",
    "estimate", "estimates", "estimated", "counter", "counters", "promise", "promises", "pledge", "pledges",
    "vow", "vows", "tweet", "tweets", "mention", "mentions", "alleged", "question", "questions", "express",
    "voice", "voices", "concerns", "show", "shows", "find", "finds", "decline", "declines", "found",
    "thanks", "jokes", "praise",
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "such", "any", "some", "no", "every", "each", "which", "what",
}
_SUBJECT_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who"}
_VERB_FORMS = sorted({form for base, forms in _VERBS.items() for form in (base, *forms) if len(form) > 3 or form in ("say", "add", "ask")})
_PHRASES = [
    "made note of", "took note of", "released a statement", "issued a statement", "put out a statement",
    "made clear", "made the case", "pointed out", "pointed to", "went on", "spoke of", "spoke about",
    "talked about", "talking about", "referring to", "called for", "calling for", "called on", "calling on",
    "told reporters",
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
    rf"(?<![\w’'-])(?:(?:(?:{_AUX})\s+)+(?:(?:{_ADVERBS}|and|[a-z]{{2,}}ly)\s+)*|(?:(?:{_ADVERBS})\s+)+)$"
)


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


def _cues(masked: str):
    for m in _VERB.finditer(masked):
        before = _AUX_BEFORE.search(masked, max(0, m.start() - 80), m.start())
        start = before.start() if before else m.start()
        yield _CueMatch(start, m.end(), masked[start : m.start()], m.group())
_ACCORDING = re.compile(r"(?<![\w-])[Aa]ccording to\s+")
_AUX_WORDS = set(_AUX.split("|"))
_MODAL = re.compile(r"\b(?:would|could|should|might|may|will|to)\s", re.I)
_PASSIVE_BY = re.compile(r"^\s+by\s+")
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|been|be|being)\s")
_LEADING = re.compile(
    r"^(?:(?:and|but|so|yet|while|whereas|although|though|as|because|since|if|when|however|meanwhile|"
    r"also|still|now|then|instead|moreover|indeed|earlier|later|last|this|next|on|in|at|during|after|"
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
    "the", "a", "an", "to", "or", "and", "of", "that", "which", "who", "in", "on", "for", "with",
    "by", "as", "it’s", "it's", "not", "than", "be", "this", "these", "those", "their", "his", "her", "its",
}
_NP_STOP = _BAD_END | {
    "amid", "at", "from", "about", "after", "before", "during", "into", "over", "under", "against",
    "while", "when", "because", "if", "although", "though", "but", "is", "are", "was", "were", "has",
    "have", "had", "came", "come", "been", "there", "where",
}
_DEFINITE = re.compile(r"^(?:the|this|that|these|those|he)\s+(?P<rest>[a-z][\w’'-]*(?:\s+[\w’'-]+){0,3})$", re.I)
_SOURCE_WORDS = {"reports", "sources", "officials", "statement", "statements", "media", "report", "documents"}
# "Bernie Sanders: ..." / "JAKE TAPPER: ..." (headlines and transcripts): a short name, a colon.
_COLON = re.compile(r"(?P<source>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|\([\w.-]+\))){0,4})\s*(?P<cue>:)\s+(?=\S)")
_LABELS = {
    "update", "updated", "note", "editor", "editors", "photo", "photos", "watch", "read", "related", "source",
    "video", "correction", "caption", "exclusive", "breaking", "q", "a", "question", "answer", "live", "see",
    "also", "more", "image", "credit", "warning", "sources", "contact", "follow", "listen", "transcript",
}
_QUOTE_MARK = re.compile(r"[“”\"]|''")
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
        close_mark = re.search(r"(?:[”\"]|'')$", sent[inner_a:b])
        inner_b = b - len(close_mark.group()) if close_mark else b
        parts.append(sent[a:inner_a] + "~" * (inner_b - inner_a) + sent[inner_b:b])
        last = b
    parts.append(sent[last:])
    return "".join(parts)


def _trim(sent: str, a: int, b: int) -> Span:
    while a < b and sent[a] in " ,;:—–-\t\n":
        a += 1
    while b > a and sent[b - 1] in " ,;:—–-.\t\n":
        b -= 1
    return a, b


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'.-]+", text)


def _source_before(masked: str, cue_start: int, floor: int = 0) -> Span | None:
    """The noun phrase that ends right before a cue: the last clause of the text before it,
    joined with an appositive (', a spokesman for X,') when the cue follows one."""
    left = masked[:cue_start]
    relative = re.search(r"\b(?:who|which)\s+$", left)
    if relative:  # "Ted Cruz, who said ...": PolNeAR marks the relative pronoun as the source
        return relative.start(), relative.start() + len(relative.group().rstrip())
    boundary = max(left.rfind(ch) for ch in ";:”\"~—")
    boundary = max(boundary, _last_that(left), floor - 1)
    parts = [m.start() for m in re.finditer(",", left) if m.start() > boundary]
    start = (parts[-1] + 1) if parts else boundary + 1
    limit = _MAX_SOURCE_WORDS
    if not left[start:].strip() and len(parts) >= 2:  # "X, the spokesman for Y, said"
        start = (parts[-3] + 1) if len(parts) >= 3 else boundary + 1
        limit = 2 * _MAX_SOURCE_WORDS
    elif not left[start:].strip():
        return None
    a, b = _trim(masked, start, cue_start)
    lead = _LEADING.match(masked[a:b]) or _TIME_LEAD.match(masked[a:b])
    while lead and lead.end() > 0:
        a, b = _trim(masked, a + lead.end(), b)
        lead = _LEADING.match(masked[a:b]) or _TIME_LEAD.match(masked[a:b])
    words = _words(masked[a:b])
    if words and words[-1] in ("and", "but"):  # "X reacted to the news and released a statement"
        subject = _subject(masked[a:b])
        return (a + subject[0], a + subject[1]) if subject else None
    if not words or len(words) > limit or words[-1].lower() in _BAD_END or "~" in masked[a:b]:
        return None
    return a, b


def _last_that(left: str) -> int:
    m = None
    for m in re.finditer(r"\b(?:that|who|which)\b", left):
        pass
    return m.end() if m else -1


def _np_before(masked: str, cue_start: int) -> Span | None:
    """The bare noun phrase right before a participle ('media reports suggesting')."""
    a = cue_start
    words = list(re.finditer(r"[\w’'.-]+", masked[:cue_start]))
    taken = 0
    for w in reversed(words):
        if w.group().lower() in _NP_STOP or masked[w.end() : a].strip(" ") or taken == 5:
            break
        a, taken = w.start(), taken + 1
    return (a, cue_start - (len(masked[:cue_start]) - len(masked[:cue_start].rstrip()))) if taken else None


def _source_after(masked: str, cue_end: int) -> Span | None:
    """Inverted order: '..., said Peter Stano, a spokesman for ...' up to the end of the sentence,
    a quotation or a participle clause (', adding that')."""
    end = len(masked)
    stop = re.search(r"[~“\";]|,\s+[a-z]+ing\b|\s[—–]\s", masked[cue_end:])
    if stop:
        end = cue_end + stop.start()
    a, b = _trim(masked, cue_end, end)
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
        if m and m.group("source").split()[0].lower() not in _LABELS:
            source = m.span("source")
            return [(source, (m.start("cue"), m.end("cue")), _trim(sent, m.end(), len(sent)), "colon")]
        m = _ACCORDING.search(masked)
        if m:
            according = self._according(sent, masked, m)
            if according:
                found.append(according)
        floor = 0
        for m in _cues(masked):
            if m.start() < floor or any(_inside(m.start(), f[0]) or _inside(m.start(), f[1]) for f in found):
                continue
            attribution = self._cue(sent, masked, m, found, floor)
            if attribution:
                found.append(attribution)
                floor = m.end()
        found.sort(key=lambda f: f[1][0])
        for i, (source, cue, content, form) in enumerate(found[:-1]):
            nxt = min(found[i + 1][0][0], found[i + 1][1][0])
            if content[0] < nxt < content[1] and nxt > cue[1]:
                found[i] = (source, cue, _trim(sent, content[0], nxt), form)
        return found

    @staticmethod
    def _according(sent: str, masked: str, m: re.Match):
        end = len(masked)
        stop = re.search(r"[,;:]", masked[m.end() :])
        if stop:
            end = m.end() + stop.start()
        source = _trim(masked, m.end(), end)
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
        cue = (m.start(), m.end())
        previous = re.search(r"(\S+)\s*$", masked[: m.start()])
        previous = previous.group(1) if previous else ""
        if not aux.strip() and (verb in _AMBIGUOUS or verb.endswith("ing")) and not _subject_end(previous, verb):
            return None
        if _MODAL.search(aux) or (masked[: m.start()].rstrip().endswith((" to", " or")) and not aux):
            return None
        if _PASSIVE_AUX.search(aux) and not verb.endswith("ing"):  # "was reported by X"
            by = _PASSIVE_BY.match(masked[m.end() :])
            if not by:
                return None
            source = _trim(masked, m.end() + by.end(), len(masked))
            return source, (m.start(), m.end() + by.end() - 1), _trim(sent, 0, m.start()), "passive"
        if verb.endswith("ing") and not aux.strip():
            return _Finder._participle(sent, masked, m, found)
        source = _source_before(masked, m.start(), floor)
        if source is None:
            if masked[: m.start()].rstrip().endswith((",", "”", '"', "~")):
                source = _source_after(masked, m.end())
                if source:
                    return source, cue, _trim(sent, 0, m.start()), "inverted"
            return None
        if masked[source[0] - 2 : source[0]].strip() == "," and masked[m.end() :].lstrip().startswith(","):
            content = _trim(sent, 0, len(sent))  # parenthetical: "All the weapons, he noted, are ..."
        elif _quote_before(masked, source[0]):
            content = _trim(sent, 0, source[0])
        else:
            content = _trim(sent, m.end(), len(sent))
        return source, cue, content, "before"

    @staticmethod
    def _participle(sent: str, masked: str, m: re.Match, found: list[tuple]):
        before = masked[: m.start()].rstrip()
        if before.endswith(","):  # "..., saying that": whoever speaks in the main clause
            source = found[-1][0] if found else _subject(masked)
        else:  # "media reports suggesting that"
            source = _np_before(masked, m.start())
        if not source:
            return None
        return source, (m.start(), m.end()), _trim(sent, m.end(), len(sent)), "participle"


def _inside(position: int, span: Span) -> bool:
    return span[0] <= position < span[1]


def _subject_end(word: str, verb: str) -> bool:
    """Could ``word`` end the subject of an ambiguous cue ('Reuters reported', 'reports suggesting')?"""
    if verb.endswith("ing"):
        return word.endswith(",") or word.lower().rstrip(",") in _SOURCE_WORDS
    low = word.lower()
    if not word or low in _DETERMINERS or low in _NP_STOP or low.endswith(("’s", "'s")):
        return False
    if verb.endswith("ed"):  # "the official noted"; "the alleged attack" was excluded above
        return True
    return word[0].isupper() or low.endswith("s") or low in _SUBJECT_PRONOUNS or word[-1] in "”\"~,"


def _subject(masked: str) -> Span | None:
    """The sentence-initial noun phrase: words up to the first verb-looking word."""
    first_clause = re.split(r"[,;]", masked, maxsplit=1)[0]
    end = 0
    for i, w in enumerate(re.finditer(r"[\w’'.-]+", first_clause)):
        word = w.group()
        if i == 8 or (i > 0 and word.islower() and (word.endswith("ed") or word in _AUX_WORDS)):
            break
        end = w.end()
    return (0, end) if end else None


def _quote_before(masked: str, source_start: int) -> bool:
    return masked[:source_start].rstrip(" ,").endswith(("”", '"', "~"))


def _is_pronoun(text: str) -> bool:
    return text.lower() in PRONOUNS


class _Doc:
    """Per-document state: recent speakers for pronouns and definite descriptions."""

    def __init__(self, index: ActorIndex):
        self.index = index
        self.history: list[Speaker] = []  # speakers of earlier statements
        self.mentioned: list[Speaker] = []  # actors named outside quotes, a fallback for pronouns

    def speaker_for(self, mention: str, sentence: str) -> Speaker:
        mention = mention.strip()
        if _is_pronoun(mention):
            for candidates in (self.history[-8:], self.mentioned[-8:]):
                for speaker in reversed(candidates):
                    if pronoun_fits(mention, speaker):
                        return speaker
            return Speaker(mention, "" if self.index.empty else "Other")
        definite = _DEFINITE.match(mention)
        if definite and not self.index.mentions(mention):
            scored = [(refers_to(definite.group("rest"), s), -i, s) for i, s in enumerate(reversed(self.history[-8:]))]
            scored = [item for item in scored if item[0] > 0]
            if scored:
                return max(scored, key=lambda item: (item[0], item[1]))[2]
        return self.index.resolve(mention, sentence)


_FINDER = _Finder()


def attribute(text: str, statements: list[Span], codebook: Codebook) -> list[dict]:
    """One dict per statement: speaker, speaker_group, cue, quote, cited_media, and raw spans
    (source_span, cue_span, content_span; None when absent) for checking and benchmarking.

    ``link`` is the index of the statement whose cue attributes this one (itself, or the
    statement that closes or opens the quotation it belongs to), else None.
    """
    doc = _Doc(index_for(codebook))
    rows: list[dict] = []
    inside = False
    previous_end = 0
    groups: list[list[int]] = []
    for i, (start, end) in enumerate(statements):
        if "\n" in text[previous_end:start]:
            inside = False
        sent = text[start:end]
        was_inside = inside
        regions, inside = _quoted_regions(sent, inside)
        if was_inside and groups:
            groups[-1].append(i)
        if inside and not (was_inside and regions[-1][0] == 0):
            groups.append([i])
        masked = _mask(sent, regions)
        rows.append(_attribute_one(doc, start, sent, masked, regions))
        rows[-1]["_in_group"] = was_inside or inside
        previous_end = end
    _spread_over_quotes(rows, groups, statements)
    for row in rows:
        del row["_in_group"]
    return rows


def _empty_row() -> dict:
    return {
        "speaker": "", "speaker_group": "", "cue": "", "quote": "", "cited_media": "",
        "source_span": None, "cue_span": None, "content_span": None, "link": None, "attributions": [],
    }


_MAIN_CUES = re.compile(r"(?:^|\s)(?:said|says|say|told|tells|added|adds|according to)$", re.I)


def _attribute_one(doc: _Doc, offset: int, sent: str, masked: str, regions: list[Span]) -> dict:
    row = _empty_row()
    found = _FINDER(sent, masked)
    named = doc.index.mentions(masked)
    if not found:
        doc.mentioned.extend(speaker for _, _, speaker in named)
        return row
    attributions = []
    for source, cue, content in (f[:3] for f in found):
        speaker = doc.speaker_for(sent[source[0] : source[1]], masked)
        doc.history.append(speaker)
        attributions.append({
            "speaker": speaker.name,
            "speaker_group": speaker.group,
            "cue": sent[cue[0] : cue[1]],
            "quote": "direct" if content[1] > content[0] and any(a <= content[0] < b for a, b in regions) else "indirect",
            "source_span": (offset + source[0], offset + source[1]),
            "cue_span": (offset + cue[0], offset + cue[1]),
            "content_span": (offset + content[0], offset + content[1]),
        })
    doc.mentioned.extend(speaker for _, _, speaker in named)
    main = next((a for a in attributions if _MAIN_CUES.search(a["cue"])), attributions[0])
    row.update(main, cited_media=";".join(sorted({s.name for _, _, s in named if s.kind == "media"})))
    row["attributions"] = attributions
    return row


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
                    {k: holder[k] for k in ("speaker", "speaker_group", "cue", "cited_media", "source_span", "cue_span")},
                    quote="direct",
                    content_span=statements[i],
                    link=holder["link"],
                )
