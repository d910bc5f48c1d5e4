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
# # 03 · Claims: what the statements assert, across outlets
#
# The statements of stage 2 are grouped into **claims**: statements that assert the same
# proposition ("Iran transferred ballistic missiles to Russia"), whoever voices it and however.
# A corpus that spans many events is first split into **stories** (documents about one event:
# alike in title, lead and names, published within a few days), and claims are found within each
# story. A statement is compared by its **content**, with its attribution frame ("X said that")
# stripped, plus half of the neighbouring sentences; who speaks and with which stance are not
# clustering features but attributes of the claim, shown per outlet in `claim_stances.csv`. The
# number of claims is chosen per story by the silhouette, without any labels. A claim is named by
# the content of its most central statement, and its id stays the same across runs.
#
# Writes `tables/claims.csv`, `tables/claim_stances.csv`, fills `cluster_id`, `cluster_label` and
# each statement's `position` toward its claim (with what it `denied`, the `denier` and the
# `denial_rule`) in `tables/statements.csv` and `story_id` in `tables/documents.csv`, and saves
# `figures/claims_by_k.png`, `figures/claim_coverage.png`, `figures/claim_stances.png` and
# `figures/claim_map.png` (each with the CSV of its numbers).

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
representation = "lsa+context"  # or tfidf, lsa, minilm (optional extra), with +context (and +voice, not advised)
method = "average"  # average linkage; or ward, kmeans
n_claims = 0  # 0: chosen by silhouette
random_seed = 0
story_threshold = 0.15  # cosine of title, lead and names above which two documents may tell one story
story_window_days = 3  # dated documents are only linked to documents this close in time

# %%
from newsframe import (
    cluster,
    cluster_eval,
    cluster_report,
    figures,
    framing,
    notebook,
    outlets,
    plots,
    positions,
    stories,
    tables,
)

notebook.setup()

# %%
statements = tables.read_table(out_dir, "statements", written_by="02_extract_statements")
documents = tables.read_table(out_dir, "documents", written_by="01_clean_corpus")
labelled = cluster_eval.labelled_statements(statements, cluster_eval.load_claim_labels())
previous = tables.read_optional(out_dir, "claims")  # an earlier run's claims keep their ids

# %% [markdown]
# ## How the method was chosen
#
# Each seed statement was assigned to a claim by a reader before any method was tried
# (`tests/data/seed_claims.csv`, 11 claims), and the statements of one BASIL story likewise
# (`tests/data/basil_claims.csv`). Representations (TF-IDF, LSA, MiniLM sentence embeddings from
# an optional extra, each with or without neighbouring sentences, and for comparison with the
# speaker's voice) and methods (average, Ward, k-means) were scored against those labels with the
# adjusted Rand index and V-measure; the whole comparison is in `docs/benchmarks.md`. Every
# representation reads the statement's content with its attribution frame stripped. The seed labels
# were written when a claim was allowed to be "Iran's denials": they reward grouping by voice,
# which the default no longer does. Where the default stands:

# %%
comparison, where_from = cluster_eval.comparison_table(labelled, random_seed)
notebook.markdown(cluster_eval.comparison_markdown(comparison, representation, method) + "\n\n" + where_from)

# %%
documents, story_note = stories.with_stories(
    documents, statements, threshold=story_threshold, window_days=story_window_days
)
tables.write_table(documents, out_dir, "documents")
found = cluster.cluster_statements(
    statements,
    representation,
    method,
    n_claims,
    random_seed,
    stories=dict(zip(documents["doc_id"], documents["story_id"])),
    previous=previous,
)
statements = positions.with_positions(found.statements, found.claims)
tables.write_table(statements, out_dir, "statements")
tables.write_table(found.claims, out_dir, "claims")
notebook.markdown(story_note + " " + found.note)

# %% [markdown]
# ## How many claims
#
# The silhouette for each number of claims tried; the dashed line is the number chosen. Where hand
# labels exist the red line shows ARI at each number, which says how much the choice matters.

# %%
curve = cluster_eval.k_curve(found, labelled, random_seed)
figure, numbers = plots.claims_by_k(curve, found.n_claims)
figures.save_figure(figure, numbers, out_dir, "claims_by_k")

