# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Clean the corpus
#
# Raw news text arrives with things that are not the article: the headline, section headings,
# datelines such as "KYIV:", leftovers of the web page it was scraped from, and teasers for
# unrelated stories. This page separates them from the body text **without editing anything**:
# every character of every raw file ends up either in a *body block* (kept for the analysis in the
# next stages) or in a *removed span* that records the reason and the rule that removed it.
# Offsets index the raw text exactly, so every later finding can be traced back to its place in
# the file.
#
# Writes `tables/documents.csv`, `tables/body_blocks.csv`, `tables/removed_spans.csv` and
# `figures/kept_removed_chars.png` (with the CSV of its numbers).
#
# The parameter `engine` says where the per-document work runs: `local` (this kernel, the
# default), `processes` (every CPU of this machine), `dask` (a local Dask cluster) or the address
# of a Dask scheduler for corpora beyond one machine. The tables are the same whichever runs them.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
engine = "local"  # or "processes", "dask" (a local Dask cluster), or a scheduler address "tcp://host:8786"

# %%
from IPython.display import HTML

from newsframe import clean, figures, markup, notebook, outlets, plots, tables
from newsframe.codebook import load_codebook
from newsframe.corpus import documents_frame, fields_markdown, load_corpus

notebook.setup()

# %% [markdown]
# ## The documents
#
# One row per input file (or table row). A document that cannot be read is not dropped: it stays
# here with `status = error` and a message saying what to fix. For a table (CSV, JSONL, Parquet,
# also gzipped) or a `metadata.csv`, the first line below says which column became which field;
# dates are normalised to ISO 8601 (the original is kept in `published_raw`, and `published_from`
# says where it came from, the URL included). `sha256` fingerprints the raw
# bytes (first 16 hex digits here, all 64 in `documents.csv`), so a reader can check that a report
# was made from exactly these files. The codebook is read now as well, so that a broken codebook
# stops the run at the first stage rather than the second.

# %%
loaded = load_corpus(corpus)
codes = load_codebook(codebook)
documents = documents_frame(loaded)
notebook.markdown(fields_markdown(loaded) + "\n\n" + notebook.problems_markdown(loaded.problems))

# %%
notebook.capped(
    documents[["doc_id", "title", "outlet", "published", "n_chars", "encoding", "status", "error", "sha256"]]
    .assign(sha256=documents["sha256"].str[:16] + "…")
    .set_index("doc_id")
)

# %% [markdown]
# ## The rules
#
# Each removed span carries one of these reasons. The rules describe the *shape* of residue, not
# particular strings, so they work on other corpora; where a rule is unsure the line stays in the
# body, because losing a real sentence is worse than keeping a stray one.

# %%
clean.rules_table().set_index("reason")

# %%
body_blocks, removed_spans = clean.clean_corpus(loaded, engine=engine)
documents = clean.document_table(documents, body_blocks, removed_spans)
for name, frame in {"documents": documents, "body_blocks": body_blocks, "removed_spans": removed_spans}.items():
    tables.write_table(frame, out_dir, name)
notebook.markdown(clean.check_tiling(loaded, body_blocks, removed_spans))

# %% [markdown]
# ## What was removed
#
# The summary below is computed from `removed_spans.csv`; the figure shows, for each document,
# how many characters were kept as body text and how many were removed for each reason.

# %%
notebook.markdown(clean.summary_markdown(documents, removed_spans))

# %%
budget = clean.character_budget(documents, body_blocks, removed_spans)
figure, numbers = plots.kept_removed_chars(budget, outlets.document_labels(documents, plots.LABEL_WIDTH))
figures.save_figure(figure, numbers, out_dir, "kept_removed_chars")

# %% [markdown]
# ### Documents that lost more than 40% of their text
#
# Listed for a reader to check against the raw text: a document that loses this much is either
# mostly site furniture (captions, sign-up prompts, link lists) or a sign that a rule went too far.
# The share leaves out line breaks and spaces; `reasons` are ordered by characters removed. No rule
# may take a document's whole body: when they would, the longest removed piece is kept and
# `documents.csv` says so in `clean_warning`.

# %%
notebook.capped(clean.heavily_cleaned(documents, removed_spans).set_index("doc_id"))

# %% [markdown]
# Every removed span other than line breaks, with its offsets into the raw file. Check any row
# against the raw text: `raw[start:end]` is exactly the `text` shown.

# %%
notebook.capped(
    removed_spans.loc[removed_spans["reason"] != clean.BLANK, ["doc_id", "start", "end", "reason", "text"]].set_index(
        "doc_id"
    )
)

# %% [markdown]
# ## Read the cleaning against the raw text
#
# Each document as it was received. Struck-through passages were removed, labelled with their
# reason; everything else is body text that the next stage splits into statements.

# %%
HTML(
    markup.annotated_corpus(
        {d.doc_id: d.text for d in loaded.documents if d.status == "ok"}, removed_spans, clean.BLANK
    )
)
