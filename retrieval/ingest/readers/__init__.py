"""Readers: one per file format, each turning bytes into a titled list of sections and
paragraphs."""
