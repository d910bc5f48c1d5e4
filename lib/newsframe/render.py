"""Render executed notebooks to HTML that is offline, byte-stable and safe for untrusted text.

The lab template's require.js, MathJax, mermaid and widget loaders (all on CDNs) are dropped,
a Content-Security-Policy forbids every script and network load, and HTML/Markdown outputs
pass an allowlist sanitizer (corpus text can reach them): scripts, event handlers, frames,
remote images and CSS that could fetch are dropped; tables, <details> and the library's own
<style> blocks are kept. Cost: no MathJax (TeX shows as typed) and no interactive widgets.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import nh3
from nbconvert import HTMLExporter

# --- rendering -------------------------------------------------------------------------------

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"
_TEMPLATE = "newsframe_offline.html.j2"
_TEMPLATES = jinja2.DictLoader(
    {
        _TEMPLATE: (
            "{%- extends 'index.html.j2' -%}\n"
            "{% block html_head_js %}"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            "{% endblock html_head_js %}\n"
            "{% block jupyter_widgets %}{% endblock jupyter_widgets %}\n"
            "{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}\n"
            "{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}\n"
            "{% block data_widget_view %}{% endblock data_widget_view %}\n"
            # A figure's description (figures.save_figure) as its alt text, escaped like any text.
            "{% block data_png scoped %}"
            '<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">'
            "<img src=\"data:image/png;base64,{{ output.data['image/png'] | escape_html }}\""
            "{%- set alt = output | get_metadata('alt', 'image/png') -%}"
            '{%- if alt %} alt="{{ alt | escape_html }}"{% endif %}>'
            "</div>"
            "{% endblock data_png %}\n"
        )
    }
)

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
#: CSS that could fetch something or break out of its attribute or block.
_UNSAFE_CSS = re.compile(r"@import|url\s*\(|expression\s*\(|[<\\]", re.I)
#: Attributes kept on every allowed tag, and per tag (the filter below checks their values).
_ATTRIBUTES = {
    "*": {"class", "id", "title", "align", "style"},
    "img": {"alt", "width", "height", "src"},
    "a": {"href"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
}


def _attribute_value(tag: str, name: str, value: str) -> str | None:
    """Images only as data:, links only to anchors and files of the report (corpus text reaching
    Markdown must never become a link out of it), inline styles only when they cannot fetch."""
    if name == "style":  # declaration by declaration: "color:red; background:url(...)" keeps its colour
        kept = [d.strip() for d in value.split(";") if d.strip() and not _UNSAFE_CSS.search(d)]
        return "".join(f"{d};" for d in kept) or None
    if tag == "img" and name == "src":
        return value if value.startswith("data:image/") else None
    if tag == "a" and name == "href":  # no scheme and no //host: in-page anchors and the report's files
        return None if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", value, re.I) else value
    return value


def clean_html(html) -> str:
    """Allowlist sanitizer (nh3, the maintained successor of bleach) for notebook HTML/Markdown
    outputs. Replaces nbconvert's, which escapes table headers (mangling every DataFrame) and drops
    the library's ``<style>`` blocks; those are kept unless they could fetch or break out
    (``url(``, ``@import``, ``<``, ``\\``). Scripts, frames, objects and templates go with their content."""
    html = html.decode() if isinstance(html, bytes) else str(html)
    styles = [css for css in _STYLE_BLOCK.findall(html) if not _UNSAFE_CSS.search(css)]
    body = nh3.clean(
        _STYLE_BLOCK.sub("", html),
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute_value,
        clean_content_tags={"script", "iframe", "object", "template", "style", "textarea", "noscript"},
        url_schemes={"http", "https", "mailto", "data"},
        strip_comments=True,
        link_rel=None,
    )
    return "".join(f"<style>{css}</style>" for css in styles) + body


def render(nb, target: Path, show_code: bool = False, title: str | None = None) -> Path:
    """One stage page: lab look, code hidden unless asked, offline, byte-stable."""
    exporter = HTMLExporter(
        template_name="lab",
        template_file=_TEMPLATE,
        extra_loaders=[_TEMPLATES],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        sanitize_html=True,
        filters={"clean_html": clean_html},
    )
    name = title or nb.metadata.get("title") or target.stem
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8", newline="\n")
    return target
