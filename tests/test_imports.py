"""Imports run one way: the product never imports the measurement package (nor its rouge-score and nltk), and
no extractor imports a sibling extractor: they share the analysis, not each other."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.helpers import ROOT

MEASUREMENT = ("generator.measure", "rouge_score", "nltk")


def test_the_build_the_cli_and_the_hook_do_not_import_measurement():
    probe = ("import sys, generator.build, generator.cli, generator.mkdocs_hook; "
             "print('\\n'.join(sorted(sys.modules)))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.split()
    assert "generator.build" in loaded
    assert [name for name in loaded if name.startswith(MEASUREMENT)] == []


EXTRACT = ROOT / "generator" / "extract"
EXTRACTORS = {"actors", "places", "quotes", "figures", "reactions", "summary", "bottom_line"}
SHARED = {"analysis", "language", "mentions", "names", "quote_marks", "resolve", "rules"}  # what the extractors share


def _sibling_imports(path) -> set[str]:
    """The modules of generator/extract/ that a module of it imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
    return found


def test_every_module_of_extract_is_an_extractor_or_part_of_the_analysis():
    modules = {path.stem for path in EXTRACT.glob("*.py")} - {"__init__"}
    assert modules == EXTRACTORS | SHARED


def test_no_extractor_imports_a_sibling_and_the_analysis_imports_no_extractor():
    for name in EXTRACTORS | SHARED:
        imported = _sibling_imports(EXTRACT / f"{name}.py")
        assert not imported & (EXTRACTORS - {name}), f"extract/{name}.py imports {imported & EXTRACTORS}"
