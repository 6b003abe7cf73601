"""Policy: the grading and openness rules (分级分类) and what is judged under them.

:mod:`.rules` loads and validates a policy file; :mod:`.classify` grades fields and datasets;
:mod:`.sensitive` finds classification markings and sensitive terms; :mod:`.kanon` checks
k-anonymity of quasi-identifiers; :mod:`.regrade` re-evaluates published data (动态调整).
"""

from .rules import OPENNESS_ORDER, Policy, load_policy

__all__ = ["OPENNESS_ORDER", "Policy", "load_policy"]
