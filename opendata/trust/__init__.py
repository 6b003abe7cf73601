"""Trust: key material, signed approvals, the hash-chained audit log and the publish gate.

Nothing is published that a trusted reviewer did not sign, byte for byte, and every step leaves
a record: :mod:`.keys` (Ed25519 signing keys, data keys, trust), :mod:`.approval` (manifests and
signatures), :mod:`.audit` (the log and its verifier), :mod:`.gate` (publish and retract).
"""
