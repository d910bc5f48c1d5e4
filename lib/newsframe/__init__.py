"""newsframe: traceable framing analysis of news coverage.

Stages, one module each: corpus (load), clean (audit-trailed removal of residue),
statements, attribution, cluster, framing, report. Notebooks in ``notebooks/`` call them.
"""

__version__ = "0.1.0"
