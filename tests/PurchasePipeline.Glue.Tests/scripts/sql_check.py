"""The shape the SQL checks share: each .sql file of the folder named on the command line is parsed with
sqlglot in one dialect and checked; problems go to stderr, one a line, and any problem exits 1."""

import sys
from collections.abc import Callable, Container, Iterable
from pathlib import Path

from sql_text import first_line, sql_files
from sqlglot_required import load_sqlglot


class FileProblem(Exception):
    """A problem that ends the check of its file: the rest of it cannot be read."""


def main(usage: str, dialect: str, check_file: Callable[[Path], Iterable[str]]) -> None:
    """Checks every file; dialect is sqlglot's dialect name as the messages spell it (Spark, Trino)."""
    if len(sys.argv) != 2:
        sys.exit(f"usage: {usage}")
    sqlglot = load_sqlglot()
    files = sql_files(sys.argv[1])
    problems = [problem for path in files for problem in problems_of(path, check_file)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {len(files)} file(s) as {dialect} SQL with sqlglot {sqlglot.__version__}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


def problems_of(path: Path, check_file: Callable[[Path], Iterable[str]]) -> list[str]:
    problems = []
    try:
        for problem in check_file(path):
            problems.append(problem)
    except FileProblem as problem:
        problems.append(str(problem))
    return problems


def only_statement(path: Path, text: str, dialect: str, kinds: tuple[type, ...], expected: str):
    """The file's one statement, of one of kinds, parsed as dialect (Spark, Trino) reads it; FileProblem when it
    does not parse or holds anything else."""
    import sqlglot
    from sqlglot.errors import ErrorLevel, SqlglotError

    try:
        trees = [tree for tree in sqlglot.parse(text, read=dialect.lower(), error_level=ErrorLevel.RAISE) if tree]
    except SqlglotError as error:
        raise FileProblem(f"{path.name}: does not parse as {dialect} SQL: {first_line(error)}") from error
    if len(trees) != 1 or not isinstance(trees[0], kinds):
        raise FileProblem(f"{path.name}: expected exactly one {expected}, found {[type(t).__name__ for t in trees]}")
    return trees[0]


def unlisted_calls(path: Path, tree, allowed: Container[str], allow_list: str) -> list[str]:
    """A problem for each function the statement calls (named as sqlglot names it) that allowed lacks."""
    from sqlglot import exp

    names = set()
    for node in tree.find_all(exp.Func):
        if isinstance(node, exp.If) and isinstance(node.parent, exp.Case):
            continue  # a WHEN branch of CASE, not a call of IF
        names.add(node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name().upper())
    return [f"{path.name}: calls {name}, not in {allow_list}" for name in sorted(names) if name not in allowed]
