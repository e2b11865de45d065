"""The command line: thin commands that parse arguments, call one service and print the result."""
