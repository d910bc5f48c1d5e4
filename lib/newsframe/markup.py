"""Raw text shown with its audit trail: removed spans greyed out and labelled with their reason.

Corpus text is untrusted input; every character goes through html.escape.
"""

from __future__ import annotations

from html import escape

import pandas as pd

_STYLE = (
    "<style>.nf-doc{font-family:Georgia,serif;line-height:1.5;white-space:pre-wrap;border-left:3px solid #4c72b0;"
    "padding-left:.8em;margin:.4em 0 1em}.nf-cut{color:#888;background:#f3f0e8;text-decoration:line-through;"
    "text-decoration-color:#bbb}.nf-tag{font:11px sans-serif;color:#7a5c00;background:#fff3c4;padding:0 .3em;"
    "margin:0 .2em;border-radius:3px}</style>"
)


def annotated_document(text: str, removed: pd.DataFrame, blank_reason: str) -> str:
    """One document as HTML: body text plain, removed spans struck through with a reason tag."""
    parts, cursor = [], 0
    for start, end, reason in removed.sort_values("start")[["start", "end", "reason"]].itertuples(index=False):
        parts.append(escape(text[cursor:start]))
        chunk = escape(text[start:end])
        if reason == blank_reason:
            parts.append(chunk)
        else:
            parts.append(f'<span class="nf-tag">{escape(reason)}</span><span class="nf-cut">{chunk}</span>')
        cursor = end
    parts.append(escape(text[cursor:]))
    return f'<div class="nf-doc">{"".join(parts)}</div>'


#: Documents shown with their audit trail on a page; larger corpora show the first ones.
MAX_DOCUMENTS = 20


def annotated_corpus(
    texts: dict[str, str], removed_spans: pd.DataFrame, blank_reason: str, limit: int = MAX_DOCUMENTS
) -> str:
    """Documents in collapsible sections, for reading the cleaning against the raw text."""
    sections = [_STYLE]
    if len(texts) > limit:
        sections.append(f"<p><em>The first {limit} of {len(texts):,} documents.</em></p>")
    shown = dict(list(texts.items())[:limit])
    by_doc = dict(tuple(removed_spans[removed_spans["doc_id"].isin(shown)].groupby("doc_id")))
    for doc_id, text in shown.items():
        removed = by_doc.get(doc_id, removed_spans.iloc[:0])
        sections.append(
            f"<details><summary><code>{escape(doc_id)}</code></summary>"
            f"{annotated_document(text, removed, blank_reason)}</details>"
        )
    return "\n".join(sections)
