"""Values every stage reads the same way: Indonesian figures, NIPs, amounts in words, dates, text.

The bottom layer beside ``lakip.vocab``: it imports nothing else of lakip, and ingest, schemas, rules
and reports all parse a figure, a NIP or a date through it, never by their own rules.
"""
