"""Site boilerplate by shape, found inside body blocks: in sentences, glued into paragraphs, in single-line text.

Scraped pages often arrive with no line breaks, or with a credit, a link line or a sign-up prompt
glued into a paragraph, so the line rules of ``clean`` never see them. Each family here is a
pattern of the *shape* of such language (a photo credit "(AGENCY Photo/Name)", a line that opens
with "Related:" or "Read more", an imperative to sign up for a newsletter or an app, a copyright
sign with a year, ...), matched either

- inline, anywhere in a block (credits, stand-alone markers such as "ADVERTISEMENT" between two
  sentences, caption openers such as "Image copyright ... Image caption"): the removed span is just
  that piece, or the caption it opens up to the end of its sentence; or
- on a sentence unit (``sentence_units``): the whole sentence is removed;
- a block that ends with a credit is a caption as a whole.

Patterns never name one corpus's strings; they are tested on synthetic text. A removed piece
keeps the exact offsets of the raw text, so the caller splits the body block around it.
"""

from __future__ import annotations

import re

# Reasons, one per family (as written to removed_spans.csv).
CREDIT = "photo credit or caption"
LINK = "link to other stories"
PROMPT = "newsletter, sign-up or app prompt"
COPYRIGHT = "copyright or reprint line"
MARKER = "advertisement or continuation marker"
BYLINE = "byline or contributor line"
REPUBLISHED = "republication note"
BIO = "author bio"

RULES = {
    CREDIT: "a photo credit such as '(AGENCY Photo/Name)', 'Photograph: Name/Agency' or 'AGENCY/Name' "
    "(a paragraph ending in one is a caption as a whole), or a caption opened by 'Image copyright ... "
    "Image caption', 'Media playback is unsupported ...', 'Enlarge this image' or share buttons",
    LINK: "a sentence or line that opens with 'Read more', 'Related:', 'More:', 'See also', 'Watch:', "
    "'Click here / the link', a headline ending in 'Read more', or a video teaser (an upper-case WATCH "
    "label, a title and a duration): a link to other stories",
    PROMPT: "an imperative to sign up, subscribe, download, follow or join, about a newsletter, inbox, "
    "e-mail, app or social account; or the consent line under a sign-up form",
    COPYRIGHT: "a sentence opening with 'Copyright' or '©', or naming reprint permission, 'all rights "
    "reserved' or that the material may not be published or redistributed",
    MARKER: "'Advertisement', 'Story continued below', 'Continue reading the main story' and similar "
    "markers standing between sentences, or a short line of page furniture",
    BYLINE: "'By Name[, role] [for Outlet]' without sentence punctuation, or a line saying who "
    "contributed to, reported, wrote or edited the story",
    REPUBLISHED: "a sentence saying the article was (re)published, first appeared or is available "
    "elsewhere (republication and syndication notes), or that the views expressed are the author's own",
    BIO: "at the end of the body: sentences of the shape 'Name is a columnist / fellow / professor ... "
    "(at|for) ...' describing the author",
}

#: Sentence units longer than this are prose, whatever they open with (each pattern bounds its own length).
MAX_UNIT_CHARS = 700

