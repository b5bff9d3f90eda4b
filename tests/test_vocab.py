"""The layout vocabulary: shipped lists load and compile, and users extend them without code."""

from __future__ import annotations

import re

import pytest

from lakip import vocab
from lakip.schemas import hierarchy
from lakip.schemas.facts import LEVEL_JUMLAH


def test_every_shipped_list_is_a_list_of_valid_lower_case_patterns() -> None:
    assert {"budget", "columns", "direction"} <= set(vocab.names())
    for name in vocab.names():
        lists = vocab._builtin(name)
        assert lists, name
        for key, words in lists.items():
            assert words and len(set(words)) == len(words), (name, key)
            for w in words:
                assert w == w.lower() and w.strip() == w, (name, key, w)
                re.compile(w)


def test_a_users_total_word_makes_a_row_a_total() -> None:
    assert hierarchy.special_level("Rekapitulasi", 3, 4, True) is None
    extension = vocab.parse_extension({"budget": {"total_row": ["rekapitulasi"]}})
    with vocab.use(extension):
        assert hierarchy.special_level("Rekapitulasi", 3, 4, True) == LEVEL_JUMLAH
        assert vocab.words("budget", "total_row")[-1] == "rekapitulasi"
    assert hierarchy.special_level("Rekapitulasi", 3, 4, True) is None


@pytest.mark.parametrize("section", [{"nope": {"x": ["y"]}}, {"budget": {"nope": ["y"]}},
                                     {"budget": {"total_row": [""]}}, {"budget": {"total_row": ["(unclosed"]}}])
def test_bad_extensions_are_refused_with_a_reason(section: dict) -> None:
    with pytest.raises(vocab.VocabError):
        vocab.parse_extension(section)


def test_kode_rekening_depths_come_from_the_vocabulary() -> None:
    from lakip.schemas.hierarchy import code_rank

    assert [code_rank(c) for c in ("1.01", "1.01.01", "1.01.01.2.01", "1.01.01.2.01.0001")] == [-1, 0, 1, 2]
    # a region that codes its kegiatan with four parts says so; its sub kegiatan (5 parts) follow
    extension = vocab.parse_extension({"budget": {"code_parts_kegiatan": ["4"], "code_parts_subkegiatan": ["5"]}})
    with vocab.use(extension):
        assert [code_rank(c) for c in ("1.01.01", "1.01.01.02", "1.01.01.02.001")] == [0, 1, 2]
