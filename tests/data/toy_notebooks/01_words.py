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
# # 01 · Toy words
#
# Writes the words it is given to `tables/words.csv`. Second sentence.

# %% tags=["parameters"]
corpus = "seeds"
codebook = "seeds/codebook.yml"
out_dir = "reports"
words = ["alpha"]

# %%
import pandas as pd
from IPython.display import Markdown
from newsframe import paths

tables = paths.resolve(out_dir) / "tables"
tables.mkdir(parents=True, exist_ok=True)
frame = pd.DataFrame({"word": words, "corpus": corpus, "codebook": codebook})
frame.to_csv(tables / "words.csv", index=False)
frame

# %%
untrusted = '<script>alert("corpus")</script><img src="https://evil.example/pixel.png"> **bold**'
Markdown(untrusted)
