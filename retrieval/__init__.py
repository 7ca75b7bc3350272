"""Retrieval for quotebot: documents → paragraphs → BM25 index → ranked passages → excerpts.

Nothing here knows about Telegram. The entry point is :class:`retrieval.library.Library`.
"""
