"""The fictional demo study's files (package data); built by ``cotheme.services.demo``."""
