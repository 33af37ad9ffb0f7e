-- A condition that comes back within the group window after its recovery was sent is no longer
-- dropped: its event is stored at once with its deliveries HELD until the window ends (shown in
-- the delivery log), and the condition remembers that event to send or withdraw it then.
ALTER TABLE alert_condition ADD COLUMN held_event_id BIGINT NULL;