_NAME = r"[A-Z][\w.'’&-]*"
_INLINE = [
    # (AP Photo/Evan Vucci), (AP Photo/ Name, File), (Photo by Name/Getty Images)
    (
        CREDIT,
        ("(",),
        re.compile(
            r"\((?:[A-Z][\w.&'’-]*\s){0,3}(?:Photo|Photograph|Image|Video|Picture)s?"
            r"(?:\s?/\s?|\sby\s|:\s?)[^()\n]{1,80}\)"
        ),
    ),
    # (AP Photo), (Satellite image ©2019 Company via AP)
    (CREDIT, ("(",), re.compile(r"\((?:[A-Z][\w.&'’-]*\s){0,3}(?:Photo|Photograph|Image|Picture)s?\)")),
    (
        CREDIT,
        ("©", " via "),
        re.compile(
            r"\([^()\n©]{0,80}©[^()\n]{0,60}\)"
            r"|\([^()\n]{0,80}\svia\s(?:AP|AFP|Reuters|REUTERS|Getty Images)\)"
        ),
    ),
    # Name Surname/AFP/Getty Images, AFP/Getty Images: a photographer and the agencies that distribute photos
    (
        CREDIT,
        ("/",),
        re.compile(
            r"\b(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*/(?:[A-Z][\w.'’-]*/)*"
            r"(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|Pool|File Photo|Handout)\b"
        ),
    ),
    # Photograph: Name Surname/AGENCY/Getty Images, Photo: Agency
    (
        CREDIT,
        ("/",),
        re.compile(
            r"\b(?:Photograph|Photo(?:\s[Cc]redit)?|Picture|Image\s[Cc]redit):\s?"
            rf"{_NAME}(?:\s(?=[A-Z]){_NAME}){{0,3}}(?:\s?/\s?{_NAME}(?:\s(?:Images|Photos?|Pictures))?)+"
        ),
    ),
]
#: Openers of a caption: the caption runs to the end of its sentence (or block).
_CAPTION_OPENER = re.compile(
    r"(?:Image\s(?:copyright|caption)\b|Media playback is (?:unsupported|not supported) on your device"
    r"|Enlarge this image\b|toggle caption\b|Facebook Twitter Pinterest\b|(?:Hide|Show) [Cc]aption\b"
    r"|\b\d+ of \d+ (?:Photos|Images)\b)"
)
#: Markers that stand between sentences (checked to start and end at a unit boundary).
_MARKER = (
    r"(?:ADVERTISEMENT|Advertisement:?|SPONSORED CONTENT|Story [Cc]ontinue[sd] [Bb]elow"
    r"|Continue reading the main story|Article continues (?:below|after (?:this )?advertisement)|\[pullquote\])"
)
_MARKER_INLINE = re.compile(rf"{_MARKER}(?:\s+{_MARKER})*")
#: A block ending in a credit of the form AGENCY/Name (REUTERS/Jane Doe, Name/AFP/Getty Images).
_CREDIT_END = re.compile(
    rf"(?:\b[A-Z]{{2,}}|{_NAME})(?:\s?/\s?{_NAME}(?:\s{_NAME}){{0,3}})+"
    r"(?:\s?-?/?\s?(?:File|FILE)(?:\s[Pp]hoto)?)?\)?\.?$"
)
#: Words without which no inline pattern can match.
_INLINE_HINTS = (
    "WATCH",
    "Photo",
    "Image",
    "Video",
    "Picture",
    "Media playback",
    "Enlarge",
    "toggle caption",
    "Facebook Twitter",
    "Hide caption",
    "ADVERTISEMENT",
    "Advertisement",
    "SPONSORED",
    "Continue",
    "continue",
    "pullquote",
    "/",
)
_BY_CAPITAL = re.compile(r"By\s[A-Z]")


def _has_hint(block: str) -> bool:
    """Words without which no inline pattern can match (plain substring tests: fast)."""
    return any(hint in block for hint in _INLINE_HINTS) or bool(_BY_CAPITAL.search(block))


