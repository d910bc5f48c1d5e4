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
# What this corpus shows, for a reader who has not seen the code: first the few findings that
# matter most (chosen by the rule stated with them), then one section per outlet with its
# documents nested under it. Every finding names the statements behind it as `document:statement`
# ids and quotes them; `tables/statements.csv` gives each statement's exact offsets into the raw
# file. The tables and figures these findings come from are on page 04, and the same text is in
# `findings.md`, written one finding per line so that a pull request shows which finding changed.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
claim = ""  # the claim under study as one sentence, e.g. Iran supplies drones to Russia; empty: the codebook claim

# %%
from newsframe import findings, framing, notebook, speakers
from newsframe.claim import with_claim
from newsframe.codebook import load_codebook

notebook.setup()

# %%
run_note = speakers.run_note(with_claim(load_codebook(codebook), claim))
report = findings.from_tables(out_dir, metadata=framing.corpus_metadata(corpus), run_note=run_note)
findings.write(report, out_dir)
page = findings.sections(report.markdown)
notebook.markdown(page[""].split("\n", 1)[1])

# %% [markdown]
# ## What stands out

# %%
notebook.markdown(page["What stands out"])

# %% [markdown]
# ## Each outlet

# %%
notebook.markdown(page["Each outlet"])

# %% [markdown]
# ## Where to look further

# %%
notebook.markdown(findings.further_reading())
