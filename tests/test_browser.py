"""End to end in a real browser: JupyterLab headless, driven by Debian's Chromium with Playwright.

Screenshots land in test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

from browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, copy_project, solved_copy, start_lab
from notebook_runner import ROOT

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed (scripts/install_browser.sh installs it when run as root)",
)

FINISHED = r"""() => {
  const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  const idle = document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']") !== null;
  return idle && prompts.length > 0 && prompts.every(e => /\[\d+\]/.test(e.textContent));
}"""
PROMPTS = (
    "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent).join(' ')"
)
STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lab")
    home = tmp / "home"
    home.mkdir()
    root = copy_project(tmp / "project", ROOT)
    folder = root / "course" / "00-welcome"
    # the learner's own exercise, solved (the blank copy stays next to it for the blank test)
    (folder / "00-welcome-exercise.ipynb").rename(folder / "00-welcome-blank.ipynb")
    solved_copy(
        folder / "00-welcome-blank.ipynb",
        ROOT / "graders" / "source" / "00-welcome" / "00-welcome-exercise.ipynb",
        folder / "00-welcome-exercise.ipynb",
    )
    # the instructor releases the welcome exercise to the course's exchange (inside the copy)
    released = subprocess.run(
        [
            str(Path(sys.executable).parent / "smm-lab"),
            "course",
            "--course-dir",
            str(root / "graders"),
            "release",
            "00-welcome",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert released.returncode == 0, released.stdout + released.stderr
    _write_widget_tour(root / "course" / "widget-tour.ipynb")
    server = start_lab(root, home)
    yield server
    server.stop()


WIDGET_CELLS = [
    "from sandbox import World\n"
    "from sandbox.ads_widgets import BudgetPlanner, TargetingBuilder\n"
    "from sandbox.widgets import CalendarViewer\n"
    "\n"
    'world = World(seed=2026, niche="coffee_shop", size=3_000)',
    "TargetingBuilder(world).widget",
    "BudgetPlanner(goal=200, cpc=0.8).widget",
    "CalendarViewer(world.posts[world.posts['brand'] == world.you]).widget",
]


def _write_widget_tour(path: Path) -> None:
    """A notebook showing the package's targeting builder, budget planner and calendar viewer."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(src) for src in WIDGET_CELLS]
    nbformat.write(nb, str(path))


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, request):
    ARTIFACTS.mkdir(exist_ok=True)
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield pg
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    pg.close()


def open_notebook(page, lab, rel: str) -> None:
    """Open one notebook in a fresh workspace (no tabs restored from earlier tests)."""
    page.goto(lab.url(f"lab/workspaces/{uuid.uuid4().hex[:8]}/tree/{rel}?reset"))
    page.wait_for_selector(".jp-Notebook", timeout=90_000)
    # a fresh workspace may ask which kernel to use before it has read the notebook's kernelspec;
    # the notebook names python3, which the dialog preselects
    try:
        page.wait_for_selector(".jp-Dialog:has-text('Select Kernel')", timeout=5_000)
        page.click(".jp-Dialog button:has-text('Select')")
    except Exception:  # no dialog: the kernel started from the notebook's kernelspec
        pass
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)


def run_all(page) -> None:
    """Run every cell through JupyterLab's Run menu, retrying if the click is not taken."""
    started = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(e => /\\S/.test(e.textContent.replace(/[\\[\\]: ]/g, '')))"
    for _attempt in range(3):
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.click("div.lm-MenuBar-itemLabel:text('Run')")
        page.click("li.lm-Menu-item:has-text('Run All Cells')")
        try:
            page.wait_for_function(started, timeout=20_000)
            break
        except Exception:  # the menu click was not taken (page still settling): try again
            page.keyboard.press("Escape")
    try:
        page.wait_for_function(FINISHED, timeout=180_000)
    except Exception as exc:  # show where it stopped
        prompts = page.evaluate(PROMPTS)
        raise AssertionError(f"not every cell ran within 180 s; prompts: {prompts}") from exc


def test_lesson_runs_in_jupyterlab_with_chart_and_live_widget(lab, page):
    open_notebook(page, lab, "course/00-welcome/00-welcome-lesson.ipynb")
    run_all(page)
    assert page.locator(STDERR).count() == 0, page.locator(STDERR).all_inner_texts()
    images = page.locator(".jp-RenderedImage img")
    assert images.count() >= 1, "no chart rendered"
    assert images.first.evaluate("img => img.naturalWidth") > 100, "the chart image is empty"

    summary = page.locator(".widget-html:has-text('people match')").first
    summary.scroll_into_view_if_needed()
    before = summary.inner_text()
    page.locator(".widget-dropdown:has(label:text-is('interest')) select").first.select_option("coffee")
    page.wait_for_function(
        "(b) => [...document.querySelectorAll('.widget-html')].some("
        "e => e.textContent.includes('people match') && e.textContent !== b)",
        arg=before,
        timeout=30_000,
    )
    after = summary.inner_text()
    assert after != before, "moving the widget's control did not change what it shows"
    page.screenshot(path=str(ARTIFACTS / "lesson-00-widget.png"))


