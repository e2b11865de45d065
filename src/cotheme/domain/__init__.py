"""Pure domain: dataclasses and rules of a thematic-analysis study. No SQL, no I/O, no web."""
