-- The last time step (30-second window since the Unix epoch) for which a staff member's
-- authenticator code was accepted: a code is accepted once only, a later code only for a later
-- step (OWASP ASVS 2.8.4). Cleared with a new secret.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
