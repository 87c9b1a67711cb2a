"""Requests -> allowed or refused: the access token a non-loopback studio requires, the
Host header a loopback studio answers to, the size of a request, and the cross-site
request forgery token every form carries (double submit: a cookie and a form field or
header that must match)."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
from collections.abc import Awaitable, Callable
from functools import wraps

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from booklet.studio.worker import on_worker

CSRF_COOKIE = "studio_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "studio_token"
TOKEN_ENVIRONMENT = "BOOKLET_STUDIO_TOKEN"
MAX_REQUEST_BYTES = 12 * 1024 * 1024  # a logo of up to 8 MB and the form around it
MAX_FORM_FIELDS = 5_000  # 200 exercises with every dosage field, and the patient
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class Guard:
    """ASGI middleware in front of every route: size limit, Host check, access token."""

    def __init__(self, app: ASGIApp, token: str | None, bound_host: str) -> None:
        self.app = app
        self.token = token
        self.bound_host = bound_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = self.refusal(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if self.token and request.query_params.get("token"):
            # the address printed at start-up carries the token once; a cookie keeps it
            response = RedirectResponse(request.url.remove_query_params("token"), 303)
            set_cookie(response, TOKEN_COOKIE, self.token)
            await response(scope, receive, send)
            return
        started = False

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited(receive), with_headers(send_noting_start))
        except Exception as error:
            # one line naming the kind of error and the screen, never its message, which
            # could quote what a patient's form held; and no traceback for the server to log
            LOG.error("booklet studio: %s on %s", type(error).__name__, scope.get("path", ""))
            if not started:
                await FAILED(scope, receive, with_headers(send))

    def refusal(self, request: Request) -> Response | None:
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
            return PlainTextResponse("the request is too large", 413)
        if self.token is None:
            host = (request.headers.get("host") or "").rsplit(":", 1)[0]
            if not is_loopback(host) and host != self.bound_host:
                # a page of another site that names this address by a name of its own
                return PlainTextResponse("this studio answers only to its own address", 421)
            return None
        offered = request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if same(offered, self.token) or same(bearer, self.token):
            return None
        return PlainTextResponse(
            "this studio needs its access token: open the address it printed at start-up", 401
        )


# Only the studio's own scripts, styles and pictures (and the previews' data: pictures);
# no page of another site may frame it or receive its forms.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; "
        b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def with_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
        await send(message)

    return send_with_headers


FAILED = PlainTextResponse(
    "Something went wrong on the studio's side; nothing was saved. Reload the page.", 500
)
LOG = logging.getLogger("booklet.studio")


def limited(receive: Receive) -> Receive:
    """The request's body, refused past MAX_REQUEST_BYTES even without a Content-Length."""
    seen = 0

    async def receive_limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_REQUEST_BYTES:
                raise TooLarge()
        return message

    return receive_limited


class TooLarge(Exception):
    """A request body past the limit."""


def set_cookie(response: Response, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="strict", path="/")


def csrf_token(request: Request) -> str:
    """The form token of this browser: its cookie's, or a new one the response sets."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf", None)
    if not token:
        token = new_token()
        request.state.csrf = token
    return str(token)


def remember_csrf(request: Request, response: Response) -> Response:
    if getattr(request.state, "csrf", None) and not request.cookies.get(CSRF_COOKIE):
        set_cookie(response, CSRF_COOKIE, request.state.csrf)
    return response


Handler = Callable[[Request, FormData], Response]


def protected(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A POST route that runs only when the form's token matches the browser's cookie;
    the handler runs on the worker thread once the form is read."""

    @wraps(handler)
    async def checked(request: Request) -> Response:
        try:
            form = await request.form(max_fields=MAX_FORM_FIELDS, max_files=2)
        except TooLarge:
            return PlainTextResponse("the request is too large", 413)
        cookie = request.cookies.get(CSRF_COOKIE)
        offered = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
        if not same(cookie, offered if isinstance(offered, str) else None):
            await form.close()
            return PlainTextResponse(
                "this form has expired or came from another site; reload the page and try again",
                403,
            )
        try:
            return await on_worker(handler, request, form)
        finally:
            await form.close()

    checked.protected = True  # type: ignore[attr-defined]
    return checked


def offloaded(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
    """A GET route whose handler runs on the worker thread."""

    @wraps(handler)
    async def run(request: Request) -> Response:
        return await on_worker(handler, request)

    return run
