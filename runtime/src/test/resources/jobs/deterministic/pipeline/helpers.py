"""A local module main.py imports: the interpreter probe must find it the way the job does."""


def column(rows, name):
    return [float(row[name]) for row in rows]
