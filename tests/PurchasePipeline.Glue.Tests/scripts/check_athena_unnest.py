"""Checks every UNNEST of the Athena SQL against the column types the catalog declares.

usage: check_athena_unnest.py TEMPLATE VALIDATION_FOLDER

TEMPLATE is the synthesized CloudFormation template: its AWS::Glue::Table resources are the catalog (columns
and partition keys with their Hive types) and its views' SQL (the Presto view JSON in ViewOriginalText). The
views' SQL and every .sql file of VALIDATION_FOLDER are parsed as Trino SQL, and each UNNEST with a column
alias list must name as many columns as Trino (Athena engine v3) gives it. Trino's analyzer
(trinodb/trino core/trino-main/src/main/java/io/trino/sql/analyzer/StatementAnalyzer.java, visitUnnest and
visitAliasedRelation) expands an array of ROW into one column per field, an array of anything else into one
column, a map into two (key, value), adds one for WITH ORDINALITY, and fails a query whose alias list has
another length ("Column alias list has N entries but 't' has M columns available"). It renames by position,
so the aliases of a ROW's columns must also be its field names, in order: a swapped list would silently swap
the values. An UNNEST argument that is not a column of a catalog table cannot be typed here and is reported.
Problems go to stderr, one a line; exit 1.
"""

import base64
import json
import sys
from pathlib import Path

from sql_check import FileProblem, only_statement
from sql_text import sql_files
from sqlglot_required import load_sqlglot

PRESTO_VIEW_PREFIX = "/* Presto View: "


def hive_type(text: str):
    """A Hive type string as a tree: ("array", element), ("map", key, value), ("struct", [(name, type)]), or
    ("scalar", name)."""
    parsed, rest = _hive_type(text.replace(" ", ""))
    if rest:
        raise ValueError(f"unexpected {rest!r} after a Hive type in {text!r}")
    return parsed


def _hive_type(text: str):
    for kind in ("array", "map", "struct"):
        if text.startswith(kind + "<"):
            rest = text[len(kind) + 1:]
            if kind == "struct":
                fields = []
                while True:
                    name, rest = rest.split(":", 1)
                    field, rest = _hive_type(rest)
                    fields.append((name.lower(), field))
                    if rest.startswith(">"):
                        return ("struct", fields), rest[1:]
                    rest = rest[1:]  # the comma between fields
            first, rest = _hive_type(rest)
            if kind == "array":
                return ("array", first), _closed(rest, text)
            second, rest = _hive_type(rest[1:])
            return ("map", first, second), _closed(rest, text)
    end = min([index for index in (text.find(","), text.find(">")) if index >= 0], default=len(text))
    # decimal(12,2): the comma inside the parentheses belongs to the scalar
    if "(" in text[:end]:
        end = text.index(")") + 1
    return ("scalar", text[:end]), text[end:]


def _closed(rest: str, whole: str) -> str:
    if not rest.startswith(">"):
        raise ValueError(f"unclosed < in Hive type {whole!r}")
    return rest[1:]


def show(type_) -> str:
    kind = type_[0]
    if kind == "array":
        return f"array<{show(type_[1])}>"
    if kind == "map":
        return f"map<{show(type_[1])},{show(type_[2])}>"
    if kind == "struct":
        return "struct<" + ",".join(f"{name}:{show(field)}" for name, field in type_[1]) + ">"
    return type_[1]


def catalog(template: dict) -> tuple[dict[str, dict[str, tuple]], dict[str, str]]:
    """The tables (name -> column -> type) and the views' SQL (name -> SQL) of a template's Glue tables."""
    tables, views = {}, {}
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Glue::Table":
            continue
        table = resource["Properties"]["TableInput"]
        columns = table.get("StorageDescriptor", {}).get("Columns", []) + table.get("PartitionKeys", [])
        tables[table["Name"]] = {column["Name"].lower(): hive_type(column["Type"]) for column in columns}
        if table.get("TableType") == "VIRTUAL_VIEW":
            views[table["Name"]] = presto_view_sql(table["Name"], table.get("ViewOriginalText", ""))
    return tables, views


