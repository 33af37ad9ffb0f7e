-- Sign-in sessions that ended before their tokens expire, shared by every console instance:
-- Keycloak's back-channel logout reaches one instance (behind a load balancer, any one), and a
-- sign-out happens on the instance that served it; each instance reads this table every few
-- seconds and refuses the session's cookies, tokens and sockets too. Only a SHA-256 of
-- Keycloak's session id is kept, never a token. Rows past remember_until are deleted.
CREATE TABLE ended_session (
    sid_hash       CHAR(64)     NOT NULL,
    ended_at       DATETIME(6)  NOT NULL,
    remember_until DATETIME(6)  NOT NULL,
    PRIMARY KEY (sid_hash)
);
CREATE INDEX ix_ended_session_ended_at ON ended_session (ended_at);
