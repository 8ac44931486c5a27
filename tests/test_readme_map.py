"""README's "To add …, edit these files" table names files that exist (issue 13): each path in it (a `<name>`
part read as any name) matches at least one file or folder of the repository, so the table cannot drift from
the house it describes."""

from __future__ import annotations

import re

from conftest import ROOT

PATH = re.compile(r"^[\w.<>/-]+$")


def named_paths(readme: str) -> list[str]:
    section = readme.split("### To add", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| To add")]
    found = []
    for row in rows:
        for token in re.findall(r"`([^`]+)`", row):
            if PATH.match(token) and ("/" in token or re.search(r"\.(py|j2|yaml|yml|po|md)$", token)):
                found.append(token)
    return found


def test_the_files_the_readme_names_exist() -> None:
    paths = named_paths((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(paths) >= 20, paths  # the table was found and read
    missing = [p for p in paths if not any(ROOT.glob(re.sub(r"<[^>]+>", "*", p).rstrip("/")))]
    assert not missing, f"README's table names files that do not exist: {missing}"


def test_a_wrong_name_is_caught() -> None:
    assert named_paths("### To add …\n\n| To add | Edit |\n|---|---|\n| x | `generator/nothing.py` |\n") == [
        "generator/nothing.py"
    ]
    assert not any(ROOT.glob("generator/nothing.py"))