def presto_view_sql(name: str, original_text: str) -> str:
    """The SQL of an Athena view: ViewOriginalText is /* Presto View: BASE64 */ around the view's JSON."""
    if not original_text.startswith(PRESTO_VIEW_PREFIX) or not original_text.endswith(" */"):
        raise ValueError(f"view {name}: ViewOriginalText is not '{PRESTO_VIEW_PREFIX}BASE64 */'")
    encoded = original_text[len(PRESTO_VIEW_PREFIX):-len(" */")]
    return json.loads(base64.b64decode(encoded))["originalSql"]


def source_tables(node) -> dict[str, str]:
    """The catalog tables the SELECT around node reads directly: alias (or name) -> table name."""
    from sqlglot import exp

    select = node.find_ancestor(exp.Select)
    if select is None:
        return {}
    relations = list(select.args["from"].expressions) if select.args.get("from") else []
    relations += [join.this for join in select.args.get("joins") or []]
    return {relation.alias_or_name: relation.name for relation in relations if isinstance(relation, exp.Table)}


def argument_type(argument, tables: dict[str, dict[str, tuple]]):
    """The catalog type of an UNNEST argument, or a sentence saying why it has none."""
    from sqlglot import exp

    if not isinstance(argument, exp.Column):
        return None, "is not a column of a catalog table"
    sources = source_tables(argument)
    candidates = [sources[argument.table]] if argument.table in sources else [] if argument.table else list(sources.values())
    typed = [tables[name][argument.name.lower()] for name in candidates if argument.name.lower() in tables.get(name, {})]
    if len(typed) != 1:
        return None, "is not one column of the catalog tables its SELECT reads"
    return typed[0], None


def columns_trino_gives(type_) -> tuple[list[str | None], str | None]:
    """The columns Trino's visitUnnest makes of one argument (named after a ROW's fields, else unnamed)."""
    kind = type_[0]
    if kind == "array" and type_[1][0] == "struct":
        return [name for name, _ in type_[1][1]], None
    if kind == "array":
        return [None], None
    if kind == "map":
        return [None, None], None
    return [], f"Trino cannot unnest {show(type_)}"


def check_unnest(source: str, unnest, tables: dict[str, dict[str, tuple]]) -> list[str]:
    from sqlglot import exp

    alias = unnest.args.get("alias")
    aliases = [column.name for column in alias.args.get("columns") or []] if isinstance(alias, exp.TableAlias) else []
    text = unnest.sql(dialect="trino")
    problems, given, described = [], [], []
    for argument in unnest.expressions:
        type_, why = argument_type(argument, tables)
        if type_ is None:
            problems.append(f"{source}: {text}: the argument {argument.sql(dialect='trino')} {why}, so its columns cannot be counted")
            continue
        columns, error = columns_trino_gives(type_)
        if error:
            problems.append(f"{source}: {text}: {error}")
        given += columns
        described.append(f"{argument.sql(dialect='trino')} {show(type_)}")
    if unnest.args.get("ordinality"):
        given.append(None)
        described.append("WITH ORDINALITY")
    if problems or not aliases:
        return problems
    if len(aliases) != len(given):
        return [f"{source}: {text}: the alias list has {len(aliases)} entries but Trino gives {len(given)} columns "
                f"({', '.join(described)})"]
    return [f"{source}: {text}: alias {name} stands for the field {field} (Trino renames by position; name the fields in order)"
            for name, field in zip(aliases, given) if field is not None and name.lower() != field]


def check_query(source: str, sql: str, tables: dict[str, dict[str, tuple]]) -> list[str]:
    from sqlglot import exp

    try:
        query = only_statement(Path(source), sql, "Trino", (exp.Select, exp.Union), "query")
    except FileProblem as problem:
        return [str(problem)]
    return [problem for unnest in query.find_all(exp.Unnest) for problem in check_unnest(source, unnest, tables)]


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: check_athena_unnest.py TEMPLATE VALIDATION_FOLDER")
    sqlglot = load_sqlglot()
    template_path = Path(sys.argv[1])
    try:
        tables, views = catalog(json.loads(template_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as error:
        sys.exit(f"{template_path}: not a template whose Glue tables can be read: {error}")
    queries = [(f"view {name}", sql) for name, sql in sorted(views.items())]
    queries += [(path.name, path.read_text(encoding="utf-8")) for path in sql_files(sys.argv[2])]
    problems = [problem for source, sql in queries for problem in check_query(source, sql, tables)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked the UNNESTs of {len(queries)} queries against {len(tables)} Glue table(s) with sqlglot "
          f"{sqlglot.__version__}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
