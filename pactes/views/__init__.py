"""Pages of the pact workflow. Views validate input with forms, call one service, and turn a
domain error into a page showing it with the error's HTTP status."""
