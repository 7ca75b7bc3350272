"""Tooling outside the product: evaluation, benchmarks, synthetic corpora, baselines.

Neither bot/ nor retrieval/ imports it; the quotebot command finds its subcommands through the
``quotebot.commands`` entry points."""
