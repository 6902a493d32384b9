import pytest

from factcheck.normalize import describe_interval, interval, parse_number_words, parse_numeral


@pytest.mark.parametrize(
    "text, value, rounding",
    [("24,000", 24000, 1000), ("816 000", 816000, 1000), ("150", 150, 10), ("7", 7, 1),
     ("2,017", 2017, 1), ("3.25", 3.25, 0.01), ("14,500", 14500, 100), ("0", 0, 1)],
)
def test_normalize_parse_numeral_reads_value_and_rounding(text, value, rounding):
    assert parse_numeral(text) == (value, rounding)


def test_normalize_parse_numeral_rejects_words():
    with pytest.raises(ValueError, match="expected digits"):
        parse_numeral("twelve")


@pytest.mark.parametrize(
    "words, value",
    [(["twenty", "-", "one"], 21), (["two", "hundred", "and", "fifty"], 250),
     (["a", "million"], 1_000_000), (["three", "thousand"], 3000), (["seven"], 7),
     (["banana"], None)],
)
def test_normalize_parse_number_words(words, value):
    assert parse_number_words(words) == value


def test_normalize_interval_around_is_not_contradicted_by_a_near_figure():
    low, high = interval(24000, "approx", 1000)
    assert low <= 23800 <= high
    assert not (low <= 20000 <= high)


def test_normalize_interval_more_than_is_open_above():
    assert interval(300, "more_than", 100) == (300, None)


def test_normalize_interval_nearly_stays_below_the_figure():
    low, high = interval(3000, "nearly", 1000)
    assert high == 3000 and low < 3000 and low >= 2500


def test_normalize_interval_exact_rounded_figure_allows_its_rounding():
    assert interval(24000, "exact", 1000) == (23500, 24500)
    assert interval(7, "exact", 1) == (7, 7)


def test_normalize_interval_up_to_and_range():
    assert interval(7000, "up_to", 1000) == (0, 7000)
    assert interval(20, "range", 10, 30, 10) == (15, 35)


def test_normalize_interval_rejects_unknown_qualifier():
    with pytest.raises(ValueError, match="unknown qualifier"):
        interval(1, "roughly")


def test_normalize_describe_interval():
    assert describe_interval(23500, 24500) == "23,500 to 24,500"
    assert describe_interval(300, None) == "300 or more"
