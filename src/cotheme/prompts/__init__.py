"""Prompt templates for drafts, shipped as package data: one file per task and version
(``code_definition.v1.txt``); a changed prompt is a new file, so a draft's provenance names the exact text
it was made with. Each file holds the system part, a line ``---- user ----``, and the user part; the
user part's ``$`` fields are filled by ``services/assist_drafts.py``, the extracts always as a JSON list.
"""
