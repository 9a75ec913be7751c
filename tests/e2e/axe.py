"""axe-core (bundled, offline, by axe-playwright-python) run on a Playwright page: WCAG 2.1 A and AA rules, and on a
phone the 24 px tap-target rule too.

Colour contrast, the slowest rule by far, runs at the desktop width only: no colour of the app's CSS depends on the
screen's width (its media queries change layout, never colours), so the phone run would repeat it node for node.
"""
from dataclasses import dataclass

from axe_playwright_python.base import AXE_SCRIPT

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Impacts that fail the test; moderate and minor ones are counted and reported.
FAILING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")


def options(phone):
    result = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    if phone:
        result["rules"] = {"target-size": {"enabled": True},  # WCAG 2.2's 2.5.8: 24 px targets on a touch screen
                           "color-contrast": {"enabled": False}}  # checked at the desktop width
    return result


@dataclass
class Finding:
    page: str
    viewport: str
    rule: str
    impact: str
    help: str
    targets: list

    def __str__(self):
        shown = ", ".join(" ".join(t) if isinstance(t, list) else str(t) for t in self.targets[:4])
        more = f" (+{len(self.targets) - 4})" if len(self.targets) > 4 else ""
        return f"{self.page} [{self.viewport}] {self.rule} ({self.impact}): {self.help} — {shown}{more}"


def prepare(context):
    """Load axe into every page the context opens: sent to the browser once, not with every page."""
    context.add_init_script(script=AXE_SCRIPT)


def check(tab, page_name, viewport_name):
    """axe's violations on what the tab shows now, one Finding per rule."""
    if tab.evaluate("() => typeof window.axe") == "undefined":
        tab.evaluate(AXE_SCRIPT)
    violations = tab.evaluate(RUN, options(viewport_name == "phone"))
    return [Finding(page_name, viewport_name, v["id"], v["impact"] or "minor", v["help"], v["targets"])
            for v in violations]


#: Only what a report needs comes back: axe's full results would cost more to carry than to compute.
RUN = """options => axe.run(document, options).then(results => results.violations.map(v => (
  {id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(node => node.target)})))"""


def overflow(tab, page_name):
    """A page wider than the phone hides actions off-screen: tables must scroll inside their own box."""
    width = tab.evaluate("() => document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return []
    return [Finding(page_name, "phone", "page-overflow", "serious",
                    f"the page is {width} px wide on a {PHONE['width']} px screen", tab.evaluate(STICKING_OUT))]


#: The innermost elements whose right edge passes the screen's, outside any box that scrolls.
STICKING_OUT = """() => {
  const limit = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll("main *, nav *")].filter(el => {
    if (el.closest(".table-responsive")) return false;
    return el.getBoundingClientRect().right > limit + 1;
  });
  const innermost = out.filter(el => !out.some(other => other !== el && el.contains(other)));
  return innermost.slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className)
    .trim().split(/\\s+/).join(".") : "") + " «" + (el.textContent || "").trim().slice(0, 40) + "»");
}"""
