"""Linking across briefs: one actor page per actor name, country and tag pages, briefings newest first."""

from generator.link import link, slugify, unique_slugs
from generator.model import Actor, Brief, Extraction, Quote, Reaction


def brief(slug: str, date: str, extraction: Extraction, tags: tuple[str, ...] = ()) -> Brief:
    return Brief(slug=slug, title=slug, date=date, country=extraction.country, region=None, tags=tags,
                 status="published", sources=(), articles=(), extraction=extraction)


ARAGHCHI = Actor("Abbas Araghchi", "person", mentions=2, key=True)
IRAN = Actor("Iran", "country", mentions=3)


def test_slugs_are_ascii_words_joined_by_dashes():
    assert slugify("Bashar al-Assad") == "bashar-al-assad"
    assert slugify("Türkiye's  Foreign Ministry") == "turkiye-s-foreign-ministry"


def test_an_actor_in_two_briefs_has_one_page_with_both_appearances_newest_first_and_its_own_quotes():
    older = brief("aleppo", "2024-11-30", Extraction(
        actors=[ARAGHCHI], quotes=[Quote("We will support Syria", "Abbas Araghchi"), Quote("No", None)],
        country="Syria"))
    newer = brief("beirut", "2024-12-02", Extraction(actors=[ARAGHCHI, IRAN], country="Lebanon"))
    site = link([older, newer])
    assert [b.slug for b in site.briefs] == ["beirut", "aleppo"]
    page = site.actors["abbas-araghchi"]
    assert [a.brief.slug for a in page.appearances] == ["beirut", "aleppo"]
    assert [q.text for q in page.appearances[1].quotes] == ["We will support Syria"]
    assert page.kind == "person" and site.actors["iran"].kind == "country"
    assert site.actor_slug("Abbas Araghchi") == "abbas-araghchi" and site.actor_slug("Nobody") is None


def test_a_country_page_gathers_the_briefings_there_and_what_it_said_elsewhere():
    iran_reacts = Reaction("Iran", "country", "pledged support")
    un_reacts = Reaction("United Nations", "organization", "called for calm")
    syria = brief("aleppo", "2024-11-30", Extraction(actors=[IRAN], reactions=[iran_reacts, un_reacts],
                                                     country="Syria"))
    site = link([syria])
    assert [b.slug for b in site.countries["syria"].briefs] == ["aleppo"]
    assert site.countries["iran"].reactions == [(syria, iran_reacts)]
    assert "united-nations" not in site.countries  # an international body is no country
    assert site.country_slug("Iran") == "iran" and site.country_slug(None) is None


def test_tags_group_briefings_under_one_page_each():
    site = link([brief("a", "2024-01-01", Extraction(), tags=("Syria", "war")),
                 brief("b", "2024-01-02", Extraction(), tags=("syria",))])
    assert {slug: [b.slug for b in page.briefs] for slug, page in site.tags.items()} == {
        "syria": ["b", "a"], "war": ["a"]}


def test_names_whose_slugs_collide_get_pages_of_their_own_and_non_latin_names_keep_their_letters():
    slugs = unique_slugs(["C++", "C", "..", "日本", "中国", "Россия", "إيران", "Syria", "syria"])
    assert slugs["C"] == "c" and slugs["C++"].startswith("c-") and slugs["C++"] != "c"
    assert (slugs["日本"], slugs["中国"], slugs["Россия"], slugs["إيران"]) == ("日本", "中国", "россия", "إيران")
    assert slugs["Syria"] == slugs["syria"] == "syria"
    assert len({slugs[name] for name in ("C++", "C", "..", "日本", "中国", "Россия", "إيران", "Syria")}) == 8
    assert unique_slugs(["C", "C++"]) == unique_slugs(["C++", "C"])  # not the order briefs are read in


def test_a_tag_page_never_mixes_two_tags():
    site = link([brief("a", "2024-01-01", Extraction(), tags=("C++",)), brief("b", "2024-01-02", Extraction(),
                                                                              tags=("C",))])
    assert sorted((page.name, [b.slug for b in page.briefs]) for page in site.tags.values()) == [
        ("C", ["b"]), ("C++", ["a"])]
    assert site.tag_slug("C") == "c" and site.tag_slug("C++") != "c"


def _places(*names: str) -> list:
    from generator.model import Place

    return [Place(name) for name in names]


def test_a_story_gathers_its_briefings_newest_first_and_they_are_related_first():
    first = brief("aleppo-falls", "2024-11-30", Extraction(country="Syria"))
    second = brief("damascus-falls", "2024-12-08", Extraction(country="Syria"))
    other = brief("kyiv", "2024-12-01", Extraction(country="Ukraine"))
    first.story = second.story = "Fall of Assad"
    site = link([first, second, other])
    assert list(site.stories) == ["fall-of-assad"]
    assert [b.slug for b in site.stories["fall-of-assad"].briefs] == ["damascus-falls", "aleppo-falls"]
    assert site.story_slug("Fall of Assad") == "fall-of-assad" and site.story_slug(None) is None
    assert [(r.brief.slug, r.same_story) for r in site.related["aleppo-falls"]] == [("damascus-falls", True)]
    assert site.related["kyiv"] == []


def test_briefings_sharing_two_rare_key_actors_or_places_are_related_the_rarer_the_closer():
    pedersen = Actor("Geir Pedersen", "person", key=True)
    fidan = Actor("Hakan Fidan", "person", key=True)
    minor = Actor("Geir Pedersen", "person", key=False)  # not a key actor of that briefing: not counted
    aleppo = brief("aleppo", "2024-11-30", Extraction(actors=[pedersen, fidan], places=_places("Idlib", "Hama")))
    geneva = brief("geneva", "2024-12-05", Extraction(actors=[pedersen, fidan], places=_places("Geneva")))
    idlib = brief("idlib", "2024-12-06", Extraction(actors=[fidan], places=_places("Idlib", "Hama")))
    one_name = brief("ankara", "2024-12-07", Extraction(actors=[fidan, minor], places=_places("Ankara")))
    filler = [brief(f"other-{n}", "2024-01-01", Extraction(places=_places(f"Town {n}"))) for n in range(6)]
    site = link([aleppo, geneva, idlib, one_name, *filler])
    related = site.related["aleppo"]
    # "Hakan Fidan" is in 4 of 10 briefings, the places and Pedersen in 2: geneva shares Pedersen and Fidan,
    # idlib shares Fidan, Idlib and Hama (three names, more weight); ankara shares one name only.
    assert [(r.brief.slug, r.shared) for r in related] == [
        ("idlib", ("Hakan Fidan", "Hama", "Idlib")), ("geneva", ("Geir Pedersen", "Hakan Fidan"))]


def test_a_name_in_many_briefings_of_a_large_archive_relates_nothing():
    us = Actor("United States", "country", key=True)
    russia = Actor("Russia", "country", key=True)
    briefs = [brief(f"b{n:02d}", f"2024-01-{n % 28 + 1:02d}", Extraction(actors=[us, russia])) for n in range(40)]
    assert all(related == [] for related in link(briefs).related.values())
