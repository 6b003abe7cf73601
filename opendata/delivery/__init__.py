"""受限开放 on application: applications, grants, encrypted extracts, fingerprints and tracing.

    apply → review/grant (or refuse) → deliver → receive/verify;  trace a leaked copy;  revoke

Data flows down into this package (policy, pii, trust, catalogs); nothing below imports it.
"""

from .application import Application, apply, load_application
from .extract import Delivery, Received, deliver, receive, verify
from .grant import GrantError, Review, grant, refuse, review, revoke, verify_grant
from .keys import create_recipient
from .store import home
from .trace import TraceResult, trace

__all__ = ["Application", "Delivery", "GrantError", "Received", "Review", "TraceResult", "apply", "create_recipient",
           "deliver", "grant", "home", "load_application", "receive", "refuse", "review", "revoke", "trace",
           "verify", "verify_grant"]