# %%
notebook.markdown(cluster_eval.sensitivity_markdown(curve, found.n_claims))

# %% [markdown]
# ## The claims
#
# Largest story first, then largest claim. `cluster_label` is the content of `representative`, the
# statement closest to the claim's centre, without its attribution frame; `key_terms` are the
# claim's most distinctive words; `speaker_groups` counts who voices the claim ("own voice": the
# article itself); `linked_claims` are claims of other stories that assert much the same.
# `cluster_id` is derived from the claim's story and first statement, or taken over from the
# previous run's claim whose representative statement it holds, so adding a document does not
# renumber the others.

# %%
notebook.capped(found.claims.set_index("cluster_id").drop(columns=["doc_ids"]))

# %% [markdown]
# ## Which outlet carries which claim
#
# Statements per claim and outlet (each document is its own outlet when the corpus names none).

# %%
by_outlet = outlets.with_outlet(found.statements, documents)
figure, numbers = plots.claim_coverage(
    cluster_report.coverage(
        by_outlet,
        found.claims,
        by="outlet",
        only=framing.widest_claims(by_outlet, found.claims, plots.MAX_HEATMAP_COLUMNS),
    ),
    of_claims=len(found.claims),
)
figures.save_figure(figure, numbers, out_dir, "claim_coverage")

# %%
notebook.markdown(cluster_report.sharing_markdown(found.statements, found.claims, documents))

# %% [markdown]
# ## Who carries which claim, and how
#
# One row of `tables/claim_stances.csv` per claim, outlet and stance: `affirm` (stated in the
# outlet's own voice, as fact), `report` (attributed to a speaker), `hedge` (doubted, conditional)
# or `deny` (a denial of the claim under study, or of the claim's own proposition: the
# statement's `position` in `tables/statements.csv`), with the speaker groups and the statements behind it. The figure colours
# each claim x outlet cell by the stance most of its statements take.

# %%
claim_stances = cluster_report.claim_stances(outlets.with_outlet(statements, documents), found.claims)
tables.write_table(claim_stances, out_dir, "claim_stances")
figure, numbers = plots.claim_stances(
    cluster_report.stance_grid(
        claim_stances, found.claims, only=framing.widest_claims(by_outlet, found.claims, plots.MAX_HEATMAP_ROWS)
    ),
    dict(zip(found.claims["cluster_id"], found.claims["cluster_label"])),
    of_claims=len(found.claims),
)
figures.save_figure(figure, numbers, out_dir, "claim_stances")

# %% [markdown]
# ## A map of the statements
#
# Each dot is a statement, placed by the two main directions of its vector: statements close on the
# map are similar in content and context. Colours are the largest claims. Above 5,000 statements
# the map shows a seeded random sample of whole documents, and its title says so.

# %%
figure, numbers = plots.claim_map(
    cluster_report.statement_map(found.statements, found.representation, random_seed), found.claims
)
figures.save_figure(figure, numbers, out_dir, "claim_map")

# %% [markdown]
# ## What this can and cannot tell you
#
# - A claim here is a group of statements of one story whose contents (attribution stripped) and
#   surroundings are alike. It is a reading aid, not a verdict: the ARI above says how far it agrees
#   with a reader. Who voices it and how is read from `claim_stances.csv`, not used to split it.
# - Short news sentences share few words, so the silhouette tends to prefer many small claims; the
#   note above says when the chosen number is the largest tried.
# - Stories are found from titles, leads and names; undated corpora link less reliably (see the
#   BASIL benchmark in the README).
# - The number of claims follows the silhouette. Fix it with `n_claims` to read the grouping at
#   another level of detail; the curve above shows what that does to agreement with the reader.
# - Above 5,000 statements in all, each story is still clustered exactly, in one sweep over the
#   stories: statements are weighed by the TF-IDF of their own story and a short grid of numbers of
#   claims is tried per story (the note above says so). Only a single story of more than 5,000
#   statements switches to a bounded-memory method: the vocabulary and the number of claims are
#   learnt from a seeded sample of 20,000 statements (whole documents), then MiniBatchKMeans is fed
#   the story partition by partition. Its claims are coarser, and words the sample never saw do not count.