#: A video player's teaser: an upper-case WATCH label, a title, then a duration or a replay button.
_VIDEO = re.compile(
    r"(?:[A-Z]+ )?WATCH(?:ED)?\b[^\n]{0,200}?(?:\b\d{1,2}:\d{2}\b|Replay(?: More Videos)?(?: ?(?:\.\.\.|…))?)"
)
#: A paragraph that ends in "Photograph: Name" (no slash needed at the end of a caption).
_CREDIT_TAIL = re.compile(r"\b(?:Photograph|Photo|Picture):\s?[A-Z][^.!?:;]{0,70}$")
#: A short block that is only a credit: "REUTERS/Name", "AGENCY/", "(Getty Images.)".
_CREDIT_LINE = re.compile(r"(?:\(?[A-Z]{2,}/[^\n]{0,70}|\((?:Getty Images|AP|AFP|Reuters|EPA)\b[^()\n]{0,60}\)\.?)$")
#: A glued byline at the start of a unit: "By Name Surname[, Role] for [the] Outlet".
_BYLINE_INLINE = re.compile(
    rf"By\s{_NAME}(?:\s{_NAME}){{0,3}}(?:,\s[A-Za-z ]{{1,40}}?)?\sfor\s"
    rf"(?:the\s)?{_NAME}(?:\s{_NAME})?"
)

_UNIT_RULES = [
    (
        PROMPT,
        re.compile(
            r"^(?:(?:sign\s?up|subscribe|register|get|download|join|follow|like|click\shere\sto\s\w+)\b.{0,200}?"
            r"\b(?:newsletters?|inbox|e-?mails?|app|podcasts?|twitter|facebook|instagram|youtube|alerts)\b"
            r"|by\s(?:signing\sup|subscribing|clicking)\b|please\sverify\syou['’]re\snot\sa\srobot|enter\syour\se-?mail"
            r"|sign\s?up\s(?:here|now|today|to\sreceive|to\sget|for\sour)\b|subscribe\s(?:via|now|today|here)\b"
            r"|click\s(?:here\s)?to\s(?:subscribe|sign\s?up|download|follow)\b|e-?mail\ssign\s?up|.{0,80}\byour\sinbox\b"
            r"|.{0,150}\bfollow\sus\s(?:on|at)\b"
            r"|.{0,80}\bnewsletters?\b.{0,80}\b(?:sign\s?up|subscribe)\b|.{0,80}\b(?:sign\s?up|subscribe)\b.{0,80}\bnewsletters?\b"
            r"|.{0,80}\b(?:is\sa|delivers\sthe)\s(?:\S+\s){0,4}newsletter\b)",
            re.I | re.S,
        ),
    ),
    (
        COPYRIGHT,
        re.compile(
            r"^(?:copyright\s?(?:©|\(c\)|\d{4})|©|\(c\)\s?\d{4})|\ball rights reserved\b|\breprint permission\b"
            r"|\bmay not be (?:published|reproduced|redistributed|republished)\b",
            re.I,
        ),
    ),
    (
        LINK,
        re.compile(
            r"^(?:(?:read|see)\s(?:more|also|next|the\sfull\s(?:story|article))\b"
            r"|related(?:\s(?:articles?|stor(?:y|ies)|coverage|content|news|reading|links?|videos?))?(?:\s?:|\.\.\.|…)"
            r"|related\s(?:articles?|stor(?:y|ies)|coverage|content|news|links?|videos?)\s(?=[A-Z])"
            r"|more(?:\son\sthis)?\s?(?::|\.\.\.|…)|(?:also\sread|watch|listen|recommended|trending|top\sstories"
            r"|editor['’]?s\spicks?|don['’]t\smiss)\s?:|click\s(?:here|the\slink|on\sthe\slink|below)\b"
            r"|to\sread\smore\b)"
            r"|^.{0,200}\bread\smore\W*$",
            re.I | re.S,
        ),
    ),
    (
        MARKER,
        re.compile(
            r"^(?:advertisement|sponsored(?:\scontent)?|story\scontinue[sd]\sbelow|continue\sreading(?:\sthe\smain\sstory)?"
            r"|\[pullquote\]|slideshow\s\(\d+\simages?\)|this\s(?:article|story)\sis\smore\sthan\s\d+\s\w+\sold"
            r"|\d+\s(?:years?|months?|weeks?|days?|hours?)\sago|close|skip(?:\sad)?)\W*$"
            r"|^previous\snext\b|\bview\sslideshow\W*$",
            re.I,
        ),
    ),
    (
        BYLINE,
        re.compile(
            r"^(?:(?:analysis|written|words|interview|photographs|video)\sby\s[A-Z][^.!?]{0,100}"
            r"|By\s[A-Z][^.!?]{0,100}"
            r"|.{0,600}\bcontribut(?:ed|ing)\s(?:to\s)?(?:this\s)?(?:reports?|reporting|story|article)\b.{0,60}"
            r"|(?i:contributing)\s?:.{0,600}|\(?(?i:(?:additional\s|with\s)?reporting\sby)\b.{0,300}"
            r"|(?i:writing|editing)\sby\b.{0,200}"
            r"|(?:(?:Associated\sPress|AP)\s)?[Ww]riters\s[A-Z].{0,600}\bcontributed\b.{0,60}"
            r"|.{0,80}\bbased\s(?:in\spart\s)?on\s(?:wire|news\sagency|agency)[-\s]?(?:service\s)?reports\b.{0,40})$",
            re.S,
        ),
    ),
    (
        REPUBLISHED,
        re.compile(
            r"^(?:(?:this|the)\s(?:article|story|piece|essay|post|column|op-ed|commentary)\s(?:is|was|has\sbeen|originally|first)\b"
            r".{0,60}?\b(?:republished|reprinted|published|appeared|syndicated|adapted|posted)\b"
            r"|a\sversion\sof\sthis\s(?:article|story)\s(?:appeared|appears)\b"
            r"|.{0,100}\bis\savailable\swithout\scharge\b|.{0,80}\boriginally\s(?:appeared|published)\s(?:on|in|at)\b"
            r"|the\s(?:views|opinions)\sexpressed\b.{0,120}\b(?:own|necessarily)\b)",
            re.I | re.S,
        ),
    ),
]
_BIO = re.compile(
    r"^(?:[—–•-]\s?|\()?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,4},?\s(?:is|was|serves\sas|has\sbeen)\s(?:a|an|the|formerly)\b"
    r".{0,250}?\b(?:columnist|correspondent|reporter|editor|writer|fellow|professor|author|contributor|analyst"
    r"|journalist|commentator|lecturer|researcher|scholar)\b.{0,250}$",
    re.S,
)

