"""A list's filter bar read from the query string. Unknown values are ignored: a stale or hand-edited address shows
the list unfiltered instead of an error."""

ALL_YEARS = "all"


def year_from(args, default_year):
    """The year a list is narrowed to: None for «all» (every year), the id sent, else the default year's."""
    year = args.get("year", "")
    if year == ALL_YEARS:
        return None
    if year.isdigit():
        return int(year)
    return default_year.id if default_year else None


def year_arg(year_id):
    """The year as the filter bar sends it back (so «all» stays all on the next page)."""
    return str(year_id) if year_id else ALL_YEARS


def id_from(args, name):
    value = args.get(name, "")
    return int(value) if value.isdigit() else None


def choice_from(args, name, choices):
    """``args[name]`` when it is one of ``choices`` (enum members or strings), else ""."""
    value = args.get(name, "")
    return value if value in {getattr(choice, "value", choice) for choice in choices} else ""


def search_from(args, name="q", limit=100):
    return args.get(name, "").strip()[:limit]
