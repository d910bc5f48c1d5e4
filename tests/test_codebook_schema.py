"""The codebook's shape is a JSON Schema shipped with the package: editors can check a codebook.yml
with it, and a run refuses a codebook that breaks it, naming the place."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from newsframe import paths
from newsframe.codebook import SCHEMA, CodebookError, load_codebook, parse_codebook


def test_the_schema_is_valid_and_the_seeds_codebook_follows_it():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load((paths.SEEDS / "codebook.yml").read_text(encoding="utf-8")), schema)
    assert load_codebook(paths.SEEDS / "codebook.yml").actors


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"actors": [{"name": "Iran", "aliases": "Tehran"}]}, "actors[0].aliases: 'Tehran' is not of type"),
        (
            {"actor": [{"name": "Iran"}]},
            "the top level: Additional properties are not allowed ('actor' was unexpected)",
        ),
        ({"actors": [{"group": "Iran"}]}, "actors[0]: 'name' is a required property"),
        ({"actors": [{"name": "Iran", "kind": "nation"}]}, "actors[0].kind: 'nation' is not one of"),
        ({"lexicons": {"deny": "denied"}}, "lexicons.deny: 'denied' is not of type 'array'"),
        ({"actors": [{"name": "Iran", "aliases": [7]}]}, "actors[0].aliases[0]: 7 is not of type 'string'"),
    ],
)
def test_a_codebook_that_breaks_the_schema_is_refused_naming_the_place(data, where):
    with pytest.raises(CodebookError) as raised:
        parse_codebook(data, "corpus/codebook.yml")
    message = str(raised.value)
    assert message.startswith("codebook corpus/codebook.yml: ") and where in message
    assert "codebook.schema.json" in message


def test_an_empty_codebook_is_valid():
    assert parse_codebook(None).is_empty and parse_codebook({}).is_empty
