"""Settings split by environment: base, dev, test and production."""
