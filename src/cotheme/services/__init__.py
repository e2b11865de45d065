"""Use cases: plain arguments in, domain objects out. Each changing call is one transaction."""
