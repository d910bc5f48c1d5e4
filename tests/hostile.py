"""A hostile corpus, generated on demand (no committed binaries), and one shared pipeline run over it.

Every case is a file the loader must either read correctly or record as ``status=error`` with a
message saying what to fix; ``CASES`` says which, per doc_id. The same folder also carries the
HTML/JS payloads of the browser test (in text, a file name, a metadata title and a codebook alias),
so one pipeline run serves both test files (``small_run``, made once per session by tests/runs.py).

Used by tests/test_hostile_inputs.py, tests/test_browser.py and tests/test_hostile_names.py.
"""

from __future__ import annotations

import atexit
import csv
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# --- building blocks ----------------------------------------------------------------------------

ARTICLE = (
    "Iran denies missile reports\n"
    "\n"
    "Tehran's envoy said the talks in Vienna were “constructive” and that no ballistic missiles "
    "had been sent to Russia, calling the reports baseless.\n"
    "\n"
    'Officials in Kyiv disagreed. "We have seen the evidence," a spokesman said on Monday, adding '
    "that the list of deliveries would be shared with European partners.\n"
)
#: Curly and straight quotes mixed, and quotation marks that never close.
QUOTES = (
    "Envoy rejects 'baseless' claims\n"
    "\n"
    '“We have never sent a single missile," the envoy said, while a diplomat called the claims ‘pure '
    "propaganda'.\n"
    "\n"
    "“The shipments began in August, a source said, and the source added that more would follow.\n"
    "\n"
    'Kyiv said the talks had "failed. Nobody expected anything else, an aide added.\n'
    "\n"
    "He called it a ”reversed” quote and a stray » mark.\n"
)
#: Text in the windows-1252 repertoire (curly quotes, dash, accents) for the legacy encodings.
LEGACY = (
    "Café talks in Genève end without deal\n"
    "\n"
    "The envoy said the “so-called evidence” – a list of shipments – was fabricated, according to "
    "Le Monde’s correspondent in Genève.\n"
    "\n"
    "Ukraine’s minister replied that the résumé of deliveries would be published next week.\n"
)
#: Only characters latin-1 has, so the file is plain ISO 8859-1 (no cp1252-only bytes).
LATIN1 = (
    "Réunion à Genève\n"
    "\n"
    "Le ministre a déclaré que l'Iran n'a livré aucun missile à la Russie, selon l'agence.\n"
    "\n"
    "Kiev a répondu que les preuves étaient « accablantes ».\n"
)
NON_ENGLISH = {
    "ru": "Иран отрицает поставки ракет\n\nПесков заявил, что Россия не получала баллистических ракет из "
    "Ирана. «Это ложь», — сказал он журналистам в понедельник.\n\nВ Киеве с этим не согласились.\n",
    "fa": "ایران ارسال موشک به روسیه را تکذیب کرد\n\nسخنگوی وزارت خارجه گفت که این گزارش‌ها بی‌اساس است. "
    "او افزود که ایران هیچ موشکی به روسیه نفرستاده است.\n",
    "zh": "伊朗否认向俄罗斯运送导弹\n\n伊朗外交部发言人表示，这些报道毫无根据。他说：“伊朗没有向俄罗斯运送任何导弹。”"
    "乌克兰方面则表示已掌握证据。\n",
}
NEAR_DUPLICATE_OF = ARTICLE.replace("on Monday", "on Tuesday")

# --- payloads for the browser test ------------------------------------------------------------

