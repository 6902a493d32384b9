import datetime as dt

import pytest

from factcheck import SourceError, read_story, story_from_text


def test_source_markdown_front_matter_gives_date_and_is_blanked(tmp_path):
    path = tmp_path / "story.md"
    text = "---\ntitle: 2,000 homes\npublishdate: 2026-03-11\n---\n# Council backs 2,000 homes\n"
    path.write_text(text, encoding="utf-8")
    story = read_story(path)
    assert story.published == dt.date(2026, 3, 11)
    assert len(story.plain) == len(story.text)
    assert "title" not in story.plain and "2,000 homes" in story.plain


def test_source_markdown_hugo_order_prefers_date_over_pubdate():
    story = story_from_text("---\npubdate: 2025-01-01\ndate: 2026-02-02\n---\nText 5.\n", "a.md")
    assert story.published == dt.date(2026, 2, 2)


def test_source_markdown_code_blocks_are_not_read():
    text = "Intro with 5 cats.\n```\nx = 300\n```\nEnd.\n"
    story = story_from_text(text, "a.md")
    assert "300" not in story.plain and story.plain.index("5") == text.index("5")


def test_source_bad_front_matter_date_names_file_and_line():
    with pytest.raises(SourceError, match=r"a\.md:3: front matter date"):
        story_from_text("---\ntitle: x\ndate: yesterday\n---\nText.\n", "a.md")


def test_source_jekyll_file_name_gives_date(tmp_path):
    path = tmp_path / "2026-01-22-iraq.md"
    path.write_text("Around 150 detainees moved.\n", encoding="utf-8")
    assert read_story(path).published == dt.date(2026, 1, 22)


def test_source_html_keeps_offsets_and_skips_scripts():
    text = '<html><script>var n = 500;</script><p>Around 150 &amp; 200 people</p></html>'
    story = story_from_text(text, "a.html")
    assert len(story.plain) == len(text)
    assert "500" not in story.plain
    assert story.plain.index("150") == text.index("150")
    assert "& " in story.plain


def test_source_windows_1252_is_decoded(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("It cost £3.2m – a record.".encode("cp1252"))
    story = read_story(path)
    assert story.text == "It cost £3.2m – a record." and story.encoding == "cp1252"


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary", "binary")],
)
def test_source_bad_files_say_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as info:
        read_story(path)
    assert str(path) in str(info.value)


def test_source_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_story(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="is a directory"):
        read_story(tmp_path)


def test_source_too_large_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(SourceError, match="larger than"):
        read_story(path, max_bytes=1000)


def test_source_html_meta_gives_the_publication_date():
    text = ('<html><head><meta property="article:published_time" content="2026-01-22T09:30:00Z">'
            '</head><body><p>It began on Wednesday.</p></body></html>')
    assert story_from_text(text, "a.html").published == dt.date(2026, 1, 22)
    reversed_order = '<meta content="2025-11-14" name="pubdate"><p>Text 5.</p>'
    assert story_from_text(reversed_order, "b.html").published == dt.date(2025, 11, 14)
    assert story_from_text("<p>No date here, 5 cats.</p>", "c.html").published is None
