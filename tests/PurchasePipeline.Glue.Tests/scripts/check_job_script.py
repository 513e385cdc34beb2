"""Checks the Glue job's structure with Python's ast module, without running it (no Spark here).

usage: check_job_script.py JOB_SCRIPT SQL_FOLDER

The job is the script and the modules of its package, lib/PACKAGE/*.py beside it, read as one.

- job.commit() is called once, as a statement of its own at the top level of its function (not inside
  try, if, a loop or with), as that function's last statement, and after a call that writes: directly or
  through the job's own functions, a DataFrame .write or an S3 put/delete/copy. The bookmark must only
  advance once the output it stands for is written.
- every transformation_ctx is a string literal (or a parameter passed through), the literals are unique,
  and every create_dynamic_frame source has one: they key the job bookmark.
- the SQL comes from the folder, not from a list: no string in the job names a file of SQL_FOLDER, or a
  view that glue/sql/README.md does not name as an input or output of the runner, or as a view the runner
  reads to bind one of its own (the "Binding order" table).
- the job provides every view that glue/sql/README.md ("Inputs the runner provides") says the runner
  provides: each is a string in the job.
Problems go to stderr, one a line; exit 1.
"""

import ast
import re
import sys
from pathlib import Path

from check_binding_order import RUNNER, readme_table

WRITE_CALLS = {"put_object", "delete_object", "delete_objects", "copy_object", "upload_file", "upload_fileobj",
               "write_dynamic_frame", "purge_s3_path"}
OUTPUT_VIEWS = {"clean_purchases", "rejected_purchases"}
SQL_FILE = re.compile(r"^[0-9]+_(.+)\.sql$")


def module_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def writes_directly(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute) and (child.attr == "write" or child.attr in WRITE_CALLS):
            return True
    return False


def called_functions(node: ast.AST, functions: dict[str, ast.FunctionDef]) -> set[str]:
    return {child.func.id for child in ast.walk(node)
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id in functions}


def writer_functions(functions: dict[str, ast.FunctionDef]) -> set[str]:
    """The job's functions that write, directly or through each other."""
    writers = {name for name, function in functions.items() if writes_directly(function)}
    while True:
        more = {name for name, function in functions.items() if called_functions(function, functions) & writers}
        if more <= writers:
            return writers
        writers |= more


def is_commit(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit"


def check_commit(tree: ast.Module) -> list[str]:
    functions = module_functions(tree)
    commits = [node for node in ast.walk(tree) if is_commit(node)]
    if len(commits) != 1:
        return [f"expected exactly one job.commit() call, found {len(commits)}"]
    for name, function in functions.items():
        for index, statement in enumerate(function.body):
            if not any(node is commits[0] for node in ast.walk(statement)):
                continue
            if not (isinstance(statement, ast.Expr) and statement.value is commits[0]):
                kind = type(statement).__name__
                return [f"line {commits[0].lineno}: job.commit() is inside a {kind} statement of {name}(); "
                        "it must be a statement of its own, so it runs only when every write before it succeeded"]
            problems = []
            if index != len(function.body) - 1:
                problems.append(f"line {commits[0].lineno}: job.commit() is not the last statement of {name}()")
            writers = writer_functions(functions)
            before = function.body[:index]
            if not any(writes_directly(s) or called_functions(s, functions) & writers for s in before):
                problems.append(f"line {commits[0].lineno}: job.commit() in {name}() follows no call that writes")
            return problems
    return [f"line {commits[0].lineno}: job.commit() is not in a module-level function"]


def check_transformation_contexts(tree: ast.Module) -> list[str]:
    problems = []
    literals: dict[str, int] = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        parameters = {argument.arg for argument in [*function.args.args, *function.args.kwonlyargs]}
        for call in (node for node in ast.walk(function) if isinstance(node, ast.Call)):
            keywords = {keyword.arg: keyword.value for keyword in call.keywords}
            source = ast.unparse(call.func)
            if "create_dynamic_frame" in source and "transformation_ctx" not in keywords:
                problems.append(f"line {call.lineno}: {source}(...) has no transformation_ctx")
            value = keywords.get("transformation_ctx")
            if value is None or (isinstance(value, ast.Name) and value.id in parameters):
                continue
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value):
                problems.append(f"line {call.lineno}: transformation_ctx is not a non-empty string literal")
            elif value.value in literals and literals[value.value] != call.lineno:
                problems.append(f"line {call.lineno}: transformation_ctx {value.value!r} is also used on line "
                                f"{literals[value.value]}; each bookmarked source needs its own")
            else:
                literals[value.value] = call.lineno
    if not literals:
        problems.append("no transformation_ctx literal: the raw sources are not bookmarked")
    return problems


def docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def runner_inputs(sql_folder: Path) -> list[str]:
    """The views the "Inputs the runner provides" table of the folder's README.md names, in its order."""
    section = re.search(r"^## Inputs the runner provides$(.*?)^## ", (sql_folder / "README.md").read_text(encoding="utf-8"),
                        re.MULTILINE | re.DOTALL)
    return re.findall(r"^\| `([a-z_]+)` \|", section.group(1), re.MULTILINE) if section else []


def job_strings(tree: ast.Module) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def check_runner_inputs(tree: ast.Module, sql_folder: Path) -> list[str]:
    inputs = runner_inputs(sql_folder)
    if not inputs:
        return [f"{sql_folder / 'README.md'}: no view in its table \"Inputs the runner provides\""]
    strings = job_strings(tree)
    return [f"the job provides no view {view}, which {sql_folder.name}/README.md says the runner provides"
            for view in inputs if view not in strings]


def check_sql_names(tree: ast.Module, sql_folder: Path, skip: set[int]) -> list[str]:
    # The views the README's binding order has the runner read to bind one of its own (typed_purchases' dates).
    runner_reads = {read for _, source, reads in readme_table(sql_folder) if source == RUNNER for read in reads}
    readme_views = {*runner_inputs(sql_folder), *OUTPUT_VIEWS, *runner_reads}
    names = set()
    for path in sql_folder.glob("*.sql"):
        names.add(path.name)
        match = SQL_FILE.match(path.name)
        view = match.group(1) if match else path.stem
        if view not in readme_views:
            names.add(view)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            for name in sorted(names):
                if re.search(rf"\b{re.escape(name)}\b", node.value):
                    problems.append(f"line {node.lineno}: {node.value!r} names {name}; the job must run every "
                                    "file of the SQL folder, not a list of them")
    return problems


def job_tree(job: Path) -> tuple[ast.Module, set[int]]:
    """The entry script and the modules of its package (lib/*/*.py beside it) as one module, and its docstrings:
    the rules hold for the job as a whole, whichever file a function is in."""
    files = [job, *sorted(job.parent.glob("lib/*/*.py"))]
    trees = [ast.parse(path.read_text(encoding="utf-8"), filename=str(path)) for path in files]
    skip = {doc for tree in trees for doc in docstrings(tree)}
    return ast.Module(body=[node for tree in trees for node in tree.body], type_ignores=[]), skip


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: check_job_script.py JOB_SCRIPT SQL_FOLDER")
    job = Path(sys.argv[1])
    tree, skip = job_tree(job)
    problems = [*check_commit(tree), *check_transformation_contexts(tree), *check_sql_names(tree, Path(sys.argv[2]), skip),
                *check_runner_inputs(tree, Path(sys.argv[2]))]
    for problem in problems:
        print(f"{job.name}: {problem}", file=sys.stderr)
    print(f"checked {job.name}: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
