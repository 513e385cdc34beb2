"""Imports sqlglot for the check scripts, or exits 3 saying how to install it (the tests never skip)."""

import sys
from types import ModuleType

MISSING_EXIT_CODE = 3


def load_sqlglot() -> ModuleType:
    try:
        import sqlglot
    except ModuleNotFoundError:
        print(
            f"sqlglot is not installed for {sys.executable}: run the README's test command, "
            "tests/run-tests.sh, which installs python3-sqlglot with apt "
            "(or: sudo apt-get install -y python3-sqlglot); a test that needs it carries "
            '[Trait("Requires", "sqlglot")]',
            file=sys.stderr,
        )
        sys.exit(MISSING_EXIT_CODE)
    return sqlglot
