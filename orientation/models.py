"""Referrals of people to offers by connectors (social prescribing)."""
