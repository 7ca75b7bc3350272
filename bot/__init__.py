"""quotebot's Telegram bot and command line: a thin layer over :mod:`retrieval`."""
