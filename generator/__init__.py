"""briefgen: news articles in, a searchable MkDocs Material briefing site out."""

__version__ = "0.1.0"
