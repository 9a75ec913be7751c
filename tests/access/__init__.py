"""The role matrix: every route, every role, the expected answer.

Each domain keeps its expectations in ``table_<domain>.py``: a ``RULES`` dict of endpoint -> Access,
and optionally ``seed(world)`` that adds the records its paths need (ids go into ``world``).
A route registered without an entry fails test_role_matrix.
"""
