"""A typed user of the generated module: mypy --strict must accept it."""

from typing import List, Optional

import http_status
from http_status import HTTPStatus


def describe(code: int) -> str:
    phrase: Optional[str] = http_status.reason(code)
    return phrase if phrase is not None else "unknown"


def client_errors() -> List[HTTPStatus]:
    return [s for s in HTTPStatus if s.is_client_error]


def retry(code: int) -> bool:
    return HTTPStatus(code).is_retryable


status: HTTPStatus = HTTPStatus.NOT_FOUND
text: str = status.phrase + ": " + status.description
flags: List[bool] = [
    status.is_informational,
    status.is_success,
    status.is_redirection,
    status.is_client_error,
    status.is_server_error,
    status.is_cacheable,
    status.is_no_content,
    status.is_retryable,
]
number: int = status + 1
same: bool = HTTPStatus(404) is HTTPStatus.NOT_FOUND
kind: str = status.status_class
by_name: HTTPStatus = HTTPStatus.from_name("Not_Found")
by_phrase: HTTPStatus = HTTPStatus.from_phrase("not found")
codes: List[int] = [int(s) for s in HTTPStatus]
print(describe(404), len(client_errors()), retry(503), text, flags, number,
      same, kind, by_name, by_phrase, len(codes))