#: Anything that executes sets the title to this marker, logs it, or requests a URL containing it.
MARKER = "NFPWNED"
PAYLOADS = [
    f"<script>document.title='{MARKER}';console.log('{MARKER}')</script>",
    f"<img src=x onerror=\"document.title='{MARKER}';alert('{MARKER}')\">",
    f"<a href=\"javascript:alert('{MARKER}')\">click me</a>",
    f'<iframe src="http://{MARKER.lower()}.invalid/frame"></iframe>',
    f"<style>body{{background:url(http://{MARKER.lower()}.invalid/bg.png)}}</style>",
    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; and &lt;b&gt;not bold&lt;/b&gt;",
    f"<svg onload=\"fetch('http://{MARKER.lower()}.invalid/svg')\"></svg>",
]
XSS_ARTICLE = (
    "Markup in a news text\n"
    "\n"
    + "".join(f"The reader typed {p} into the comment box.\n\n" for p in PAYLOADS)
    + f"A spokesman for <b onmouseover=alert('{MARKER}')>the Alliance</b> said the claims were false.\n"
)
#: No "/" in a file name, so the closing tag is left out.
XSS_FILE_STEM = f"<img src=x onerror=alert('{MARKER}')> & ü"
XSS_TITLE = f"<script>document.title='{MARKER}'</script> Title & <i>more</i>"
XSS_ALIAS = f"<b onmouseover=alert('{MARKER}')>the Alliance</b>"
#: What must show literally in the rendered pages (textContent).
LITERALS = [PAYLOADS[0], PAYLOADS[5], XSS_FILE_STEM]

CODEBOOK = f"""\
actors:
  - name: Iran
    group: Iran
    kind: country
    aliases: [Tehran]
  - name: NATO
    group: NATO
    aliases: ["{XSS_ALIAS}", the Atlantic Alliance]
media:
  - name: Le Monde
"""
#: metadata.csv without the `outlet` and `url` columns, with unknown doc_ids and bad dates.
METADATA = [
    {"doc_id": "article_utf8", "title": "Iran denies missile reports", "published": "2024-09-10"},
    {"doc_id": "crlf", "title": "", "published": "yesterday"},
    {"doc_id": "cr", "title": "", "published": "2024-13-45"},
    {"doc_id": "quotes", "title": "", "published": "10/09/2024"},
    {"doc_id": "no_such_document", "title": "Ghost", "published": "2024"},
    {"doc_id": "xss", "title": XSS_TITLE, "published": "2024-02"},
]
BAD_DATES = {"crlf": "yesterday", "cr": "2024-13-45", "quotes": "10/09/2024"}

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Case:
    """One input file: its bytes, and what the loader must make of it."""

    name: str
    data: bytes
    status: str = "ok"  # ok | error
    error: str = ""  # a fragment the error message must hold (the problem and the fix)
    text: str | None = None  # the exact decoded text, when it must be checked
    encoding: str = "utf-8"
    duplicate_of: str = ""  # doc_id of the first document with the same text

    @property
    def doc_id(self) -> str:
        return Path(self.name).stem


def _u(text: str) -> bytes:
    return text.encode("utf-8")


CASES = [
    Case("article_utf8.txt", _u(ARTICLE), text=ARTICLE),
    Case("empty.txt", b"", "error", "empty file (0 bytes): remove the file or restore its text"),
    Case("whitespace.txt", b" \t\r\n\n   \r\n\t", "error", "only whitespace, no text: remove the file or restore"),
    Case("image.txt", PNG, "error", "binary file (PNG image), not text: remove it or convert it to .txt"),
    Case("cp1252.txt", LEGACY.encode("cp1252"), text=LEGACY, encoding="cp1252"),
    Case("latin1.txt", LATIN1.encode("latin-1"), text=LATIN1, encoding="cp1252"),
    Case("bom.txt", b"\xef\xbb\xbf" + _u(ARTICLE), text="\ufeff" + ARTICLE, duplicate_of="article_utf8"),
    Case("crlf.txt", _u(QUOTES.replace("\n", "\r\n")), text=QUOTES.replace("\n", "\r\n")),
    Case("cr.txt", _u(LEGACY.replace("\n", "\r")), text=LEGACY.replace("\n", "\r"), duplicate_of="cp1252"),
    Case("quotes.txt", _u(QUOTES), text=QUOTES, duplicate_of="crlf"),
    Case("dup_copy.txt", _u(ARTICLE), text=ARTICLE, duplicate_of="article_utf8"),
    Case("near_duplicate.txt", _u(NEAR_DUPLICATE_OF), text=NEAR_DUPLICATE_OF),
    *(Case(f"lang_{lang}.txt", _u(text), text=text) for lang, text in NON_ENGLISH.items()),
    Case("file name with spaces.txt", _u(LEGACY.replace("Genève", "Geneva")), text=LEGACY.replace("Genève", "Geneva")),
    Case("nön-ascii ßtory ж 伊朗.txt", _u(NON_ENGLISH["ru"] + "\n" + ARTICLE), text=NON_ENGLISH["ru"] + "\n" + ARTICLE),
    Case("xss.txt", _u(XSS_ARTICLE), text=XSS_ARTICLE),
    Case(
        f"{XSS_FILE_STEM}.txt",
        _u(XSS_ARTICLE.replace("Markup", "More markup")),
        text=XSS_ARTICLE.replace("Markup", "More markup"),
    ),
]
#: Files in the folder that are not documents, and what the loader says about them.
COMPANIONS = ("metadata.csv", "codebook.yml")


