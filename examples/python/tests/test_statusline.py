import http
import unittest

from statusline import explain, line
from statusline.http_status import HTTPStatus


class TestStatusLine(unittest.TestCase):
    def test_line(self) -> None:
        cases = [
            (HTTPStatus.OK, "HTTP/1.1 200 OK"),
            (HTTPStatus.NOT_FOUND, "HTTP/1.1 404 Not Found"),
            # CPython's wording since 3.9, which the registry gives Python.
            (418, "HTTP/1.1 418 I'm a Teapot"),
            (299, "HTTP/1.1 299 "),
        ]
        for code, want in cases:
            with self.subTest(code=code):
                self.assertEqual(line(code), want)

    def test_explain(self) -> None:
        self.assertNotEqual(explain(404), "")
        self.assertEqual(explain(299), "")

    def test_same_values_as_standard_library(self) -> None:
        self.assertEqual(HTTPStatus.NOT_FOUND, http.HTTPStatus.NOT_FOUND)


if __name__ == "__main__":
    unittest.main()
