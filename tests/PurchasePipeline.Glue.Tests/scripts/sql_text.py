"""Helpers the SQL checks share: reading a folder's SQL files and looking at their text outside comments."""

import re
import sys
from pathlib import Path


def sql_files(folder: str) -> list[Path]:
    files = sorted(Path(folder).glob("*.sql"), key=lambda path: path.name)
    if not files:
        print(f"{folder}: no .sql files", file=sys.stderr)
        sys.exit(1)
    return files


def without_comments(text: str) -> list[tuple[int, str]]:
    """Each line (1-based number, text) with its -- comment removed; quotes are respected."""
    lines = []
    in_quote = False
    for number, line in enumerate(text.splitlines(), start=1):
        kept = []
        index = 0
        while index < len(line):
            char = line[index]
            if char == "'":
                in_quote = not in_quote
            elif not in_quote and line.startswith("--", index):
                break
            kept.append(char)
            index += 1
        lines.append((number, "".join(kept)))
    return lines


def first_line(error: Exception) -> str:
    """An error's first line without terminal colour codes, so one problem stays one line."""
    return re.sub("\x1b\\[[0-9;]*m", "", str(error)).splitlines()[0]