def write_small_corpus(folder: Path) -> Path:
    """All small cases, metadata.csv and codebook.yml in one folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["doc_id", "title", "published"])
        writer.writeheader()
        writer.writerows(METADATA)
    (folder / "codebook.yml").write_text(CODEBOOK, encoding="utf-8")
    return folder


# --- big cases --------------------------------------------------------------------------------


def write_big_document(path: Path, megabytes: int = 50) -> Path:
    """One document of about ``megabytes`` MB: a headline and many paragraphs of news prose."""
    paragraph = (
        "Officials in Kyiv said on Monday that Iran had shipped ballistic missiles to Russia, "
        "while Tehran's envoy called the reports “baseless” and said no such deliveries had taken place. "
        "Analysts said the claims could not be independently verified.\n\n"
    ).encode()
    count = megabytes * 1024 * 1024 // len(paragraph) + 1
    path.write_bytes(b"A very long wire story\n\n" + paragraph * count)
    return path


def tiny_text(i: int) -> str:
    return f"Brief {i}\n\nReport number {i} says Iran sent {i % 97} drones to Russia. Tehran denied it.\n"


def write_many_documents(folder: Path, n: int = 10_000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:05d}.txt").write_bytes(tiny_text(i).encode("utf-8"))
    return folder


# --- corpus-level fatal inputs ----------------------------------------------------------------


def write_table_without_text(path: Path) -> Path:
    path.write_text("doc_id,story,outlet\na,Some article text.,X\n", encoding="utf-8")
    return path


def write_codebook_yaml_error(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "codebook.yml").write_text("actors:\n  - name: Iran\n    aliases: [Tehran\n", encoding="utf-8")
    return folder


def write_codebook_unknown_group(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "codebook.yml").write_text("actors:\n  - name: Hamas\n    group: Palestine\n", encoding="utf-8")
    return folder


# --- helpers ----------------------------------------------------------------------------------


def checksums(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (names relative), to prove inputs are never written."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def clean_env() -> dict[str, str]:
    """The environment for a pipeline subprocess: without the nbval sandbox override."""
    return {k: v for k, v in os.environ.items() if k != "NEWSFRAME_OUT_DIR"}


def run_cli(
    corpus: Path, out: Path, *extra: str, build: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """``python -m newsframe run``, as ``make reports CORPUS=... OUT=...`` calls it; ``env`` defaults
    to ``clean_env()`` now (a run in a background thread is given the environment it must use)."""
    args = [sys.executable, "-m", "newsframe", "run", "--corpus", str(corpus), "--out", str(out), *extra]
    if build is not None:
        args += ["--build", str(build)]
    return run_process(args, clean_env() if env is None else env)


#: Processes of runs in progress: tests/runs.py stops them when a session ends before it used them.
LIVE: set[subprocess.Popen] = set()


def run_process(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    """``subprocess.run(args, capture_output=True, text=True)`` from the root, the process in ``LIVE``
    while it runs."""
    with subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        LIVE.add(process)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
        finally:
            LIVE.discard(process)
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


_WORK = Path(tempfile.mkdtemp(prefix="newsframe-hostile-"))
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)


@dataclass(frozen=True)
class Run:
    corpus: Path
    out: Path
    before: dict[str, str]  # checksums of the corpus before the run
    result: subprocess.CompletedProcess


def small_run(env: dict[str, str] | None = None) -> Run:
    """The full pipeline over the small hostile corpus (once per test session: ``runs.get("hostile")``)."""
    corpus = write_small_corpus(_WORK / "hostile corpus")
    before = checksums(corpus)
    out = _WORK / "out"
    result = run_cli(corpus, out, build=_WORK / "build", env=env)
    return Run(corpus, out, before, result)


# --- hostile names (issue 15) -------------------------------------------------------------------

#: File stems that break out of Markdown or turn into spreadsheet formulas, and ids the tables
#: join on (``;`` joins ids in some cells, ``|`` splits Markdown table cells).
NAME_STEMS = {
    "newline": "nl\n## Each outlet\n<img src=x onerror=alert(1)>",
    "link": "[click](http:evil.example)",
    "pipe": "a|b",
    "semicolon": "semi;colon",
    "formula": "=cmd|' -C calc'!A0",
    "plus": "+SUM(1+1)",
    "backtick": "tick`s` and `code",
}
SECRET = "root:x:0:0:SECRET-LOCAL-FILE said Kyiv:/root:/bin/bash\n"
FORMULA_TITLE = '=HYPERLINK("http://evil.example","Click me")'
FORMULA_OUTLET = "@SUM(A1:A9)"
FORMULA_MEDIUM = "=cmd|' /C calc'!A0"
NAMES_CODEBOOK = f"""\
actors:
  - name: Iran
    group: Iran
    aliases: [Tehran]
  - name: Ukraine
    group: Ukraine
    aliases: [Kyiv]
