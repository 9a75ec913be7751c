"""FlaskForm classes, one module per domain (forms/base.py holds what they share)."""
