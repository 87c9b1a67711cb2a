"""The studio's routes through the framework's test client: every screen, the live
handout preview with the file reader's messages next to their fields, downloads, the
brand editor keeping comments, and the guards (form tokens, access token, paths, uploads,
request size, patient data kept out of every file and cache)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from starlette.testclient import TestClient

from booklet.studio.app import studio_app
from booklet.studio.security import CSRF_COOKIE, MAX_REQUEST_BYTES

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
PROGRAM = "content/hip-home-program.yaml"
MARK = "Qzx"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("content", "library", "images", "patients"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture
def client(project: Path) -> TestClient:
    client = TestClient(studio_app(project), base_url="http://127.0.0.1")
    client.get("/handout")  # sets the form token cookie
    return client


def token_of(client: TestClient) -> str:
    return str(client.cookies.get(CSRF_COOKIE))


def post(client: TestClient, url: str, data: dict | list, **more: object):
    """POST a form with this browser's token; a list of pairs may repeat a field."""
    if isinstance(data, list):
        grouped: dict[str, list[str]] = {}
        for key, value in data:
            grouped.setdefault(key, []).append(value)
        data = {key: values[0] if len(values) == 1 else values for key, values in grouped.items()}
    return client.post(url, data=data, headers={"X-CSRF-Token": token_of(client)}, **more)


def handout_form(name: str = "Maria López", **dosage: str) -> list[tuple[str, str]]:
    form = [("program", PROGRAM), ("name", name), ("date", "2026-11-20")]
    form += [("clinician", "Sam Okafor, PT"), ("notes", "Start with the **bridge**.")]
    for exercise in ("kneeling-hip-flexor", "glute-bridge", "bird-dog"):
        form.append(("ex", exercise))
    form += [(f"dose.glute-bridge.{field}", value) for field, value in dosage.items()]
    return form


