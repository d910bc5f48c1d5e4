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
# # 02 · Toy count
#
# Counts the words of stage 01 with a configurable `method`.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
method = "count"
fail = False

# %%
import pandas as pd
from newsframe import paths

if fail:
    raise RuntimeError("toy failure requested")
tables = paths.resolve(out_dir) / "tables"
words = pd.read_csv(tables / "words.csv")
pd.DataFrame({"method": [method], "n_words": [len(words)]}).to_csv(tables / "summary.csv", index=False)
print(f"{len(words)} words, method {method}")
