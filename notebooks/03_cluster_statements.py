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
# The statements of stage 2 are grouped into **claims**: statements of any document that assert
# the same thing ("Iran denies supplying weapons", "a transfer would be an escalation", "sanctions
# will follow"). Each statement is turned into a vector from its words, the words of the sentences
# around it and who says it with which stance; statements with similar vectors form one claim,
# and the number of claims is chosen by the silhouette (how much closer statements are to their
# own claim than to the next one), without any labels. Each claim is named by its most
# distinctive words and shown with its most representative statement, so a reader can see which
# document carries which claim and who voices it.
#
# Writes `tables/claims.csv`, fills `cluster_id` and `cluster_label` in `tables/statements.csv` and
# `story_id` in `tables/documents.csv`,
# and saves `figures/claims_by_k.png`, `figures/claim_coverage.png` and `figures/claim_map.png`
# (each with the CSV of its numbers).

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
representation = "tfidf+context+voice"  # or tfidf, lsa, minilm (optional extra), with +context, +voice
method = "average"  # average linkage; or ward, kmeans
n_claims = 0  # 0: chosen by silhouette
random_seed = 0

# %%
from newsframe import cluster, cluster_eval, cluster_report, figures, notebook, outlets, plots, tables

notebook.setup()

# %%
statements = tables.read_table(out_dir, "statements", written_by="02_extract_statements")
documents = tables.read_table(out_dir, "documents", written_by="01_clean_corpus")
labelled = cluster_eval.labelled_statements(statements, cluster_eval.load_claim_labels())

# %% [markdown]
# ## Choosing a representation and a method
#
# Each seed statement was assigned to a claim by a reader before any method was tried
# (`tests/data/seed_claims.csv`, 11 claims). Every combination below is scored against those labels
# with the adjusted Rand index (ARI: 1 is the reader's grouping, 0 is chance) and V-measure, at the
# number of claims its own silhouette chose; the last number column shows ARI when the method is
# told the reader's number of claims. Representations: `tfidf` (words and word pairs), `lsa` (the same
# reduced to latent dimensions), `minilm` (sentence embeddings from an optional extra), each alone,
# with `+voice` (speaker group and stance from stage 2) and with `+context` (half of the neighbouring
# sentences' words). The weights that combine them are fixed rules, not tuned on these labels.

# %%
comparison, where_from = cluster_eval.comparison_table(labelled, random_seed)
notebook.markdown(where_from)

# %%
comparison.set_index(["representation", "method"])

# %% [markdown]
# Words alone group statements poorly: sentences of one story share most of their vocabulary, and
# a short sentence shares few words with another that asserts the same thing in different terms.
# Who speaks and with which stance separates denials from accusations, and the neighbouring
# sentences tie a sentence in the article's own voice to the point it continues. The default,
# `tfidf+context+voice` with average linkage, needs no extra package:

# %%
notebook.markdown(cluster_eval.comparison_markdown(comparison, representation, method))

# %%
documents, story_note = cluster_report.with_story(documents)
tables.write_table(documents, out_dir, "documents")
found = cluster.cluster_statements(statements, representation, method, n_claims, random_seed)
tables.write_table(found.statements, out_dir, "statements")
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
# Largest first. `cluster_label` lists the claim's most distinctive words (words every claim uses,
# such as "Iran", weigh nothing); `representative` is the statement closest to the claim's centre;
# `speaker_groups` counts who voices the claim ("own voice": the article itself).

# %%
found.claims.set_index("cluster_id").drop(columns="doc_ids")

# %% [markdown]
# ## Which outlet carries which claim
#
# Statements per claim and outlet (each document is its own outlet when the corpus names none).

# %%
figure, numbers = plots.claim_coverage(cluster_report.coverage(outlets.with_outlet(found.statements, documents),
                                                               found.claims, by="outlet"))
figures.save_figure(figure, numbers, out_dir, "claim_coverage")

# %%
notebook.markdown(cluster_report.sharing_markdown(found.statements, found.claims, documents))

# %% [markdown]
# ## A map of the statements
#
# Each dot is a statement, placed by the two main directions of its vector: statements close on the
# map are similar in words, context and voice. Colours are the largest claims. Above 5,000 statements
# the map shows a seeded random sample of whole documents, and its title says so.

# %%
figure, numbers = plots.claim_map(cluster_report.statement_map(found.statements, found.representation, random_seed),
                                  found.claims)
figures.save_figure(figure, numbers, out_dir, "claim_map")

# %% [markdown]
# ## What this can and cannot tell you
#
# - A claim here is a group of statements that are alike in words, surroundings and voice. It is a
#   reading aid, not a verdict: the ARI above says how far it agrees with a reader, and the
#   disagreements are mostly claims voiced by several actors (an escalation warned of by the United
#   States, the EU and NATO is split by voice) and the article's own voice, which has no speaker.
# - Because the speaker counts, "Iran denies" and "the Kremlin responds" come out as claims of their
#   own; a claim that every side voices will be split by side.
# - The number of claims follows the silhouette. Fix it with `n_claims` to read the grouping at
#   another level of detail; the curve above shows what that does to agreement with the reader.
# - Above 5,000 statements the library switches to a bounded-memory method and says so above: the
#   vocabulary and the number of claims are learnt from a seeded sample of 20,000 statements (whole
#   documents), then MiniBatchKMeans is fed the corpus partition by partition and every statement is
#   assigned to its nearest claim. Its claims are coarser than those of the exact method used on small
#   corpora, and words that the sample never saw do not count.
