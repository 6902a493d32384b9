"""Reading files that are not ordinary stories: devices, FIFOs, link loops, dangling links, folders,
binary or mis-encoded config, UTF-16, a closed stdin, and file names that would break the line format.
Each gives one clear error naming the path and what was expected, and never hangs or reads forever."""

import os
import subprocess
import sys

import pytest

from factcheck.config import load_config
from factcheck.errors import ConfigError, SourceError
from factcheck.extract import FAST_MODEL
from factcheck.report import line
from factcheck.source import decode, read_stdin, read_story, story_from_text

from .clirunner import invoke
from .conftest import ROOT

POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and /proc are POSIX")
STORY = "Around 150 detainees were moved on Wednesday.\n"
WRONG_WEEKDAY = "The first strike will take place on Wednesday, March 12, 2026.\n"


def run(*args, cwd=ROOT, timeout=120):
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True,
                          cwd=cwd, stdin=subprocess.DEVNULL, timeout=timeout)


def bounded(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a child with 1 GB of memory and 60 s: a read that never ends fails the test
    instead of eating the machine."""
    prelude = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, cwd=ROOT, timeout=60)


@POSIX
def test_source_devices_and_fifos_are_refused_without_reading(tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")
    code = (
        "from factcheck.source import read_story\nfrom factcheck.errors import SourceError\n"
        f"for p in ('/dev/zero', {str(tmp_path / 'fifo.txt')!r}):\n"
        "    try:\n        read_story(p)\n    except SourceError as e:\n        print(e)\n"
    )
    result = bounded(code)
    assert result.returncode == 0, result.stderr.decode()
    zero, fifo = result.stdout.decode().splitlines()
    assert zero == "/dev/zero: is a character device, not a regular file; expected a story file"
    assert fifo == f"{tmp_path / 'fifo.txt'}: is a FIFO (named pipe), not a regular file; expected a story file"


@POSIX
def test_source_reads_at_most_the_limit_plus_one_byte():
    # /proc files say they are 0 bytes long: the size check passes, only a bounded read stops them
    with pytest.raises(SourceError, match=r"^/proc/self/maps: more than 100 bytes; a story file may have at most 100"):
        read_story("/proc/self/maps", max_bytes=100)


@POSIX
def test_source_link_loops_and_dangling_links_say_what_they_are(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    with pytest.raises(SourceError) as loop:
        read_story(tmp_path / "a.txt")
    assert str(loop.value) == f"{tmp_path / 'a.txt'}: is a symbolic link loop; expected a story file"
    with pytest.raises(SourceError) as dangling:
        read_story(tmp_path / "gone.txt")
    assert str(dangling.value) == (f"{tmp_path / 'gone.txt'}: is a dangling symbolic link (to "
                                   f"{tmp_path / 'deleted.txt'}, which does not exist); expected a story file")


def test_source_a_link_to_a_story_is_read(tmp_path):
    (tmp_path / "real.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert read_story(tmp_path / "link.txt").text == STORY


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_source_utf16_with_a_bom_is_decoded(tmp_path, codec, bom):
    text = "It cost £3.2m – a record, said 1,200 people.\n"
    path = tmp_path / "story.txt"
    path.write_bytes(bom + text.encode(codec))
    story = read_story(path)
    assert story.text == text and story.encoding == "utf-16"


def test_source_broken_utf16_is_a_clear_error():
    with pytest.raises(SourceError, match=r"^s\.txt: starts with a UTF-16 byte order mark but is not valid UTF-16"):
        decode(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", "s.txt")  # a lone high surrogate
    with pytest.raises(SourceError, match="empty"):
        decode(b"\xff\xfe" + " \n".encode("utf-16-le"), "s.txt")


def test_source_utf16_without_a_bom_is_still_called_binary():
    with pytest.raises(SourceError, match="looks like a binary file"):
        decode("Around 150 people".encode("utf-16-le"), "s.txt")


def test_source_closed_stdin_is_a_clear_error():
    with pytest.raises(SourceError, match=r"^<stdin>: standard input is closed; expected a story piped in"):
        read_stdin(None)


def test_source_stdin_is_bounded(tmp_path):
    import io

    with pytest.raises(SourceError, match=r"^<stdin>: more than 10 bytes"):
        read_stdin(io.TextIOWrapper(io.BytesIO(b"x" * 100)), max_bytes=10)
    assert read_stdin(io.TextIOWrapper(io.BytesIO(STORY.encode()))) == (STORY, "utf-8")


@POSIX
def test_source_check_reports_each_bad_file_and_checks_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WRONG_WEEKDAY, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    names = ["a.txt", "/dev/zero", "fifo.txt", "loop.txt", "gone.txt", "b.txt"]
    result = run("check", "--fast", "--format", "line", *names, cwd=tmp_path)
    assert result.returncode == 2
    errors = [e for e in result.stderr.decode().splitlines() if e.startswith("factcheck: error:")]
    assert [e.split(":", 3)[2].strip() for e in errors] == ["/dev/zero", "fifo.txt", "loop.txt", "gone.txt"]
    assert result.stdout.decode().startswith("b.txt:1:37: weekday-mismatch: ")


# ---------------------------------------------------------------- config


def test_config_a_folder_named_like_a_config_is_a_clear_error(tmp_path):
    (tmp_path / "x.toml").mkdir()
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "x.toml")
    assert str(info.value) == f"{tmp_path / 'x.toml'}: is a directory; expected a TOML config file"


def test_config_binary_and_non_utf8_files_are_clear_errors(tmp_path):
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\x00\x01\x02fail_on")
    with pytest.raises(ConfigError, match=r"bin\.toml: looks like a binary file; expected a TOML config file"):
        load_config(binary)
    latin = tmp_path / "latin.toml"
    latin.write_bytes('fail_on = "error"\n# caf\xe9\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        load_config(latin)
    assert str(info.value) == (f"{latin}:2:6: byte 0xe9 is not UTF-8; expected a TOML config file in UTF-8 "
                               f"(save it as UTF-8)")


def test_config_utf16_with_a_bom_is_read(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_bytes(b"\xff\xfe" + 'fail_on = "info"\n'.encode("utf-16-le"))
    assert load_config(path).fail_on == "info"


@POSIX
def test_config_fifo_link_loop_and_dangling_link_do_not_hang(tmp_path):
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    (tmp_path / "gone.toml").symlink_to(tmp_path / "deleted.toml")
    messages = []
    for name in ("fifo.toml", "loop.toml", "gone.toml", "missing.toml"):
        with pytest.raises(ConfigError) as info:
            load_config(tmp_path / name)
        messages.append(str(info.value).removeprefix(f"{tmp_path}/"))
    assert messages == [
        "fifo.toml: is a FIFO (named pipe), not a regular file; expected a TOML config file",
        "loop.toml: is a symbolic link loop; expected a TOML config file",
        f"gone.toml: is a dangling symbolic link (to {tmp_path / 'deleted.toml'}, which does not exist); "
        "expected a TOML config file",
        "missing.toml: no such file; expected a TOML config file",
    ]


def test_config_command_bad_config_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "x.toml").mkdir()
    (tmp_path / "latin.toml").write_bytes(b'fail_on = "\xff"\n')
    for name in ("x.toml", "latin.toml"):
        for command in (("config",), ("batch", ".")):
            result = invoke(*command, "--config", name, cwd=tmp_path)  # in-process: the same code and stderr
            assert result.code == 2, (command, name)
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"factcheck: error: {name}"), (command, lines)


# ---------------------------------------------------------------- line format


def test_line_format_escapes_a_file_name_with_a_newline(tmp_path):
    from factcheck.api import check_story

    name = tmp_path / "evil\nstory.txt:9:9: contradicted: fake\r.txt"
    name.write_text(WRONG_WEEKDAY, encoding="utf-8")
    report = check_story(read_story(name), model=FAST_MODEL)
    rendered = line.render([report])
    assert len(rendered.splitlines()) == 1
    escaped = str(tmp_path) + "/evil\\nstory.txt:9:9: contradicted: fake\\r.txt"
    assert rendered.startswith(escaped + ":1:37: weekday-mismatch: ")


def test_line_format_escapes_every_line_break_python_knows(tmp_path):
    from factcheck.api import check_story

    for sep in ("\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"):
        report = check_story(story_from_text(WRONG_WEEKDAY, f"a{sep}b.txt"), model=FAST_MODEL)
        rendered = line.render([report])
        assert len(rendered.splitlines()) == 1, repr(sep)
        assert rendered.startswith(f"a\\{'x' if ord(sep) < 0x100 else 'u'}{ord(sep):0{2 if ord(sep) < 0x100 else 4}x}b.txt:1:37:")
