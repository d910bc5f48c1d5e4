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
# # 05 · Findings
#
# The findings of the four stages in one place, for a reader who has not seen the code: a short
# summary per outlet (its documents nested under it), which claims each outlet carries, where the
# outlets disagree, and whom they cite. Every finding names the statements behind it as `document:statement` ids and quotes their
# text; `tables/statements.csv` gives each statement's exact offsets into the raw file.
#
# The same findings are written to `findings.md` (Markdown tables and links to the PNG figures),
# so a pull request shows in plain text what changed.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"

# %%
from IPython.display import Markdown

from newsframe import findings, framing, notebook

notebook.setup()

# %%
report = findings.from_tables(out_dir, metadata=framing.corpus_metadata(corpus))
findings.write(report, out_dir)
page = findings.sections(findings.from_tables(out_dir, figures={}, metadata=framing.corpus_metadata(corpus)).markdown)
Markdown(page[""].split("\n", 1)[1])

# %% [markdown]
# ## Framing by outlet
#
# What each outlet treats as fact (the claim in its own voice), as allegation (attributed to
# someone), as uncertain (hedged) and as denied, with 95% intervals over its documents.

# %%
Markdown(page["Framing by outlet"])

# %%
findings.figure(out_dir, "framing_stance")

# %% [markdown]
# ## Each outlet

# %%
Markdown(page["Each outlet"])

# %% [markdown]
# ## Claims carried and omitted
#
# Statements per claim and outlet (stage 3's clusters); a blank cell means the outlet does not
# carry the claim.

# %%
findings.figure(out_dir, "claim_coverage")

# %%
Markdown(page.get("Claims carried and omitted", "Stage 3 (claims) has not run."))

# %% [markdown]
# ## Where outlets disagree

# %%
Markdown(page["Where outlets disagree"])

# %% [markdown]
# ## Whom they cite

# %%
findings.figure(out_dir, "sourcing_graph")

# %%
Markdown(page["Whom they cite"])

# %% [markdown]
# ## Distinctive vocabulary and timeline

# %%
Markdown(page["Distinctive vocabulary"] + "\n\n### Timeline\n" + page["Timeline"])
