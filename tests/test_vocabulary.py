"""Distinctive vocabulary: Monroe, Colaresi & Quinn's weighted log-odds with an informative Dirichlet prior."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from newsframe import tables, vocabulary

ROOT = Path(__file__).resolve().parents[1]


def frame(texts: dict[str, list[str]]) -> pd.DataFrame:
    rows = [
        {"doc_id": d, "statement_id": f"{d}:{i:03d}", "start": i, "text": t}
        for d, sentences in texts.items()
        for i, t in enumerate(sentences)
    ]
    return pd.DataFrame(rows)


def test_tokenizer_keeps_hyphenated_words_and_drops_numbers_and_stopwords():
    tokens = vocabulary.tokenize("Iran’s Fath-360 satellite-guided missiles: 200 of them, and the 1,000 drones.")
    assert tokens == ["iran", "fath-360", "satellite-guided", "missiles", "drones"]


def test_log_odds_matches_the_formula():
    counts = pd.DataFrame([[3, 1, 0], [1, 2, 4]], index=["a", "b"], columns=["x", "y", "z"])
    delta, z = vocabulary.log_odds(counts, alpha_0=10)
    y = counts.to_numpy(float)
    alpha = 10 * y.sum(0) / y.sum()
    yi, yj = y[0], y.sum(0) - y[0]
    ni, nj, a0 = yi.sum(), yj.sum(), alpha.sum()
    expected = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha))
    np.testing.assert_allclose(delta.loc["a"].to_numpy(), expected)
    np.testing.assert_allclose(z.loc["a"].to_numpy(), expected / np.sqrt(1 / (yi + alpha) + 1 / (yj + alpha)))
    # two documents: each one's log-odds is the other's with the sign flipped
    np.testing.assert_allclose(delta.loc["b"].to_numpy(), -expected)


def test_default_prior_is_one_average_document():
    counts = pd.DataFrame([[3, 1], [1, 5]], index=["a", "b"], columns=["x", "y"])
    assert vocabulary.prior_strength(counts) == 5.0
    assert vocabulary.prior_strength(counts, 7) == 7.0


@pytest.fixture()
def planted():
    common = "The ministry said the talks continued and the officials met again."
    return frame(
        {
            "a": [
                common,
                "Tanks tanks tanks rolled past tanks near the tanks depot.",
                "More tanks arrived.",
                "Tanks, tanks and tanks again: tanks on every road, tanks at the tanks yard.",
            ],
            "b": [common, "The harvest was good and the weather was mild."],
            "c": [common, "Prices rose in the markets this week."],
        }
    )


def test_planted_word_is_top_and_significant(planted):
    table = vocabulary.distinctive_terms(planted, top_n=5)
    assert list(table.columns) == vocabulary.COLUMNS
    top = table[(table["doc_id"] == "a") & (table["rank"] == 1)].iloc[0]
    assert (top["term"], top["count_in_doc"], top["count_elsewhere"]) == ("tanks", 12, 0)
    assert top["significant"] and top["q_value"] <= vocabulary.FDR and top["z"] >= vocabulary.Z_THRESHOLD
    # words used once are not over-read
    once = table[(table["doc_id"] == "b") & (table["count_in_doc"] == 1)]
    assert not once["significant"].any()
    # shared words are not distinctive of anyone
    assert (table.loc[table["term"].isin(["ministry", "talks"]), "z"].abs() < 1).all()


def test_many_words_make_a_lone_z_of_two_not_significant():
    """One outlet, hundreds of words: a z a little above 1.96 is what chance gives among them."""
    rng = np.random.default_rng(0)
    vocabulary_words = [f"word{i}" for i in range(400)]
    texts = {d: [" ".join(rng.choice(vocabulary_words, 40)) + "." for _ in range(30)] for d in "abcd"}
    table = vocabulary.distinctive_terms(frame(texts), top_n=400)
    assert (table["z"] >= vocabulary.Z_THRESHOLD).any()  # raw z would call these words distinctive
    assert not table["significant"].any()
    from scipy import stats

    for _, part in table.groupby("doc_id"):  # the q-values are scipy's Benjamini-Hochberg, per unit
        np.testing.assert_allclose(part["q_value"], stats.false_discovery_control(part["p_value"]), rtol=0.02)


def test_units_can_be_outlets(planted):
    by_outlet = planted.assign(outlet=planted["doc_id"].map({"a": "Tank Weekly", "b": "Farm News", "c": "Farm News"}))
    table = vocabulary.distinctive_terms(by_outlet, top_n=3, by="outlet")
    assert table.columns[0] == "outlet" and set(table["outlet"]) == {"Tank Weekly", "Farm News"}
    assert table[table["outlet"] == "Tank Weekly"].iloc[0]["term"] == "tanks"
    # an outlet's own name is not what sets it apart
    named = by_outlet.assign(outlet=by_outlet["outlet"].replace({"Tank Weekly": "Tanks Daily"}))
    assert "tanks" not in set(vocabulary.distinctive_terms(named, top_n=3, by="outlet")["term"])


def test_deterministic_and_ranked(planted):
    table = vocabulary.distinctive_terms(planted, top_n=4)
    again = vocabulary.distinctive_terms(planted.sample(frac=1, random_state=5), top_n=4)
    pd.testing.assert_frame_equal(table, again)
    for _, part in table.groupby("doc_id"):
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert part["z"].is_monotonic_decreasing


def test_single_document_gives_an_empty_table():
    assert vocabulary.distinctive_terms(frame({"a": ["Only one document here."]})).empty


def test_seed_drones_set_004_apart():
    if not tables.table_path(ROOT / "reports", "statements").is_file():
        pytest.skip("reports/tables/statements.csv not built yet")
    table = vocabulary.distinctive_terms(tables.read_table(ROOT / "reports", "statements"))
    top = table[table["rank"] == 1].set_index(table[table["rank"] == 1]["doc_id"].str[:3])["term"]
    assert top["004"] == "drones"
    assert top["002"] == "european"


def test_figure_returns_the_numbers_it_draws(planted):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from newsframe import plots

    terms = vocabulary.distinctive_terms(planted, top_n=6)
    fig, numbers = plots.distinctive_terms(terms, top_n=3)
    assert len(fig.axes) >= 3 and numbers.groupby("doc_id").size().max() == 3
    assert numbers["term"].tolist() == terms[terms["rank"] <= 3]["term"].tolist()
    plt.close(fig)


def test_sparse_scores_match_the_dense_formula(planted):
    """distinctive_terms scores only the cells a document uses; they are the dense log_odds' cells."""
    table = vocabulary.distinctive_terms(planted, top_n=100)
    delta, z = vocabulary.log_odds(vocabulary.term_counts(planted))
    for row in table.itertuples():
        assert row.log_odds == round(delta.at[row.doc_id, row.term], 4)
        assert row.z == round(z.at[row.doc_id, row.term], 3)
    counts = vocabulary.term_counts(planted)
    assert len(table) == int((counts > 0).to_numpy().sum())  # every used term, none unused


