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
# # 02 · Statements and who said them
#
# The body text from stage 1 is split into statements (sentences), and each statement is
# attributed: **who** is speaking (`speaker`, resolved to one canonical name across the corpus, or the codebook's,
# and the `speaker_group` they belong to), **how** (`cue`: said, warned, denied, according to, ...;
# `quote`: direct or indirect), its **stance** toward the claim under study (affirm, deny, hedge),
# whether it is worded with hedges, and which news media it cites. Numbers with what they count
# (missiles, drones, kilometres) are pulled out separately.
#
# Every statement keeps its exact offsets into the raw file, so each row below can be checked
# against the original text. Writes `tables/statements.csv`, `tables/quantities.csv`,
# `tables/speakers.csv`, adds
# `n_statements` and `cited_media` to `tables/documents.csv`, and adds the whitespace between
# statements to `tables/removed_spans.csv` so that nothing of the raw text goes unaccounted for.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
claim = ""  # the claim under study as one sentence, e.g. Iran supplies drones to Russia; empty: the codebook claim
segmenter = "blingfire"  # or "syntok": see the comparison below
engine = "local"  # or "processes", "dask" (a local Dask cluster), or a scheduler address "tcp://host:8786"

# %%
from newsframe import evaluate, figures, notebook, outlets, plots, segment, speakers, statements, tables
from newsframe.claim import with_claim
from newsframe.codebook import load_codebook
from newsframe.corpus import load_corpus

notebook.setup()

# %%
loaded = load_corpus(corpus)
codes = with_claim(load_codebook(codebook), claim)
documents = tables.read_table(out_dir, "documents", written_by="01_clean_corpus")
body_blocks = tables.read_table(out_dir, "body_blocks", written_by="01_clean_corpus")
removed_spans = tables.read_table(out_dir, "removed_spans", written_by="01_clean_corpus")
texts = {d.doc_id: d.text for d in loaded.documents if d.status == "ok"}
blocks = statements.block_spans(body_blocks)

# %% [markdown]
# ## Choosing a sentence splitter
#
# Two fast segmenters were compared, blingfire and syntok, each raw and after the library's repair
# pass (which undoes splits after abbreviations such as "U.S." or "Mr.", splits sentences glued
# without a space, and keeps quotation marks with the sentence they open or close). On news text
# at scale (PolNeAR's 840 training articles, `bench/results/segmenters_polnear.json`) the raw
# segmenters make hundreds of such errors and the repaired ones about fifteen each; blingfire is
# about ten times faster than syntok, so it is the default. On this corpus the counts are:

# %%
notebook.capped(
    segment.compare_segmenters({d: (texts[d], blocks.get(d, [])) for d in texts}, repeat=1).drop(columns="mb_per_s")
)

# %% [markdown]
# The sentences on which the variants disagree (empty when they all agree):

# %%
notebook.capped(segment.disagreements({d: (texts[d], blocks.get(d, [])) for d in texts}))

# %%
found = statements.extract_statements(loaded, body_blocks, codes, segmenter=segmenter, engine=engine)
removed_spans = statements.with_statement_gaps(removed_spans, found.gaps)
documents = statements.with_statement_counts(documents, found.statements)
for name, frame in {
    "statements": found.statements,
    "quantities": found.quantities,
    "documents": documents,
    "removed_spans": removed_spans,
}.items():
    tables.write_table(frame, out_dir, name)
notebook.markdown(
    statements.check_statements(texts, found.statements, removed_spans) + "\n\n" + speakers.run_note(codes)
)

# %% [markdown]
# ## Whose voice each document carries
#
# Statements per document, coloured by the group of the speaker they are attributed to. Grey is
# the article's own voice: sentences no source is named for. A statement inside a quotation that
# runs over several sentences counts for the quoted speaker, and "he", "the ministry" or "the
# sources" count for the speaker they refer back to.

# %%
figure, numbers = plots.statements_by_group(found.statements, outlets.document_labels(documents, plots.LABEL_WIDTH))
figures.save_figure(figure, numbers, out_dir, "statements_by_group")

# %% [markdown]
# ## Who is quoted
#
# Every speaker, most-quoted first: the side most of their statements carry, how many statements
# and documents, their share of the attributed statements, and the first statement's id to read
# one in context (the statements table has them all). A label that names no one in particular,
# in lower case ("police", "unnamed officials"), has one row per side: the police of two
# countries are two speakers. Read this table before trusting the counts: one person under two
# names, a fragment or a place as a speaker, or a wrong side shows here first. All of it is in
# `tables/speakers.csv`.

# %%
speaker_table = statements.speaker_table(found.statements)
tables.write_table(speaker_table.reset_index(), out_dir, "speakers")
notebook.capped(speaker_table)

# %% [markdown]
# ## Attributed statements
#
# Every statement a source is named for. `cue` is the reporting verb or phrase as written; a
# quotation spanning several sentences repeats its cue on each sentence. `speaker` is the
# codebook's canonical name where the codebook knows the actor, otherwise the words of the text.

# %%
notebook.capped(statements.attributed_statements(found.statements))

# %% [markdown]
# ## Stance toward the claim, per document
#
# `affirm`: asserts or reports the claim under study as fact; `deny`: rejects it; `hedge`: treats
# it as possible or conditional ("if confirmed", "potential"); the rest are not about the claim.
# `hedged wording` counts statements with any hedging cue, about the claim or not.

# %%
statements.stance_mix(found.statements)

# %% [markdown]
# ## Numbers and what they count

# %%
notebook.capped(
    found.quantities[["statement_id", "number_text", "qualifier", "unit", "statement"]].set_index("statement_id")
)

# %% [markdown]
# ## Measured against a reader
#
# The rules were checked against hand labels of the seed statements, written by reading the
# articles before the rules were tuned (`tests/data/seed_attributions.csv`). Agreement per column
# (the table is empty for a corpus without labels):

# %%
matched = evaluate.match_labels(found.statements, evaluate.load_labels())
evaluate.accuracy(matched)

# %% [markdown]
# Where the rules and the reader disagree on stance:

# %%
evaluate.disagreements(matched, "stance")

# %% [markdown]
# ## What this can and cannot tell you
#
# - Attribution is rule-based and reads one sentence at a time, with the previous sentences for
#   pronouns and open quotations. It finds reporting verbs and "according to" reliably, and
#   resolves names the codebook knows. A speaker the codebook does not know gets the side the
#   corpus gives them (titles, demonyms, "Russia's defence ministry", "a spokesman for the
#   Pentagon", learnt once per corpus); one person's name variants ("Mr. Trump", "President
#   Trump") are one speaker; a pronoun resolves to the nearest compatible named speaker or stays
#   unresolved. With a codebook, a side outside its groups is `Other`.
# - Stance is decided from codebook lexicons with negation handled locally ("has not denied" is not
#   a denial). A hedge that never names the weapons ("if Iran's involvement is confirmed") is easy
#   to miss; the disagreement table above shows exactly which statements the rules read differently
#   from a person.
# - Counts compare documents of different lengths and genres; read shares, not raw numbers, and
#   open the statement ids to see the sentence behind each count.
