"""Loading, the first step of the pipeline: brief folders (`briefs.py`), their brief.yml against the one schema
(`schema.py`), and their article files, each read by the reader of its kind (`readers.py`) and cleaned."""
