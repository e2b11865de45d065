"""The web workbench: FastAPI app with HTML pages (Jinja2 + plain JS modules) and the /api/v1 JSON API.

Imports services (the ``Project`` facade), never storage, never the CLI.
"""
