-- A delivery log line says when its delivery goes next: a HELD line when grouping lets it go, a
-- RETRIED line when the next attempt is due (issue 24, point 2: the page shows "held until ..." as a
-- time in the reader's zone, the API as nextAt). NULL for every other line.
ALTER TABLE alert_delivery_log ADD COLUMN next_at DATETIME(6) NULL;
