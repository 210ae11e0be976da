"""Models of referrals."""
