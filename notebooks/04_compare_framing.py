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
# # 04 · Compare how the sources frame the story
#
# This is what the earlier stages were for. For each outlet (here: each document, since the seeds
# do not name their publishers) this page shows **whose voice leads**, **what it treats as fact and
# what as allegation**, how much it **hedges**, how much rests on **unnamed sources**, **whom it
# cites**, which **claims** it carries or leaves out, which **words** set it apart, and **where
# outlets disagree**. Every number comes from the statements table, and every row names the
# statements behind it (`document:statement`), so a finding can be checked against the sentence
# and its exact place in the raw file.
#
# Writes `tables/framing.csv`, `tables/distinctive_terms.csv`, `tables/contradictions.csv`,
# `tables/sourcing_edges.csv`, `tables/timeline.csv`, fills `lead_actor` and `lead_frame` in
# `tables/documents.csv`, and saves three figures with the numbers behind them.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
top_terms = 10  # distinctive words kept per document
z_threshold = 1.96  # |z| from which a word counts as distinctive (two-sided 5%)

# %%
from IPython.display import Markdown

from newsframe import contradictions, figures, framing, notebook, plots, sourcing, tables, vocabulary
from newsframe.codebook import load_codebook

notebook.setup()

# %%
codes = load_codebook(codebook)
documents = tables.read_table(out_dir, "documents", written_by="01_clean_corpus")
removed_spans = tables.read_table(out_dir, "removed_spans", written_by="01_clean_corpus")
statements = tables.read_table(out_dir, "statements", written_by="02_extract_statements")
quantities = tables.read_table(out_dir, "quantities", written_by="02_extract_statements")
claims = tables.read_optional(out_dir, "claims")  # written by 03_cluster_statements

# %% [markdown]
# ## What the headline and first sentence put first
#
# A reader meets the headline and the first sentence before anything else. `lead_actor` is the
# speaker group the headline names first (or, without a headline, the first sentence);
# `lead_frame` is what they foreground: an `accusation` (the supply reported or asserted), a
# `denial`, or `neutral` (hedged, or not about the claim). `lead_basis` says which rule decided.

# %%
documents = framing.lead(documents, statements, removed_spans, codes)
tables.write_table(documents, out_dir, "documents")
notebook.capped(documents[["doc_id", "lead_actor", "lead_frame", "lead_basis", "lead_headline", "lead_statement"]].set_index("doc_id"))

# %% [markdown]
# ## Fact, allegation, doubt and denial
#
# Statements about the claim in each document, split by how the document presents them: asserted
# in the article's **own voice** (treated as fact), **attributed** to someone (an allegation the
# article reports), **hedged** ("if confirmed", "potential"), or **denied**.

# %%
profile = framing.profile(documents, statements, claims)
tables.write_table(profile, out_dir, "framing")
figure, numbers = plots.stance_by_document(profile)
figures.save_figure(figure, numbers, out_dir, "framing_stance")

# %% [markdown]
# ## Whose voice leads
#
# Share of each document's statements by speaker group (the rest is the article's own voice),
# the group quoted most, how often the document hedges, and how much rests on unnamed sources.

# %%
notebook.capped(framing.voice_table(profile))

# %% [markdown]
# ## Claims carried and left out
#
# The claims are stage 3's clusters of statements. `claims_omitted` lists claims that at least two
# other documents carry and this one does not.

# %%
notebook.capped(profile[["doc_id", "n_claims", "claim_labels", "claims_omitted"]].set_index("doc_id"))

# %% [markdown]
# ## Where outlets disagree
#
# Pairs of statements from different documents that cannot both be right about the same actor or
# claim: one outlet reports an actor's denial while another says it did **not** deny; a party's
# denial against another outlet's report of the same thing without that denial; numbers that
# differ for the same thing. The `explanation` says which rule found the pair; open both statement
# ids to judge it.

# %%
disagreements = contradictions.contradictions(statements, codes, quantities)
tables.write_table(disagreements, out_dir, "contradictions")
notebook.capped(disagreements[["kind", "actor", "statement_a", "text_a", "statement_b", "text_b", "explanation"]])

# %% [markdown]
# ## Whom they cite
#
# Which news media each outlet cites, and which (unnamed) sources those media rely on in turn.

# %%
edges = sourcing.sourcing_edges(statements)
tables.write_table(edges, out_dir, "sourcing_edges")
figure, numbers = plots.sourcing_graph(edges)
figures.save_figure(figure, numbers, out_dir, "sourcing_graph")

# %%
notebook.capped(sourcing.edge_summary(edges))

# %% [markdown]
# ## Words that set each document apart
#
# Each document's vocabulary against all the other documents at once, with the weighted log-odds
# ratio and an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). The z-score discounts
# words that are frequent only because they are rare overall, so small counts are not over-read;
# dark bars pass the threshold.

# %%
distinctive = vocabulary.distinctive_terms(statements, top_n=top_terms, z_threshold=z_threshold)
tables.write_table(distinctive, out_dir, "distinctive_terms")
figure, numbers = plots.distinctive_terms(distinctive, top_n=min(top_terms, 8), z_threshold=z_threshold)
figures.save_figure(figure, numbers, out_dir, "distinctive_terms")

# %% [markdown]
# ## Timeline
#
# Documents in publication order, with the claims each one introduces (the first document in the
# order that carries a claim). Where dates are missing the note says how the order was made.

# %%
order, note = framing.timeline(documents, statements, framing.corpus_metadata(corpus), claims)
tables.write_table(order, out_dir, "timeline")
Markdown(note)

# %%
notebook.capped(order.set_index("position"))
