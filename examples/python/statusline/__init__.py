"""Formats HTTP status lines with the generated module http_status."""

from .http_status import HTTPStatus, reason

__all__ = ["line", "explain"]


def line(code: int) -> str:
    """Return the HTTP/1.1 status line for code, e.g. "HTTP/1.1 404 Not Found".

    An unknown code gets an empty reason phrase, as RFC 9112 allows.
    """
    return f"HTTP/1.1 {code:03d} {reason(code) or ''}"


def explain(code: int) -> str:
    """Return the registry's description of code, or "" when unknown."""
    try:
        return HTTPStatus(code).description
    except ValueError:
        return ""