def test_every_screen_answers(client: TestClient):
    for url in ("/handout", "/booklet", "/brand", f"/source?path={PROGRAM}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "booklet studio" in response.text
    assert client.get("/").status_code == 200  # redirected to the handout screen


def test_the_library_lists_the_program_and_its_library(client: TestClient):
    page = client.get(f"/handout?program={PROGRAM}").text
    ids = re.findall(r'class="card" data-id="([^"]+)"', page)
    assert ids[:3] == ["kneeling-hip-flexor", "knee-to-chest", "butterfly"]
    assert "standing-quad" in ids  # in library/hip.yaml, not printed by the program
    thumbnail = client.get(f"/handout/thumbnail?program={PROGRAM}&id=standing-quad")
    assert thumbnail.headers["content-type"] == "image/png"
    row = client.get(f"/handout/exercise?program={PROGRAM}&id=glute-bridge").text
    assert 'name="dose.glute-bridge.repeat"' in row and 'name="ex" value="glute-bridge"' in row


def test_preview_shows_the_pages(client: TestClient):
    response = post(client, "/handout/preview", handout_form())
    assert response.status_code == 200
    assert response.text.count("data:image/png;base64,") >= 1
    assert response.headers["cache-control"] == "no-store"


def test_a_dosage_mistake_gets_the_patient_files_message_next_to_its_field(
    client: TestClient, tmp_path: Path
):
    response = post(client, "/handout/preview", handout_form(repeat="lots", sides="sideways"))
    slots = yaml.safe_load(re.search(r'id="slots">(.*?)</script>', response.text).group(1))
    assert "data:image/png" not in response.text
    # the same file, read by `booklet build --patient`, gets the same words
    patient = tmp_path / "p.yaml"
    patient.write_text(
        "name: A\nexercises:\n  - kneeling-hip-flexor\n"
        "  - {id: glute-bridge, repeat: lots, sides: sideways}\n"
    )
    from booklet.errors import BookletError
    from booklet.source.read import load, load_patient

    with pytest.raises(BookletError) as error:
        load_patient(patient, load(ROOT / PROGRAM))
    by_field = {p.field.split(".")[-1]: p.message for p in error.value.problems}
    assert slots["ex.glute-bridge.repeat"] == by_field["repeat"]
    assert slots["ex.glute-bridge.sides"] == by_field["sides"]


def test_a_missing_name_and_no_exercise_are_shown(client: TestClient):
    response = post(client, "/handout/preview", [("program", PROGRAM), ("name", "")])
    slots = yaml.safe_load(re.search(r'id="slots">(.*?)</script>', response.text).group(1))
    assert "name" in slots


def test_downloads_give_the_handout_the_twin_and_the_patient_file(client: TestClient):
    pdf = post(client, "/handout/download/pdf", handout_form())
    assert pdf.headers["content-type"] == "application/pdf"
    assert "hip-home-program-maria-lopez.pdf" in pdf.headers["content-disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Maria López" in text and "Glute bridge" in text and "Bird-dog" in text
    html = post(client, "/handout/download/html", handout_form())
    assert "Maria López" in html.text and html.text.startswith("<!")
    record = post(client, "/handout/download/yaml", handout_form(repeat="12"))
    saved = yaml.safe_load(record.text)
    assert saved["name"] == "Maria López" and saved["date"].isoformat() == "2026-11-20"
    assert saved["exercises"][1] == {"id": "glute-bridge", "repeat": 12}
    chart = post(client, "/handout/download/yaml", [*handout_form(), ("chart", "on")])
    assert yaml.safe_load(chart.text)["chart"] is True
    assert post(client, "/handout/download/exe", handout_form()).status_code == 422


def test_the_patient_file_downloaded_builds_the_same_handout(client: TestClient, tmp_path: Path):
    record = post(client, "/handout/download/yaml", handout_form(repeat="12", sets="3"))
    patient = tmp_path / "patient.yaml"
    patient.write_bytes(record.content)
    from booklet.api import handout
    from booklet.source.read import load, load_patient

    document = client.app.state.studio.programs.get(PROGRAM).document
    from_file = load_patient(patient, load(ROOT / PROGRAM))
    built = handout(document, from_file).booklet
    downloaded = post(client, "/handout/download/pdf", handout_form(repeat="12", sets="3"))
    assert built == downloaded.content


def test_a_library_exercise_the_program_does_not_print_can_be_given(client: TestClient):
    form = [("program", PROGRAM), ("name", "Ana"), ("date", "2026-11-20"), ("ex", "standing-quad")]
    pdf = post(client, "/handout/download/pdf", form)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Standing quad stretch" in text


def test_booklet_screen_previews_lists_findings_and_downloads(client: TestClient):
    form = {"content": "content/psoas-hip-pain.yaml", "large_print": "on", "page_size": "a5"}
    response = post(client, "/booklet/preview", form)
    assert "data:image/png" in response.text
    key = post(client, "/booklet/download/key", form)
    assert key.headers["content-type"] == "application/pdf"
    first = PdfReader(io.BytesIO(post(client, "/booklet/download/pdf", form).content)).pages[0]
    assert round(float(first.mediabox.width)) == 420  # A5
    versions = {**form, "versions": "2", "version": "B"}
    assert (
        "-B.pdf" in post(client, "/booklet/download/pdf", versions).headers["content-disposition"]
    )


def test_booklet_problems_are_listed_with_file_and_line(client: TestClient, project: Path):
    broken = project / "content" / "broken.yaml"
    broken.write_text("title: Broken\nsections:\n  - title: One\n    setps: [a]\n")
    response = post(client, "/booklet/preview", {"content": "content/broken.yaml"})
    assert "content/broken.yaml:4" in response.text
    assert "unknown field" in response.text
    wordy = "In the event that the patient experiences discomfort, it is recommended that "
    wordy += "the exercise be discontinued by the patient until such time as it is evaluated.\n"
    (project / "content" / "wordy.yaml").write_text(
        f"title: Wordy\nsections:\n  - title: One\n    body: {wordy}"
    )
    response = post(client, "/booklet/preview", {"content": "content/wordy.yaml"})
    assert "/source?path=content/wordy.yaml#L" in response.text  # what check finds
    assert "data:image/png" in response.text


def test_brand_edits_keep_comments_and_show_a_difference(client: TestClient, project: Path):
    brand_path = project / "content" / "brand.yaml"
    before = brand_path.read_text()
    form = {"file": "content/brand.yaml", "colors.primary": "#7A1F3D", "contact.phone": "555-0199"}
    review = post(client, "/brand/review", form).text
    assert '+  primary: "#7A1F3D"' in review.replace("&#34;", '"') or "#7A1F3D" in review
    assert brand_path.read_text() == before  # nothing saved yet
    saved = post(client, "/brand/save", form)
    assert "Saved" in saved.text
    after = brand_path.read_text()
    assert "#7A1F3D" in after and "555-0199" in after
    assert "# the disclaimer in each language" in after  # the comment is kept
    assert after.count("\n") == before.count("\n")


def test_brand_check_warns_of_faint_colours_and_refuses_bad_ones(client: TestClient):
    form = {
        "file": "content/brand.yaml",
        "colors.primary": "#9AD0EC",
        "preview_content": PROGRAM,
    }
    response = post(client, "/brand/check", form)
    slots = yaml.safe_load(re.search(r'id="slots">(.*?)</script>', response.text).group(1))
    assert "under the 4.5:1 WCAG asks for" in slots["colors.primary"]
    assert "data:image/png" in response.text
    bad = post(client, "/brand/save", {**form, "colors.primary": "bluish"})
    assert "is not a colour" in bad.text.replace("&#34;", '"')


@pytest.mark.parametrize(
    "picture",
    [
        *("bomb.jpg", "bomb.png", "drawing.svg", "empty.png", "icon.ico"),
        *("over-the-limit.png", "text.png", "truncated.png"),
    ],
)
def test_hostile_uploads_are_refused_with_the_file_checks_message(
    client: TestClient, project: Path, picture: str
):
    expected = yaml.safe_load((HOSTILE / "expected.yaml").read_text())
    line = next(
        v
        for v in expected.values()
        if f"image: the picture pictures/{picture} " in v or f"image: pictures/{picture} " in v
    )
    message = line.split("sections[1].image: ", 1)[1].replace("pictures/", "images/")
    data = (HOSTILE / "pictures" / picture).read_bytes()
    files = {"logo_file": (picture, data, "image/png")}
    response = post(client, "/brand/logo", {"file": "content/brand.yaml"}, files=files)
    assert message in response.text.replace("&#39;", "'").replace("&#34;", '"')
    assert sorted(p.name for p in (project / "images").iterdir()) == ["logo.png", "pelvic-tilt.png"]


def test_an_upload_over_the_size_limit_is_refused(client: TestClient, project: Path):
    from booklet.studio.uploads import MAX_UPLOAD_BYTES

    data = b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_UPLOAD_BYTES
    files = {"logo_file": ("huge.png", data, "image/png")}
    response = post(client, "/brand/logo", {"file": "content/brand.yaml"}, files=files)
    assert "the picture is larger than 8 MB" in response.text
    assert sorted(p.name for p in (project / "images").iterdir()) == ["logo.png", "pelvic-tilt.png"]


def test_a_good_upload_is_kept_under_images_without_replacing_a_picture(
    client: TestClient, project: Path
):
    data = (project / "images" / "logo.png").read_bytes()
    files = {"logo_file": ("../../logo.png", data, "image/png")}
    response = post(client, "/brand/logo", {"file": "content/brand.yaml"}, files=files)
    assert "../images/logo-2.png" in response.text
    assert (project / "images" / "logo-2.png").read_bytes() == data


@pytest.mark.parametrize(
    "url",
    [
        "/source?path=../../etc/passwd",
        "/source?path=/etc/passwd",
        "/source?path=content/%00brand.yaml",
        "/brand?file=../outside.yaml",
        "/handout?program=../../etc/hosts",
    ],
)
def test_no_path_outside_the_project_is_read(client: TestClient, url: str):
    response = client.get(url)
    assert "root:" not in response.text and "localhost" not in response.text.lower()[:0]
    assert response.status_code in (200, 404)
    assert "outside" in response.text or "control character" in response.text


def test_a_link_out_of_the_project_is_refused(client: TestClient, project: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text("secret: 1\n")
    (project / "content" / "link.yaml").symlink_to(outside)
    response = client.get("/source?path=content/link.yaml")
    assert "secret" not in response.text.split("</h1>")[-1] or "outside" in response.text
    assert "outside" in response.text


def test_every_post_route_needs_the_form_token(client: TestClient):
    posts = [r.path for r in client.app.routes if "POST" in (getattr(r, "methods", None) or ())]
    assert len(posts) >= 8
    for path in posts:
        url = path.replace("{kind}", "pdf")
        assert client.post(url, data={"program": PROGRAM}).status_code == 403, path
        wrong = client.post(url, data={"csrf": "guess"}, headers={"X-CSRF-Token": "guess"})
        assert wrong.status_code == 403, path


def test_another_sites_name_for_the_studio_is_refused(project: Path):
    client = TestClient(studio_app(project), base_url="http://attacker.example")
    assert client.get("/handout").status_code == 421


def test_a_token_studio_needs_the_token(project: Path):
    token = "a-long-enough-token-1234"
    app = studio_app(project, token=token, host="0.0.0.0")
    stranger = TestClient(app, base_url="http://192.0.2.1")
    assert stranger.get("/handout").status_code == 401
    assert stranger.get("/handout?token=wrong-token-000000").status_code == 401
    friend = TestClient(app, base_url="http://192.0.2.1")
    assert friend.get(f"/handout?token={token}").status_code == 200  # then the cookie
    assert friend.get("/brand").status_code == 200
    bearer = TestClient(app, base_url="http://192.0.2.1")
    assert bearer.get("/brand", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_a_request_past_the_size_limit_is_refused(client: TestClient):
    data = b"x" * (MAX_REQUEST_BYTES + 10)
    response = client.post(
        "/brand/logo",
        content=data,
        headers={"X-CSRF-Token": token_of(client), "content-type": "application/octet-stream"},
    )
    assert response.status_code == 413


def test_patient_data_stays_out_of_disk_cache_and_messages(
    client: TestClient, project: Path, tmp_path: Path, monkeypatch, capfd
):
    cache = tmp_path / "cache"
    monkeypatch.setenv("BOOKLET_CACHE_DIR", str(cache))
    before = {p: p.stat().st_mtime for p in project.rglob("*")}
    form = handout_form(name=f"{MARK}name Lopez", repeat=f"{MARK}rep")
    form += [("notes", f"{MARK}notes")]
    for url in ("/handout/preview", "/handout/download/pdf", "/handout/download/html"):
        response = post(client, url, form)
        assert MARK not in response.text.split('id="slots">')[-1].split("</script>")[0]
    good = handout_form(name=f"{MARK}name Lopez")
    assert post(client, "/handout/download/pdf", good).status_code == 200
    post(client, "/handout/preview", good)
    after = {p: p.stat().st_mtime for p in project.rglob("*")}
    assert after == before  # nothing written to the project
    for path in cache.rglob("*") if cache.exists() else []:
        if path.is_file():
            assert MARK.encode() not in path.read_bytes(), path
    out, err = capfd.readouterr()
    assert MARK not in out + err


def test_the_studio_command_refuses_an_open_address_without_a_token(tmp_path: Path):
    from conftest import run_cli

    result = run_cli(["studio", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--token" in result.output and "Traceback" not in result.output
    short = run_cli(["studio", str(tmp_path), "--host", "0.0.0.0", "--token", "short"])
    assert short.exit_code == 2


HOSTILE_FILES = sorted(p.name for p in HOSTILE.glob("*.yaml") if p.name != "expected.yaml")


def shown_text(response) -> str:
    return response.text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_hostile_content_gets_the_command_lines_message(client: TestClient, project: Path, name):
    """Each file of the hostile corpus, chosen on the booklet screen, is refused with the
    message `booklet validate --restrict-to PROJECT` prints for it."""
    from conftest import run_cli

    shutil.copytree(HOSTILE, project / "hostile", symlinks=True, dirs_exist_ok=True)
    result = run_cli(["validate", project / "hostile" / name, "--restrict-to", project])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    message = first.split(": ", 2)[-1] if first.count(": ") >= 2 else first.split(": ", 1)[-1]
    response = post(client, "/booklet/preview", {"content": f"hostile/{name}"})
    assert "data:image/png" not in response.text
    assert message.replace(str(project) + "/", "") in shown_text(response).replace(
        str(project) + "/", ""
    )


@pytest.mark.parametrize("name", sorted(p.name for p in (HOSTILE / "brands").glob("*.yaml")))
def test_hostile_brands_are_refused_on_the_brand_screen(client: TestClient, project: Path, name):
    from conftest import run_cli

    shutil.copytree(HOSTILE, project / "hostile", symlinks=True, dirs_exist_ok=True)
    brand = project / "hostile" / "brands" / name
    before = brand.read_bytes()
    content = project / "hostile" / "minimal.yaml"
    content.write_text("title: Hip care\nsections:\n  - title: Moving well\n")
    result = run_cli(["validate", content, "--brand", brand])
    assert result.exit_code == 1
    message = result.stderr.splitlines()[0].split(": ", 2)[-1]
    form = {"file": f"hostile/brands/{name}", "contact.phone": "555-0100"}
    review = post(client, "/brand/review", form)
    saved = post(client, "/brand/save", form)
    for response in (review, saved):
        assert message.replace(str(project) + "/", "") in shown_text(response).replace(
            str(project) + "/", ""
        )
    assert brand.read_bytes() == before  # a brand with problems is never saved


@pytest.mark.parametrize(
    "logo", ["../../../etc/hostname", "/etc/hostname", "images/\x00logo.png", "/dev/zero"]
)
def test_a_logo_path_out_of_the_project_is_refused_with_the_readers_message(
    client: TestClient, logo: str
):
    form = {"file": "content/brand.yaml", "logo": logo, "preview_content": PROGRAM}
    response = post(client, "/brand/check", form)
    slots = yaml.safe_load(re.search(r'id="slots">(.*?)</script>', response.text).group(1))
    assert "outside" in slots["logo"] or "control character" in slots["logo"]
    assert "data:image/png" not in response.text


def test_an_unexpected_error_says_nothing_of_the_form(
    client: TestClient, monkeypatch, caplog, capfd
):
    from booklet.studio import handout_screen

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ValueError(f"{MARK} from the form")

    monkeypatch.setattr(handout_screen, "handout", broken)
    response = post(client, "/handout/preview", handout_form(name=f"{MARK}name"))
    assert response.status_code == 500
    assert MARK not in response.text
    assert "ValueError on /handout/preview" in caplog.text
    assert MARK not in caplog.text
    out, err = capfd.readouterr()
    assert MARK not in out + err


def test_pages_carry_a_strict_content_security_policy(client: TestClient):
    response = client.get("/handout")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert 'onchange="' not in response.text and ' style="' not in response.text
    assert (
        client.get("/handout/exercise?program=content/hip-home-program.yaml&id=nope").status_code
        == 404
    )


def test_the_studio_command_serves_the_folder_and_prints_its_address(project: Path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "booklet", "studio", str(project), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()
        address = server.stdout.readline()
        assert first.startswith("booklet studio for ")
        assert f"open http://127.0.0.1:{port}/ in your browser" in address
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/handout") as response:
                    assert "Exercise library" in response.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "the studio did not answer"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.communicate(timeout=30)
