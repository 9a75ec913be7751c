"""Small helpers the tests share."""
import html
import re

TEST_PASSWORD = "test-parol-123"


def page_text(response):
    """The visible text of an HTML response, whitespace collapsed: what a user reads."""
    markup = response.get_data(as_text=True)
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