def test_a_document_without_words_keeps_counts_integer(planted):
    with_empty = pd.concat([planted, frame({"z": ["2024: 1,000 and 20."]})], ignore_index=True)
    table = vocabulary.distinctive_terms(with_empty)
    assert "z" not in set(table["doc_id"])
    assert table["count_in_doc"].dtype == "int64" and table["count_elsewhere"].dtype == "int64"
    assert vocabulary.term_counts(with_empty).loc["z"].sum() == 0


def test_repeated_documents_get_the_same_terms(planted):
    """Copies of a document are indistinguishable: they get the same terms, counts and scores."""
    copies = pd.concat([planted.assign(doc_id=planted["doc_id"] + f"{k}") for k in range(4)], ignore_index=True)
    table = vocabulary.distinctive_terms(copies, top_n=5)
    assert len(table) == 4 * len(vocabulary.distinctive_terms(planted, top_n=5))
    by_copy = {
        k: part.drop(columns="doc_id").reset_index(drop=True)
        for k, part in table.groupby(table["doc_id"].str[:1] + "|" + table["doc_id"].str[1:])
    }
    for doc in "abc":
        first = by_copy[f"{doc}|0"]
        for k in range(1, 4):
            pd.testing.assert_frame_equal(by_copy[f"{doc}|{k}"], first)
