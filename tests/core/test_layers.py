"""The layers of docs/development.md: a package imports only the packages below it, at module level or inside a
function. There is no list of exceptions: a lower domain that must ask a higher one exposes a registry the higher
one registers into (docs/development.md, "Layers")."""
import ast
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Bottom to top. `core` holds app/core, app/extensions.py, app/config.py and the forms every domain shares; the
#: domains still to come (pairs, questionnaires, monitoring) keep their places.
LAYERS = ["core", "audit", "settings", "documents", "people", "accounts", "programs", "bases", "partners",
          "consents", "applications", "selection", "excel", "pairs", "questionnaires", "monitoring", "main"]
#: The wiring at the top builds the application from every domain: it may import anything.
WIRING = {"app/__init__.py", "app/cli.py", "app/demo.py"}
CORE_MODULES = {"extensions", "config"}
#: forms/<domain>.py belongs to its domain; these are shared by every domain.
SHARED_FORMS = {"__init__", "base", "papers"}


def layer_of(dotted):
    """The layer a module belongs to ("app.bases.services" -> "bases"), or None outside app/ and forms/."""
    parts = dotted.split(".")
    if parts[0] == "forms":
        name = parts[1] if len(parts) > 1 else "__init__"
        return "core" if name in SHARED_FORMS else name
    if parts[0] != "app":
        return None
    if len(parts) == 1 or parts[1] in CORE_MODULES or parts[1] == "core":
        return "core"
    return parts[1]


def module_name(path):
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imported_modules(path):
    """(line, dotted name) of every import in ``path``: module level or inside a function, absolute or relative,
    and ``import_module("app.x")`` with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")[:-1]  # a module's package; a package's __init__ is its own
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[:len(package) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            # `from app import bases` imports app.bases: name each imported member that is a module of its own.
            found += [(node.lineno, f"{base}.{alias.name}" if base in ("app", "forms") else base)
                      for alias in node.names]
        elif _is_import_module(node):
            found.append((node.lineno, node.args[0].value))
    return found


def _is_import_module(node):
    """``import_module("app.x")`` or ``importlib.import_module("app.x")`` with a literal name."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    name = getattr(node.func, "attr", getattr(node.func, "id", None))
    return name == "import_module" and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)


def layer_violations(paths):
    """A line for each import of a package above the importing one: file, line and both packages."""
    problems = []
    for path in paths:
        relative = path.relative_to(ROOT).as_posix()
        if relative in WIRING:
            continue
        source = layer_of(module_name(path))
        for line, dotted in imported_modules(path):
            target = layer_of(dotted)
            if target is None or target == source:
                continue
            if target not in LAYERS or source not in LAYERS or LAYERS.index(target) > LAYERS.index(source):
                problems.append(f"{relative}:{line}: {source} imports {dotted} ({target}), which is not below it")
    return problems


def project_files():
    return sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "forms").rglob("*.py")])


def test_every_package_imports_only_the_packages_below_it():
    problems = layer_violations(project_files())
    assert not problems, "Imports against the layers (docs/development.md):\n" + "\n".join(problems)


def test_every_domain_has_its_place_in_the_layers():
    packages = {path.parent.name for path in (ROOT / "app").glob("*/__init__.py")}
    assert packages <= set(LAYERS), f"place these in LAYERS and docs/development.md: {packages - set(LAYERS)}"


def test_the_development_guide_writes_the_same_order():
    guide = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    assert " → ".join(f"`{layer}`" for layer in LAYERS) in guide


def test_the_walk_sees_imports_inside_functions_relative_ones_and_import_module(tmp_path, monkeypatch):
    folder = tmp_path / "app" / "people"
    folder.mkdir(parents=True)
    (folder / "pages.py").write_text(textwrap.dedent("""\
        from app.core.errors import RuleError
        from . import services
        from ..programs import models


        def year():
            from app.bases.services import running_mentees
            return import_module("app.selection.registry")
    """), encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    problems = layer_violations([folder / "pages.py"])
    assert [problem.split(": ", 1)[0] for problem in problems] == [
        "app/people/pages.py:3", "app/people/pages.py:7", "app/people/pages.py:8"]
    assert "people imports app.bases.services (bases)" in problems[1]
