"""Built-in codebook templates (package data): frameworks a team can load to code deductively."""
