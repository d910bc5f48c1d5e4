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
# # 04 · Compare how the outlets frame the story
#
# This is what the earlier stages were for. For each **outlet** (the publisher the corpus names
# for each document; each document on its own when the corpus names none) this page shows **whose
# voice leads**, **what it treats as fact and what as allegation**, how much it **hedges**, how much
# rests on **unnamed sources**, **whom it cites**, which **claims** it carries or leaves out, which
# **words** set it apart, and **where outlets disagree**. Shares come with 95% intervals that
# resample the outlet's documents, so an outlet of three articles is not read like one of three
# hundred. Every number comes from the statements table, and every row names the statements behind
# it (`document:statement`), so a finding can be checked against the sentence and its exact place in
# the raw file.
#
# Writes `tables/outlets.csv` (one row per outlet), `tables/framing.csv` (one row per document),
# `tables/distinctive_terms.csv`, `tables/contradictions.csv` (between outlets),
# `tables/within_outlet.csv` (inside one outlet), `tables/omissions.csv` (coverage gaps), `tables/sourcing_edges.csv`, `tables/timeline.csv`,
# fills `lead_actor` and `lead_frame` in `tables/documents.csv`, and saves three figures with the
# numbers behind them.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
claim = ""  # the claim under study as one sentence, e.g. Iran supplies drones to Russia; empty: the codebook claim
top_terms = 10  # distinctive words kept per outlet
fdr = 0.05  # false discovery rate at which a word counts as distinctive (Benjamini-Hochberg, per outlet)
min_documents = 3  # outlets with fewer documents are flagged: too few to stand for the outlet
random_seed = 0  # bootstrap intervals

# %%
from newsframe import contradictions, figures, framing, notebook, outlets, plots, sourcing, speakers, tables, vocabulary
from newsframe.claim import with_claim
from newsframe.codebook import load_codebook

notebook.setup()

# %%
codes = with_claim(load_codebook(codebook), claim)
documents = tables.read_table(out_dir, "documents", written_by="01_clean_corpus")
removed_spans = tables.read_table(out_dir, "removed_spans", written_by="01_clean_corpus")
statements = tables.read_table(out_dir, "statements", written_by="02_extract_statements")
quantities = tables.read_table(out_dir, "quantities", written_by="02_extract_statements")
claims = tables.read_optional(out_dir, "claims")  # written by 03_cluster_statements
statements = outlets.with_outlet(statements, documents)
notebook.markdown(outlets.units_note(documents) + "\n\n" + speakers.run_note(codes))

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
notebook.capped(
    outlets.with_outlet(documents, documents)[
        ["doc_id", "outlet", "title", "lead_actor", "lead_frame", "lead_basis", "lead_statement"]
    ].set_index("doc_id")
)

# %% [markdown]
# ## Fact, allegation, doubt and denial, per outlet
#
# Statements about the claim, split by how the outlet presents them: asserted in its **own voice**
# (treated as fact), **attributed** to someone (an allegation it reports), **hedged** ("if
# confirmed", "potential"), or **denied**. Each share is of the outlet's statements about the
# claim, pooled over its documents; the bar around it is a 95% bootstrap interval that resamples
# the outlet's documents (none for an outlet of one document). Outlets marked `small` have fewer
# than `min_documents` documents.

# %%
profile = outlets.with_outlet(framing.profile(documents, statements, claims), documents)
tables.write_table(profile, out_dir, "framing")
by_outlet = outlets.outlet_table(documents, profile, statements, random_seed, min_documents)
tables.write_table(by_outlet, out_dir, "outlets")
figure, numbers = plots.framing_by_outlet(by_outlet)
figures.save_figure(figure, numbers, out_dir, "framing_stance")

# %% [markdown]
# ## Whose voice leads
#
# Per outlet: the speaker group quoted most, the share of statements in the outlet's own voice,
# the share resting on unnamed sources (with their intervals), how its headlines frame the story,
# and the media it cites by name.

# %%
notebook.capped(outlets.summary_table(by_outlet))

# %% [markdown]
# ## Claims carried and left out
#
# The claims are stage 3's clusters of statements. `claims_omitted` lists claims that at least two
# other documents carry and this one does not. One row per document, with its outlet.

# %%
notebook.capped(profile[["doc_id", "outlet", "n_claims", "claim_labels", "claims_omitted"]].set_index("doc_id"))

# %% [markdown]
# ## Where outlets disagree
#
# **Two different outlets**, **one claim**, positions that cannot both be right: one outlet reports
# a party's denial while another says it did **not** deny; one states as fact what a party's
# denial in another outlet rejects; a party affirms in one outlet and denies in another; numbers
# for the same counted thing, in one claim and time frame, whose ranges cannot both hold. Without
# a claim under study, positions are taken toward each claim's own proposition: what a denial
# denies ("X denied that P", "X denied colluding", "P, X said" with its main verb negated) must be
# what the other outlet's statement asserts, not only share its story's names. Each
# outlet pair, claim and kind is one row, with every statement behind it; the `explanation` says
# which rule found it. Two documents of the same outlet that disagree are an inconsistency of that
# outlet, listed apart below the table. A coverage gap (one outlet carries a denial another never
# mentions) is not a disagreement: those go to `tables/omissions.csv`, summarised after the table.

# %%
unit_of = outlets.unit_of(documents)
disagreements = contradictions.contradictions(statements, codes, quantities, outlets=unit_of, claims=claims)
tables.write_table(disagreements, out_dir, "contradictions")
inconsistent = contradictions.contradictions(statements, codes, quantities, outlets=unit_of, within=True, claims=claims)
tables.write_table(inconsistent, out_dir, "within_outlet")
gaps = contradictions.omissions(statements, codes, outlets=unit_of)
tables.write_table(gaps, out_dir, "omissions")
notebook.capped(
    disagreements[
        [
            "kind",
            "claim_id",
            "actor",
            "outlet_a",
            "statement_a",
            "text_a",
            "outlet_b",
            "statement_b",
            "text_b",
            "explanation",
        ]
    ]
)

# %%
notebook.markdown(contradictions.within_note(inconsistent) + "\n\n" + contradictions.omissions_note(gaps))

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
# ## Words that set each outlet apart
#
# Each outlet's vocabulary against all the other outlets at once, with the weighted log-odds ratio
# and an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). The z-score discounts words
# that are frequent only because they are rare overall. An outlet uses thousands of words, so a z of
# 2 happens by chance for dozens of them: a word counts as distinctive (dark bars) only when it
# survives a Benjamini-Hochberg correction at a false discovery rate of `fdr` over all the words
# that outlet uses (`q_value`).

# %%
distinctive = vocabulary.distinctive_terms(statements, top_n=top_terms, fdr=fdr, by="outlet")
tables.write_table(distinctive, out_dir, "distinctive_terms")
figure, numbers = plots.distinctive_terms(
    distinctive, top_n=min(top_terms, 8), shown=outlets.busiest(by_outlet, plots.MAX_PANELS)
)
figures.save_figure(figure, numbers, out_dir, "distinctive_terms")

# %% [markdown]
# ## Timeline
#
# Documents in publication order, with the claims each one introduces (the first document in the
# order that carries a claim). Where dates are missing the note says how the order was made.

# %%
order, note = framing.timeline(documents, statements, framing.corpus_metadata(corpus), claims)
tables.write_table(order, out_dir, "timeline")
notebook.markdown(note)

# %%
notebook.capped(order.set_index("position"))
