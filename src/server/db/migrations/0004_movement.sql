-- Offline scanners ask often for the declarations cancelled since their last fetch; this keeps that
-- question off the whole (large) table. A cancelled declaration never changes again, so updated_at
-- is the time it was cancelled.
CREATE INDEX movement_declarations_cancelled ON movement_declarations (updated_at) WHERE state = 'cancelled';
