"""Persistence: one SQLite file, one connect / transaction / migration mechanism (:mod:`.db`), and
all corpus SQL (:mod:`.corpus`)."""