media:
  - name: "{FORMULA_MEDIUM}"
    aliases: [the Gazette]
"""


def write_names_corpus(folder: Path) -> Path:
    """Documents whose names, titles, outlets and codebook entries are hostile, plus the README's
    duplicate doc_id case (story.txt and story.html)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, stem in enumerate(NAME_STEMS.values()):
        text = ARTICLE if i % 2 else QUOTES
        (folder / f"{stem}.txt").write_text(text.replace("a spokesman said", "the Gazette reported"), encoding="utf-8")
    (folder / "story.txt").write_text(LEGACY, encoding="utf-8")
    (folder / "story.html").write_text(
        "<html><head><title>Story</title></head><body><article><p>"
        + LEGACY.replace("\n\n", "</p><p>")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["doc_id", "title", "outlet"])
        writer.writeheader()
        writer.writerow({"doc_id": NAME_STEMS["pipe"], "title": FORMULA_TITLE, "outlet": FORMULA_OUTLET})
    (folder / "codebook.yml").write_text(NAMES_CODEBOOK, encoding="utf-8")
    secret = folder.parent / f"{folder.name} outside" / "passwd"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(SECRET, encoding="utf-8")
    os.symlink(secret, folder / "passwd.txt")  # a local file an unpacked archive could point at
    os.symlink(folder.parent / "no such file.txt", folder / "dangling.txt")
    return folder


def names_run(env: dict[str, str] | None = None) -> Run:
    """The full pipeline over the corpus of hostile names (once per test session: ``runs.get("names")``)."""
    corpus = write_names_corpus(_WORK / "names corpus")
    before = checksums(corpus)
    out = _WORK / "names out"
    return Run(corpus, out, before, run_cli(corpus, out, build=_WORK / "names build", env=env))
