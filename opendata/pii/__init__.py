"""Personal information: detectors find it, operators treat it."""
