"""The studio in a real browser: the system's Chromium driven through Playwright against one
studio server over a copy of the sample project. A clinician builds a three-exercise
handout from an empty screen, fixes a dosage mistake shown next to its field, downloads
the PDF, and changes a brand colour and sees the preview change.

Without Chromium these tests skip, unless BOOKLET_BROWSER_TESTS=required (as .ci/run sets
it), when a missing browser is a failure. BOOKLET_STUDIO_SCREENSHOTS=docs/pictures writes
the screenshots of docs/studio.md, at 1280 and 820 pixels wide.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("BOOKLET_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("BOOKLET_BROWSER_TESTS") == "required"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDE, TABLET = 1280, 820
SUPERSEDED = ("htmx:sendAbort", "htmx:afterRequest")


def browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


missing = browser_missing()
if missing and REQUIRED:
    raise RuntimeError(f"browser tests are required here, but {missing}")
pytestmark = pytest.mark.skipif(missing is not None, reason=f"browser tests: {missing}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("studio-project")
    for name in ("content", "library", "images", "patients"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def address(project: Path) -> Iterator[str]:
    import uvicorn

    from booklet.studio.app import studio_app

    port = free_port()
    config = uvicorn.Config(studio_app(project), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, address: str) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": WIDE, "height": 900}, accept_downloads=True, base_url=address
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    # no script error, no failed request, nothing the content security policy refused; a
    # preview overtaken by a newer change is cancelled on purpose, and htmx says so
    assert [e for e in errors if not e.startswith(SUPERSEDED)] == []


def screenshot(tab: Any, name: str) -> None:
    """Save the screen at 1280 and 820 pixels wide where BOOKLET_STUDIO_SCREENSHOTS says."""
    folder = os.environ.get("BOOKLET_STUDIO_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width in (WIDE, TABLET):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.evaluate("window.scrollTo(0, 0)")
        time.sleep(0.3)
        tab.screenshot(path=str(Path(folder) / f"studio-{name}-{width}.png"), full_page=True)
    tab.set_viewport_size({"width": WIDE, "height": 900})


def preview_source(tab: Any) -> str:
    return str(tab.locator("#preview img.page").first.get_attribute("src"))


def add(tab: Any, exercise: str) -> None:
    tab.click(f'.card[data-id="{exercise}"] button.add')
    tab.wait_for_selector(f'#chosen .row[data-id="{exercise}"]')


def test_build_a_three_exercise_handout_fix_a_dose_and_download_it(page: Any):
    tab = page
    tab.goto("/handout")
    assert tab.locator("#chosen .row").count() == 0
    tab.fill("#search", "bridge")
    assert tab.locator('.card[data-id="kneeling-hip-flexor"]').is_hidden()
    add(tab, "glute-bridge")
    tab.fill("#search", "chair")  # a chosen card hides like any other
    assert tab.locator('.card[data-id="glute-bridge"]').is_hidden()
    assert tab.locator('.card[data-id="standing-quad"]').is_visible()
    tab.fill("#search", "")
    tab.dispatch_event("#search", "input")
    add(tab, "kneeling-hip-flexor")
    add(tab, "bird-dog")
    tab.fill("input[name=name]", "Maria López")
    tab.fill("input[name=clinician]", "Sam Okafor, PT")
    tab.fill("input[name=date]", "2026-11-20")
    tab.fill("textarea[name=notes]", "Start with the bridge. Stop if your knee hurts.")
    tab.wait_for_selector("#preview img.page")

    # drag the kneeling stretch to the top
    tab.drag_and_drop(
        '#chosen .row[data-id="kneeling-hip-flexor"]', '#chosen .row[data-id="glute-bridge"]'
    )
    order = tab.eval_on_selector_all("#chosen .row", "rows => rows.map(r => r.dataset.id)")
    assert order == ["kneeling-hip-flexor", "glute-bridge", "bird-dog"]

    # a dosage mistake: the patient file's message, next to the field
    tab.fill('input[name="dose.glute-bridge.repeat"]', "lots")
    slot = tab.locator('[data-slot="ex.glute-bridge.repeat"]')
    slot.wait_for(state="visible")
    assert "whole number" in slot.inner_text()
    field = tab.locator('input[name="dose.glute-bridge.repeat"]')
    assert field.get_attribute("aria-invalid") == "true"
    screenshot(tab, "handout-mistake")
    tab.fill('input[name="dose.glute-bridge.repeat"]', "12")
    slot.wait_for(state="hidden")
    tab.wait_for_selector("#preview img.page")
    time.sleep(0.5)
    screenshot(tab, "handout")

    with tab.expect_download() as waiting:
        tab.click("text=Download PDF")
    download = waiting.value
    assert download.suggested_filename == "hip-home-program-maria-lopez.pdf"
    pdf = Path(download.path()).read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Maria López" in text and "Sam Okafor, PT" in text
    for name in ("Kneeling hip flexor stretch", "Glute bridge", "Bird-dog"):
        assert name in text
    assert "12 times" in text
    assert "Knee-to-chest" not in text  # not chosen


def test_change_a_brand_colour_and_see_the_preview_change(page: Any, project: Path):
    tab = page
    tab.goto("/brand")
    tab.wait_for_selector("#brand-preview img.page")
    before = tab.locator("#brand-preview img.page").first.get_attribute("src")
    tab.fill('input[name="colors.primary"]', "#7A1F3D")
    tab.wait_for_function(
        "before => document.querySelector('#brand-preview img.page').src !== before", arg=before
    )
    tab.fill('input[name="colors.primary"]', "#9AD0EC")
    warning = tab.locator('[data-slot="colors.primary"]')
    warning.wait_for(state="visible")
    assert "4.5:1" in warning.inner_text()
    tab.fill('input[name="colors.primary"]', "#7A1F3D")
    warning.wait_for(state="hidden")
    tab.click("text=Review changes")
    tab.wait_for_selector(".diff")
    assert "#7A1F3D" in tab.inner_text(".diff")
    screenshot(tab, "brand")
    tab.click("#brand-review button.primary")
    tab.wait_for_selector(".saved")
    saved = (project / "content" / "brand.yaml").read_text()
    assert "#7A1F3D" in saved and "# the disclaimer in each language" in saved


def test_the_booklet_screen_shows_pages_and_options(page: Any):
    tab = page
    tab.goto("/booklet")
    tab.wait_for_selector("#booklet-preview img.page")
    tab.select_option("select[name=content]", "content/hip-home-program.yaml")
    tab.wait_for_function(
        "() => document.querySelector('#booklet-preview').innerText.includes('9 pages')"
    )
    tab.check("input[name=large_print]")
    tab.wait_for_function(
        "() => !document.querySelector('#booklet-preview').innerText.includes('9 pages')"
        " && document.querySelector('#booklet-preview img.page')"
    )
    count = int(tab.inner_text("#booklet-preview").split(" pages")[0].split()[-1])
    assert count > 9  # large print takes more pages
    screenshot(tab, "booklet")
