"""From sentences and hits to results: the pipeline and every statistic it computes.

Modules here import heavy libraries (numpy, scikit-learn, scipy) inside their
functions, so importing this package stays cheap.
"""
