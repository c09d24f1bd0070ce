"""The word lists: read once, shared by every article of a process, so nobody may change them."""

from types import MappingProxyType

import pytest

from generator import lexicon


@pytest.mark.parametrize("loader", [lexicon.country_by_surface, lexicon.organization_by_surface,
                                    lexicon.place_nouns, lexicon.exchange_words])
def test_an_index_is_read_only(loader):
    index = loader()
    assert isinstance(index, MappingProxyType) and len(index) > 0
    with pytest.raises(TypeError):
        index["anything"] = None  # type: ignore[index]


def test_a_country_is_found_by_name_demonym_and_capital():
    assert lexicon.country_by_surface()["syrian"][0].name == "Syria"
    assert lexicon.country_by_surface()["damascus"][1] == "capital"
