"""Imports run one way: the product never imports the measurement package (nor its rouge-score and nltk), and
no extractor imports a sibling extractor: they share the analysis, not each other."""

from __future__ import annotations

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