#: A sentence ends at . ! ? or … (plus closing quotes or brackets) followed by space, except after
#: an abbreviation: a single letter, dotted initials (U.S.), a two-letter capitalised word (Mr., St.)
#: or a common title or month (Gen., Sen., Sept.); a pointing sign (👉) ends a call to click. The punctuation comes first in
#: the pattern so that the regex engine can skip ahead to it (fast on long text).
_BOUNDARY = re.compile(
    r"""[.!?…👉👇→▶►](?<!\b[A-Za-z]\.)(?<!\b[A-Z][a-z]\.)"""
    r"""(?<!\b(?:Gen|Sen|Rep|Gov|Col|Sgt|Maj|Mrs|Rev|Adm|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec)\.)"""
    r"""(?<!\b(?:Capt|Corp|Sept|Prof)\.)["'”’»)\]]*"""
    # the gap: spaces, or none where two paragraphs were joined ("said.The")
    r"""(?P<gap>\s+|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?]["”])(?=[A-Z]))"""
)
_OPENERS = "\"'“‘«([ "


def sentence_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end), split at end punctuation followed by space.

    A deliberately simple splitter: abbreviations ("Mr.") split too, which only makes units
    smaller; the unit rules are anchored at a unit's start, so a fragment never looks like boilerplate
    unless it opens like it."""
    units, cursor = [], start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.start("gap") > cursor:
            units.append((cursor, match.start("gap")))
        cursor = match.end("gap")
    if cursor < end:
        units.append((cursor, end))
    return units


#: Cheap filters that let most prose skip the unit rules: how a boilerplate unit can open (first
#: word, or first two for "the article ..."), and words it can carry further in.
_FIRST_WORDS = frozenset(
    [
        "read",
        "see",
        "related",
        "more",
        "also",
        "watch",
        "listen",
        "recommended",
        "trending",
        "top",
        "editor's",
        "editors",
        "editor’s",
        "don't",
        "don’t",
        "click",
        "sign",
        "signup",
        "subscribe",
        "register",
        "get",
        "download",
        "join",
        "follow",
        "like",
        "by",
        "please",
        "enter",
        "copyright",
        "©",
        "(c)",
        "advertisement",
        "sponsored",
        "story",
        "continue",
        "[pullquote]",
        "slideshow",
        "close",
        "skip",
        "analysis",
        "written",
        "words",
        "interview",
        "photographs",
        "video",
        "contributing",
        "additional",
        "reporting",
        "writing",
        "editing",
        "previous",
        "e-mail",
        "email",
        "want",
        "let",
        "must",
        "just",
        "to",
        "with",
    ]
)
_SECOND_WORDS = frozenset(
    ["article", "story", "piece", "essay", "post", "column", "op-ed", "commentary", "version", "views", "opinions"]
)
_ANYWHERE = (
    "contribut",
    "reserved",
    "reprint",
    "may not be",
    "without charge",
    "originally",
    "read more",
    "newsletter",
    "based on",
    "based in part on",
    " ago",
    "inbox",
    "slideshow",
    "follow us",
    "reporting by",
)


#: Where a unit after the first could open like boilerplate: a sentence end, then a first word.
#: A superset of what ``_may_be_boilerplate`` lets through, found in one search per block.
_STARTS = re.compile(
    r"[.!?…👉👇→▶►][\"'”’»)\]]*\s*[\"'“‘«(\[ •*·–—-]*(?:"
    + "|".join(re.escape(w) for w in sorted(_FIRST_WORDS, key=len, reverse=True))
    + r"|\d|(?:this|the|a)\s(?:"
    + "|".join(sorted(_SECOND_WORDS))
    + r"))(?![\w])",
    re.I,
)


def _may_be_boilerplate(bare: str, anywhere: bool = True) -> bool:
    """Whether ``bare`` opens like a boilerplate unit, or (when its block has such words at all,
    ``anywhere``) carries one of the words a boilerplate unit can have further in."""
    words = bare[:40].lower().split(None, 2)
    if not words:
        return False
    first = words[0].split(":")[0].rstrip(",.")
    if first in _FIRST_WORDS or first[:1].isdigit():
        return True
    if first in ("this", "the", "a") and len(words) > 1 and words[1].rstrip(":,.") in _SECOND_WORDS:
        return True
    if not anywhere:
        return False
    lower = bare.lower()
    return any(word in lower for word in _ANYWHERE)


def _unit_reason(unit: str, anywhere: bool = True) -> str:
    if len(unit) > MAX_UNIT_CHARS:
        return ""
    bare = unit.lstrip(_OPENERS + "•*·–—-").strip()
    if not _may_be_boilerplate(bare, anywhere):
        return ""
    for reason, pattern in _UNIT_RULES:
        if pattern.search(bare):
            return reason
    return ""


def _at_boundary(text: str, start: int, end: int, block_start: int, block_end: int) -> bool:
    """A marker stands alone: after the block's start or a sentence end, before the block's end or a new sentence."""
    before = text[block_start:start].rstrip()
    after = text[end:block_end].lstrip()
    opens = not before or before[-1] in ".!?…\"'”’»)]:"
    closes = not after or after[0].isupper() or after[0] in "\"“‘'(«[" or after[0].isdigit()
    return opens and closes


def caption_reason(line: str) -> str:
    """CREDIT when the whole line is a caption (it ends in a credit), else ''."""
    tail = line[-120:]
    if not (tail.endswith(")") or "/" in tail or "Photo" in tail):
        return ""
    pieces = scan_block(line, 0, len(line), units=False) if _has_hint(line) else []
    return CREDIT if pieces == [(0, len(line), CREDIT)] else ""


def scan_block(text: str, start: int, end: int, units: bool = True) -> list[tuple[int, int, str]]:
    """Boilerplate pieces inside the body block ``text[start:end]``, as sorted, non-overlapping (start, end, reason)."""
    found: list[tuple[int, int, str]] = []
    block = text[start:end]
    if not _has_hint(block):
        return _units(text, start, end, found)
    for reason, needs, pattern in _INLINE:
        if any(n in block for n in needs):
            found += [(m.start(), m.end(), reason) for m in pattern.finditer(text, start, end)]
    if found and max(e for _, e, _ in found) >= end - 2:
        return [(start, end, CREDIT)]  # a paragraph ending in a credit is a caption
    if _CREDIT_TAIL.search(text, max(start, end - 100), end):
        return [(start, end, CREDIT)]
    if end - start <= 600 and "/" in text[max(start, end - 80) : end]:
        tail = _CREDIT_END.search(text, max(start, end - 120), end)
        if tail and re.search(r"\b(?:[A-Z]{2,}|Getty|Images|File|Reuters|Pool)\b", tail.group()):
            return [(start, end, CREDIT)]
    if end - start <= 80 and text[end - 1] not in ".!?" and _CREDIT_LINE.match(text, start, end):
        return [(start, end, CREDIT)]
    if not units:
        return found
    for match in _CAPTION_OPENER.finditer(text, start, end):
        stop = _BOUNDARY.search(text, match.end(), end)
        found.append((match.start(), stop.start("gap") if stop else end, CREDIT))
    for match in _MARKER_INLINE.finditer(text, start, end):
        capitals = match.group().startswith(("ADVERTISEMENT", "SPONSORED", "[pullquote]"))
        if _at_boundary(text, start if capitals else match.start(), match.end(), start, end):
            found.append((match.start(), match.end(), MARKER))
    if "WATCH" in block:
        for match in _VIDEO.finditer(text, start, end):
            if _at_boundary(text, match.start(), match.start(), start, end):
                found.append((match.start(), match.end(), LINK))
    for match in _BYLINE_INLINE.finditer(text, start, end):
        if _at_boundary(text, match.start(), match.start(), start, end):
            found.append((match.start(), match.end(), BYLINE))
    return _units(text, start, end, _merge(sorted(found)))


def _units(text: str, start: int, end: int, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``found`` plus the sentence units between its pieces that a unit rule removes."""
    lower = text[start:end].lower()
    anywhere = any(word in lower for word in _ANYWHERE)
    if not (
        found
        or anywhere
        or _STARTS.search(text, start, end)
        or _may_be_boilerplate(text[start : start + 60].lstrip(_OPENERS + "•*·–—-"), False)
    ):
        return found  # no unit of this block can match: skip splitting it (most prose)
    cursor = start
    gaps = []
    for s, e, _ in found:
        if s > cursor:
            gaps.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        gaps.append((cursor, end))
    for gap_start, gap_end in gaps:
        for s, e in sentence_units(text, gap_start, gap_end):
            piece = text[s:e]
            stripped = piece.strip()
            if not stripped:
                continue
            reason = _unit_reason(stripped, anywhere)
            if reason:
                s += len(piece) - len(piece.lstrip())
                found.append((s, s + len(stripped), reason))
    return _merge(sorted(found))


def is_bio(unit: str) -> bool:
    return len(unit) <= 2 * MAX_UNIT_CHARS and bool(_BIO.match(unit.strip()))


def _merge(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping pieces become one, with the reason of the one that starts first."""
    merged: list[tuple[int, int, str]] = []
    for s, e, reason in pieces:
        if merged and s < merged[-1][1]:
            ps, pe, pr = merged[-1]
            merged[-1] = (ps, max(pe, e), pr)
        else:
            merged.append((s, e, reason))
    return merged
