"""Calls for volunteers on offers and pacts, answers and hours given."""
