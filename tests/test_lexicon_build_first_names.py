"""The first-name list's build: common names nearly always given to one sex, and nothing else."""

from generator.lexicon.build_first_names import one_sex_names


def test_only_common_names_nearly_always_one_sex_s_go_in():
    counts = {
        "jennifer": [1_464_056, 4_831],  # 99.7% women
        "hillary": [28_301, 1_088],  # 96.3%
        "jean": [409_026, 21_554],  # 95.0%: a man's name in France
        "taylor": [311_911, 106_926],  # given to both
        "andrea": [425_387, 5_732],  # a woman's name in the US, a man's in Italy
        "vladimir": [0, 4_845],
        "zbigniewa": [900, 0],  # too rare to judge by
    }
    assert one_sex_names(counts) == [("hillary", "f"), ("jennifer", "f"), ("vladimir", "m")]
