"""Measurement, apart from the product: scoring against gold folders (`score.py`), eval runs and the gate
(`evalrun.py`), summary baselines (`baselines.py`), weight search (`tune.py`) and `make bench` (`bench.py`).

The pipeline never imports this package; it imports the pipeline. Its third-party needs (rouge-score, nltk)
come with the `eval` extra: `pip install 'briefgen[eval]'`.
"""
