"""Trade Talks Monitor's pipeline: ingest, clean, extract and store trade-news articles."""