def test_exercise_visible_checks_run_in_jupyterlab(lab, page):
    """A learner's solved exercise: every visible check passes and the self-check prints a score."""
    open_notebook(page, lab, "course/00-welcome/00-welcome-exercise.ipynb")
    run_all(page)
    assert page.locator(STDERR).count() == 0, page.locator(STDERR).all_inner_texts()
    report = page.locator(".jp-OutputArea-output:has-text('Score on the visible tests')")
    report.scroll_into_view_if_needed()
    assert "Score on the visible tests: 12 / 12" in report.inner_text(), report.inner_text()
    page.screenshot(path=str(ARTIFACTS / "exercise-00-visible-checks.png"))


def test_blank_exercise_explains_what_to_do(lab, page):
    """The untouched student copy stops at the first answer cell with NotImplementedError, not a crash."""
    open_notebook(page, lab, "course/00-welcome/00-welcome-blank.ipynb")
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.click("div.lm-MenuBar-itemLabel:text('Run')")
    page.click("li.lm-Menu-item:has-text('Run All Cells')")
    page.wait_for_selector(f"{STDERR}:has-text('NotImplementedError')", timeout=120_000)


def test_formgrader_shows_the_course(lab, page):
    page.goto(lab.url("formgrader"))
    page.wait_for_selector("text=00-welcome", timeout=90_000)
    assert page.locator("text=00-welcome").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "formgrader.png"))


def test_learners_assignment_list_shows_the_released_exercise_and_fetches_it(lab, page):
    """A learner in a class opens Nbgrader > Assignment List, sees the released exercise, fetches it."""
    page.goto(lab.url(f"lab/workspaces/{uuid.uuid4().hex[:8]}/tree/course?reset"))
    page.wait_for_selector("div.lm-MenuBar-itemLabel:text('Nbgrader')", timeout=90_000)
    page.click("div.lm-MenuBar-itemLabel:text('Nbgrader')")
    page.click("li.lm-Menu-item:has-text('Assignment List')")
    released = page.locator("#released_assignments_list .list_item:has-text('00-welcome')")
    released.wait_for(timeout=60_000)
    released.locator("button:has-text('Fetch')").click()
    fetched = page.locator(
        "#fetched_assignments_list .list_item:not(.nested_list_item):has-text('00-welcome')"
    )
    fetched.wait_for(timeout=60_000)
    assert "Submit" in fetched.inner_text()
    # nbgrader fetches into the folder JupyterLab serves, next to course/
    assert (lab.root / "00-welcome" / "00-welcome-exercise.ipynb").is_file()
    page.screenshot(path=str(ARTIFACTS / "assignment-list.png"))


def _changes(page, output, act) -> tuple[str, str]:
    """Do ``act`` and wait until the text of ``output`` (a cell's output area) changes."""
    output.scroll_into_view_if_needed()
    before = output.inner_text()
    act()
    handle = output.element_handle()
    page.wait_for_function("([el, b]) => el.innerText !== b", arg=[handle, before], timeout=30_000)
    return before, output.inner_text()


def test_targeting_builder_budget_planner_and_calendar_react_in_jupyterlab(lab, page):
    open_notebook(page, lab, "course/widget-tour.ipynb")
    run_all(page)
    assert page.locator(STDERR).count() == 0, page.locator(STDERR).all_inner_texts()
    outputs = page.locator(".jp-CodeCell .jp-OutputArea")
    targeting, budget, calendar = outputs.nth(1), outputs.nth(2), outputs.nth(3)
    for out in (targeting, budget, calendar):
        out.locator(".widget-html").first.wait_for(timeout=60_000)  # widget state rendered

    # targeting: only women -> the live audience estimate changes
    before, after = _changes(page, targeting, lambda: targeting.locator("button:text-is('women')").click())
    assert before != after
    # budget: one step up on the goal slider -> a new budget
    handle = budget.locator(".widget-slider:has(label:text-is('goal')) .noUi-handle").first

    def step_goal() -> None:
        handle.focus()
        page.keyboard.press("ArrowRight")

    before, after = _changes(page, budget, step_goal)
    assert before != after
    # calendar: the next week -> other posts
    week = calendar.locator(".widget-slider:has(label:text-is('week')) .noUi-handle").first

    def next_week() -> None:
        week.focus()
        page.keyboard.press("ArrowRight")

    before, after = _changes(page, calendar, next_week)
    assert before != after
    page.screenshot(path=str(ARTIFACTS / "widget-tour.png"), full_page=True)


def test_artifacts_folder_is_ignored_by_git():
    assert "test-artifacts/" in (ROOT / ".gitignore").read_text()


def teardown_module(_module):
    # leave screenshots, but never leave copies of notebooks saved by the browser in the repo
    for stray in Path(ROOT / "course").rglob(".ipynb_checkpoints"):
        shutil.rmtree(stray, ignore_errors=True)
